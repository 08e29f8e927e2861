package io.planconsult.reporting.rest;

import java.time.Duration;
import java.util.Set;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the module's test-only key pair (src/test/resources/test-keys). */
public final class TestTokens {

    private TestTokens() {
    }

    public static String forRole(String role) {
        return Jwt.subject("test-" + role).groups(Set.of(role)).expiresIn(Duration.ofMinutes(30)).sign();
    }

    /** Sends every following RestAssured request as this role, until {@link #signOut()}. */
    public static void signIn(String role) {
        RestAssured.authentication = RestAssured.oauth2(forRole(role));
    }

    public static void signOut() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }
}
