package io.planconsult.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.planconsult.infra.testing.TestTokens;
import io.planconsult.infra.testing.TestKeys;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Reporting follows the platform's roles: the dashboard's aggregates are public here (the default,
 * {@code reporting.public-dashboard=true}), suggestion lists need analyst or admin, rebuilds need admin.
 */
@QuarkusTest
class AccessTest {

    private static final String UNKNOWN_RUN = "/api/v1/admin/rebuild/"
            + UUID.nameUUIDFromBytes("no such run".getBytes());

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "none,          /api/v1/tallies,                 200",
            "none,          /api/v1/tallies/districts/xihu,  200",
            "none,          /api/v1/districts,               200",
            "none,          /api/v1/reports/general,         200",
            "none,          /api/v1/suggestions,             401",
            "none,          /api/v1/reports/topics/ai,       401",
            "none,          /api/v1/reports/districts/xihu,  401",
            "none,          UNKNOWN_RUN,                     401",
            "viewer,        /api/v1/tallies,                 200",
            "viewer,        /api/v1/reports/general,         200",
            "viewer,        /api/v1/suggestions,             403",
            "viewer,        /api/v1/reports/topics/ai,       403",
            "viewer,        /api/v1/reports/districts/xihu,  403",
            "viewer,        UNKNOWN_RUN,                     403",
            "station-staff, /api/v1/suggestions,             403",
            "station-staff, UNKNOWN_RUN,                     403",
            "analyst,       /api/v1/suggestions,             200",
            "analyst,       /api/v1/reports/topics/ai,       200",
            "analyst,       /api/v1/reports/districts/xihu,  200",
            "analyst,       UNKNOWN_RUN,                     403",
            "admin,         /api/v1/suggestions,             200",
            "admin,         UNKNOWN_RUN,                     404",
    })
    void roleDecidesAccess(String role, String path, int status) {
        var response = as(role).get(path.equals("UNKNOWN_RUN") ? UNKNOWN_RUN : path).then().statusCode(status);
        if (status == 401 || status == 403) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    @Test
    void startingARebuildNeedsAdmin() {
        as("analyst").post("/api/v1/admin/rebuild").then().statusCode(403).contentType("application/problem+json");
        as("none").post("/api/v1/admin/rebuild").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenFromAnotherIssuerKeyIsRefused() {
        String forged = io.smallrye.jwt.build.Jwt.subject("mallory").groups(java.util.Set.of("admin"))
                .sign(TestKeys.untrustedPrivateKey());
        given().auth().oauth2(forged).get("/api/v1/suggestions").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherServiceOrIssuedForMoreThanEightHoursIsRefused() {
        String forIntake = io.smallrye.jwt.build.Jwt.subject("admin").groups(java.util.Set.of("admin"))
                .audience("planconsult-intake").expiresIn(java.time.Duration.ofMinutes(5)).sign();
        given().auth().oauth2(forIntake).get("/api/v1/suggestions").then().statusCode(401)
                .contentType("application/problem+json");
        String tooLong = io.smallrye.jwt.build.Jwt.subject("admin").groups(java.util.Set.of("admin"))
                .expiresIn(java.time.Duration.ofHours(9)).sign();
        given().auth().oauth2(tooLong).get("/api/v1/suggestions").then().statusCode(401);
        given().auth().oauth2(TestTokens.forRole("admin")).get("/api/v1/suggestions").then().statusCode(200);
    }

    static RequestSpecification as(String role) {
        return role.equals("none") ? given() : given().auth().oauth2(TestTokens.forRole(role));
    }
}
