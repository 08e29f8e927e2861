package io.planconsult.intake.forum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The envelope of an import request: who sent it, its Idempotency-Key (or {@code null}) and a SHA-256
 * of its content, which tells a retry (same key, same content) from a mistake (same key, other content).
 */
public record ImportRequest(Requester requester, String idempotencyKey, String contentHash) {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    /**
     * @throws InvalidImportException when the key is empty, too long, or not printable ASCII
     */
    public static ImportRequest of(Requester requester, String idempotencyKey, byte[]... content) {
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH
                || !idempotencyKey.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            throw InvalidImportException.invalidMetadata(java.util.List.of(new io.planconsult.intake.domain.FieldError(KEY_HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces")));
        }
        return new ImportRequest(requester, idempotencyKey, sha256(content));
    }

    static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
