package io.planconsult.intake.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Verifies each bearer token once, not once per request: SmallRye JWT's own verification (signature, issuer, audience,
 * times) runs on a token's first use, and its verified claims are kept, keyed by the token's SHA-256, until the token
 * stops being valid ({@code exp}, or {@code iat} + {@code mp.jwt.verify.token.age} if sooner), at most
 * {@code intake.jwt.verified-tokens} of them (least recently used go first). A token that fails verification throws
 * and is never kept, so it is checked in full every time it is shown. A kept token is served only while the clock is
 * before its end, whatever the cache's own eviction timing; after it, the token goes through verification again.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    private record Verified(JWTCallerPrincipal principal, long validUntilSecond) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final Optional<Long> maxAgeSeconds;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    @Inject
    VerifiedTokenCache(@ConfigProperty(name = "intake.jwt.verified-tokens", defaultValue = "10000") long capacity,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
        this(new DefaultJWTCallerPrincipalFactory(), capacity, maxAgeSeconds, Clock.systemUTC());
    }

    VerifiedTokenCache(JWTCallerPrincipalFactory verifier, long capacity, Optional<Long> maxAgeSeconds, Clock clock) {
        this.verifier = verifier;
        this.maxAgeSeconds = maxAgeSeconds;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfter(Expiry.<String, Verified>creating(
                (key, v) -> Duration.ofSeconds(Math.max(0, v.validUntilSecond() - clock.instant().getEpochSecond()))))
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        String key = digest(token);
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.getIfPresent(key);
        if (hit != null && now < hit.validUntilSecond()) {
            return hit.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long until = principal.getExpirationTime();
        if (maxAgeSeconds.isPresent() && principal.getIssuedAtTime() > 0) {
            until = Math.min(until, principal.getIssuedAtTime() + maxAgeSeconds.get());
        }
        if (now < until) {
            verified.put(key, new Verified(principal, until));
        }
        return principal;
    }

    /** How many verified tokens are kept now. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
