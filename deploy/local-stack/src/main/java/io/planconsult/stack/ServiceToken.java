package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token the tagging service shows intake to fetch a suggestion's text key (crypto-shredding), generated on first
 * use beside the local key pair ({@code .local/keys/text-keys-service-token}, git-ignored, owner-only). In k8s the
 * same value comes from one Secret mounted into both services.
 */
public final class ServiceToken {

    private ServiceToken() {
    }

    public static String in(Path keysDir) {
        Path file = keysDir.resolve("text-keys-service-token");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(keysDir);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                        StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection applies
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
