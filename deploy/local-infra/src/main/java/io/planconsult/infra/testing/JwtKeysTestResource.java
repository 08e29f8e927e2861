package io.planconsult.infra.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the service under test the key pair of this test run: it verifies bearer tokens with the public key
 * ({@code mp.jwt.verify.publickey}) and {@link TestTokens} signs with the private one ({@code smallrye.jwt.sign.key}).
 */
public class JwtKeysTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", TestKeys.publicKeyPem(),
                "smallrye.jwt.sign.key", TestKeys.privateKeyPem(),
                "smallrye.jwt.new-token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // nothing to release: the keys live in memory only
    }
}
