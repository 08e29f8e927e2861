package io.planconsult.stack;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints bearer tokens the local services accept: the issuer they verify, roles in {@code groups}, the station claim,
 * the audiences of the services the token is for ({@code aud}, each service accepts only its own) and a lifetime no
 * longer than the services accept ({@link #MAX_TTL}, their {@code smallrye.jwt.time-to-live}).
 */
public final class Tokens {

    public static final String ISSUER = "https://planconsult.local/issuer";
    public static final Set<String> ROLES = Set.of("station-staff", "analyst", "viewer", "admin");
    /** The services and the audience each one checks ({@code mp.jwt.verify.audiences}). */
    public static final Map<String, String> AUDIENCES = Map.of("intake", "planconsult-intake",
            "tagging", "planconsult-tagging", "reporting", "planconsult-reporting");
    /** The longest lifetime the services accept (exp - iat); a longer token would be refused by every one of them. */
    public static final Duration MAX_TTL = Duration.ofHours(8);

    private Tokens() {
    }

    /** A token for all three services. */
    public static String mint(LocalKeys keys, String role, String station, Duration ttl) {
        return mint(keys, role, station, ttl, AUDIENCES.keySet());
    }

    /**
     * @param station the station claim; required for {@code station-staff}, ignored otherwise
     * @param services which services the token is for: intake, tagging, reporting
     */
    public static String mint(LocalKeys keys, String role, String station, Duration ttl, Set<String> services) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("--ttl must be more than 0 and at most " + MAX_TTL.toHours() + "h, was "
                    + ttl);
        }
        if (services.isEmpty() || !AUDIENCES.keySet().containsAll(services)) {
            throw new IllegalArgumentException("--aud must name some of " + new TreeSet<>(AUDIENCES.keySet()) + ", was "
                    + services);
        }
        Set<String> audiences = services.stream().map(AUDIENCES::get).collect(Collectors.toCollection(TreeSet::new));
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ", was " + role);
        }
        if ("station-staff".equals(role) && (station == null || station.isBlank())) {
            throw new IllegalArgumentException("a station-staff token needs --station <id>");
        }
        String subject = "station-staff".equals(role) ? "staff-" + station : role + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .audience(audiences).expiresIn(ttl);
        if ("station-staff".equals(role)) {
            claims.claim("station", station);
        }
        return claims.jws().keyId("local").sign(keys.signingKey());
    }
}
