package io.planconsult.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-shredding of raw text on the internal submitted topic. Intake seals each suggestion's text with a key of its
 * own (AES-256-GCM, the JDK's; the suggestion id is the associated data, so a sealed text cannot be passed off as
 * another suggestion's) and keeps the key in its database; tagging asks intake for the key to open it. Erasure deletes
 * the key, and every copy of the sealed text, on the broker, its replicas and its backups, becomes unreadable.
 * <p>
 * Wire form: {@code v1.} followed by the URL-safe base64 (no padding) of the 12-byte IV and the ciphertext with its
 * 16-byte tag.
 */
public final class SealedText {

    public static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedText() {
    }

    /** A new random AES-256 key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static String seal(byte[] key, UUID suggestionId, String text) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, suggestionId);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] wire = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, wire, 0, IV_BYTES);
            System.arraycopy(sealed, 0, wire, IV_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(wire);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalArgumentException the sealed text is malformed, or was not sealed with this key for this
     *     suggestion
     */
    public static String open(byte[] key, UUID suggestionId, String sealedText) {
        if (sealedText == null || !sealedText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("sealed text is not of version v1");
        }
        byte[] wire = Base64.getUrlDecoder().decode(sealedText.substring(PREFIX.length()));
        if (wire.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed text is too short");
        }
        try {
            byte[] iv = java.util.Arrays.copyOf(wire, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, suggestionId);
            return new String(cipher.doFinal(wire, IV_BYTES, wire.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed text does not open with this suggestion's key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed text cannot be opened: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, UUID suggestionId) throws GeneralSecurityException {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a text key has " + KEY_BYTES + " bytes, this one " + key.length);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(suggestionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
