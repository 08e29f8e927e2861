package io.planconsult.tagging.rest;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the module's test-only key pair (src/test/resources/test-keys). */
public final class TestTokens {

    private TestTokens() {
    }

    public static String forRole(String role) {
        return Jwt.subject("test-" + role).groups(Set.of(role)).claim("station", "st-xihu-01")
                .expiresIn(Duration.ofMinutes(10)).sign();
    }
}
