package io.planconsult.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Reporting answers like intake: no content sniffing, and a Content-Security-Policy on the API and the dashboard. */
@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/v1/tallies", "/api/v1/reports/general", "/api/v1/reports/general?format=csv",
            "/api/v1/suggestions"})
    void apiResponsesMayNotBeSniffedNorLoadAnything(String path) {
        given().get(path).then()
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/dashboard/", "/dashboard/dashboard.js"})
    void theDashboardLoadsOnlyItsOwnScripts(String path) {
        given().get(path).then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }
}
