package io.planconsult.stack;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Mints bearer tokens the local services accept: the issuer they verify, roles in {@code groups}, the station claim. */
public final class Tokens {

    public static final String ISSUER = "https://planconsult.local/issuer";
    public static final Set<String> ROLES = Set.of("station-staff", "analyst", "viewer", "admin");

    private Tokens() {
    }

    /**
     * @param station the station claim; required for {@code station-staff}, ignored otherwise
     */
    public static String mint(LocalKeys keys, String role, String station, Duration ttl) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ", was " + role);
        }
        if ("station-staff".equals(role) && (station == null || station.isBlank())) {
            throw new IllegalArgumentException("a station-staff token needs --station <id>");
        }
        String subject = "station-staff".equals(role) ? "staff-" + station : role + "-" + UUID.randomUUID().toString().substring(0, 8);
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(ttl);
        if ("station-staff".equals(role)) {
            claims.claim("station", station);
        }
        return claims.jws().keyId("local").sign(keys.signingKey());
    }
}
