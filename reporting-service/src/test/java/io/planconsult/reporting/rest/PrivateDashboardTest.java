package io.planconsult.reporting.rest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code reporting.public-dashboard=false} the aggregates need a token too, of any role. */
@QuarkusTest
@TestProfile(PrivateDashboardTest.Private.class)
class PrivateDashboardTest {

    public static class Private implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.public-dashboard", "false");
        }
    }

    @Test
    void aggregatesNeedATokenOfAnyRole() {
        for (String path : new String[] { "/api/v1/tallies", "/api/v1/districts", "/api/v1/reports/general",
                "/api/v1/tallies/stream" }) {
            AccessTest.as("none").get(path).then().statusCode(401).contentType("application/problem+json");
        }
        AccessTest.as("viewer").get("/api/v1/tallies").then().statusCode(200);
        AccessTest.as("station-staff").get("/api/v1/reports/general").then().statusCode(200);
    }
}
