package io.planconsult.infra.testing;

import java.time.Duration;
import java.util.Set;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for the services' tests, signed with the test run's key pair ({@link JwtKeysTestResource}, which
 * every module's test resources register). Roles and the station claim as in contract's {@code Roles}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://planconsult.local/issuer";

    private TestTokens() {
    }

    public static String staff(String station) {
        return mint("staff-" + station, "station-staff", station);
    }

    public static String analyst() {
        return mint("analyst-1", "analyst", null);
    }

    public static String viewer() {
        return mint("viewer-1", "viewer", null);
    }

    public static String admin() {
        return mint("admin-1", "admin", null);
    }

    /** A token carrying just this role. */
    public static String forRole(String role) {
        return mint("test-" + role, role, null);
    }

    /** @param station the station claim, or null */
    public static String mint(String subject, String role, String station) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1));
        if (station != null) {
            claims.claim("station", station);
        }
        return claims.sign();
    }

    /** Sends every following RestAssured request as this role, until {@link #signOut()}. */
    public static void signIn(String role) {
        RestAssured.authentication = RestAssured.oauth2(forRole(role));
    }

    public static void signOut() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
