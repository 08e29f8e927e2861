package io.planconsult.infra.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * An RSA key pair generated when the tests start, so no private key is ever committed. Every token the tests mint is
 * signed with it and every service under test verifies with it ({@link JwtKeysTestResource}).
 */
public final class TestKeys {

    private static final KeyPair PAIR = generate();

    private TestKeys() {
    }

    public static String publicKeyPem() {
        return pem("PUBLIC KEY", PAIR.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
    }

    /** A private key of a pair no service trusts: what a forged token is signed with. */
    public static PrivateKey untrustedPrivateKey() {
        return generate().getPrivate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
