package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local run's token signing key pair, generated on first use (RSA 2048, PEM). The services get the public key
 * ({@code -Dmp.jwt.verify.publickey.location}); {@code deploy/token} signs with the private one. It lives under
 * {@code .local/keys/}, which git ignores: every checkout has its own pair, trusted by nothing else.
 */
public record LocalKeys(Path privateKey, Path publicKey) {

    public static LocalKeys in(Path dir) {
        LocalKeys keys = new LocalKeys(dir.resolve("privateKey.pem"), dir.resolve("publicKey.pem"));
        if (!Files.exists(keys.privateKey()) || !Files.exists(keys.publicKey())) {
            keys.generate();
        }
        return keys;
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            write(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            write(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the local key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local key pair to " + privateKey.getParent(), e);
        }
    }

    public PrivateKey signingKey() {
        try {
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + privateKey, e);
        }
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
