package io.planconsult.tagging.tools.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Deterministic train/held-out split by hashing ids (SHA-256, so it is the same on every JVM).
 * The hashed id is the duplicate cluster's root: a near-duplicate must sit on the same side as its
 * original, otherwise the held-out score would reward memorising the training text.
 */
public final class HeldOutSplit {

    /** One bucket in four is held out: about 25%. */
    public static final int BUCKETS = 4;

    private HeldOutSplit() {
    }

    public static boolean isHeldOut(LabelledSuggestion row) {
        return bucket(row.clusterRoot()) == 0;
    }

    public static List<LabelledSuggestion> training(List<LabelledSuggestion> rows) {
        return rows.stream().filter(r -> !isHeldOut(r)).toList();
    }

    public static List<LabelledSuggestion> heldOut(List<LabelledSuggestion> rows) {
        return rows.stream().filter(HeldOutSplit::isHeldOut).toList();
    }

    static int bucket(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Byte.toUnsignedInt(digest[0]) % BUCKETS;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
