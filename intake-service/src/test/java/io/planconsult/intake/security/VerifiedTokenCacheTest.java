package io.planconsult.intake.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/**
 * A token is verified once and then served from the cache, never past its end, and a token that fails verification
 * is never cached: each showing is verified in full and refused again.
 */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://planconsult.local/issuer";
    private static final String AUDIENCE = "planconsult-intake";

    private final KeyPair keys = keyPair();
    private final JWTAuthContextInfo context = context();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(new DefaultJWTCallerPrincipalFactory(), 100,
            Optional.of(28_800L), Clock.systemUTC());

    @Test
    void aTokenIsVerifiedOnceAndServedFromTheCacheWhileValid() throws Exception {
        String token = mint(keys.getPrivate(), AUDIENCE, Instant.now(), Instant.now().plusSeconds(600));
        var first = cache.parse(token, context);
        assertSame(first, cache.parse(token, context), "the second showing is the verified claims kept");
        assertEquals(1, cache.size());
        assertEquals("alice", first.getSubject());
    }

    @Test
    void aCachedTokenStillExpiresOnTime() throws Exception {
        Instant exp = Instant.now().plusSeconds(2);
        String token = mint(keys.getPrivate(), AUDIENCE, Instant.now(), exp);
        cache.parse(token, context);
        assertEquals(1, cache.size(), "kept while valid");
        while (!Instant.now().isAfter(exp.plusMillis(200))) {
            Thread.sleep(100);
        }
        assertThrows(ParseException.class, () -> cache.parse(token, context), "refused once expired, cached or not");
        assertEquals(0, cache.size(), "the expired token is no longer kept");
    }

    @Test
    void aTokenPastItsMaximumAgeIsNotServedFromTheCache() throws Exception {
        AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(ahead.get());
            }
        };
        VerifiedTokenCache young = new VerifiedTokenCache(new DefaultJWTCallerPrincipalFactory(), 100, Optional.of(2L),
                clock);
        String token = mint(keys.getPrivate(), AUDIENCE, Instant.now(), Instant.now().plusSeconds(600));
        var first = young.parse(token, context);
        ahead.set(Duration.ofMillis(2_500)); // the cache's clock, 2.5 s on: past the maximum age of 2 s
        // token.age is enforced by the service's verification context, not by this one: the cache must not answer.
        var again = young.parse(token, context);
        assertEquals(first.getSubject(), again.getSubject());
        assertNotSame(first, again, "verified again once older than the maximum age");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverCached() {
        KeyPair other = keyPair();
        String forged = mint(other.getPrivate(), AUDIENCE, Instant.now(), Instant.now().plusSeconds(600));
        String elsewhere = mint(keys.getPrivate(), "planconsult-reporting", Instant.now(),
                Instant.now().plusSeconds(600));
        String expired = mint(keys.getPrivate(), AUDIENCE, Instant.now().minusSeconds(600),
                Instant.now().minusSeconds(1));
        for (String bad : new String[] {forged, elsewhere, expired, "not.a.token"}) {
            assertThrows(ParseException.class, () -> cache.parse(bad, context));
            assertThrows(ParseException.class, () -> cache.parse(bad, context), "refused again, in full");
        }
        assertEquals(0, cache.size(), "nothing kept");
    }

    private static String mint(PrivateKey key, String audience, Instant issuedAt, Instant expiresAt) {
        return Jwt.issuer(ISSUER).audience(audience).subject("alice").groups(Set.of("analyst"))
                .issuedAt(issuedAt).expiresAt(expiresAt).sign(key);
    }

    private JWTAuthContextInfo context() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        info.setExpectedAudience(Set.of(AUDIENCE));
        info.setClockSkew(0);
        return info;
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
