package io.planconsult.intake.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One POST as the idempotency store sees it: whose keys (the caller's scope), which key ({@code null}: none) and a
 * SHA-256 of what was asked (method, path and body). The same key with another fingerprint is another request.
 * Suggestions, withdrawals, merges, erasures and forum imports all build theirs here, so the header, the key rules
 * and the digest exist once.
 */
public record IdempotentRequest(String caller, String key, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that repeats the first answer to the key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;

    /**
     * @param key  the header's value, or {@code null}
     * @param body what was posted; a request of several parts frames them with {@link #parts}
     * @throws InvalidIdempotencyKeyException when the key is empty, too long, or not printable ASCII
     */
    public static IdempotentRequest of(String caller, String key, String path, byte[] body) {
        if (key == null) {
            return new IdempotentRequest(caller, null, null);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidIdempotencyKeyException("must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidIdempotencyKeyException("must be printable ASCII without spaces");
        }
        return new IdempotentRequest(caller, key, fingerprint("POST", path, body));
    }

    public boolean keyed() {
        return key != null;
    }

    /** Several parts (a form's fields and file) as one body, each prefixed with its length so no two splits collide. */
    public static byte[] parts(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length + 12;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        for (byte[] part : parts) {
            out.writeBytes((part.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body == null ? new byte[0] : body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
