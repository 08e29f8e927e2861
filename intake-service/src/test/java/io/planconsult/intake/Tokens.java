package io.planconsult.intake;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Tokens for the tests, signed with the test-only key pair (src/test/resources/test-keys; %test profile). */
public final class Tokens {

    public static final String ISSUER = "https://planconsult.local/issuer";

    private Tokens() {
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

    public static String mint(String subject, String role, String station) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1));
        if (station != null) {
            claims.claim("station", station);
        }
        return claims.sign();
    }
}
