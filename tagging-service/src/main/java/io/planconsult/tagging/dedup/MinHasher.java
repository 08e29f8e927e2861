package io.planconsult.tagging.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * MinHash signatures. Seeds are fixed and shingles are hashed from their UTF-8 bytes, so a
 * signature is the same on every JVM and can be stored (e.g. in PostgreSQL) and compared later.
 */
public final class MinHasher {

    private static final long SEED = 0x5DEECE66DL;

    private final long[] multipliers;
    private final long[] offsets;

    public MinHasher(int permutations) {
        multipliers = new long[permutations];
        offsets = new long[permutations];
        long state = SEED;
        for (int i = 0; i < permutations; i++) {
            state = mix(state + 0x9E3779B97F4A7C15L);
            multipliers[i] = state | 1L;
            state = mix(state + 0x9E3779B97F4A7C15L);
            offsets[i] = state;
        }
    }

    public long[] signature(Set<String> shingles) {
        long[] sig = new long[multipliers.length];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (String s : shingles) {
            long h = hash(s);
            for (int i = 0; i < sig.length; i++) {
                long v = mix(h * multipliers[i] + offsets[i]);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    /** Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
    public static double similarity(long[] a, long[] b) {
        if (a.length != b.length || a.length == 0) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64 finaliser: spreads bits so that one multiply-add behaves like an independent hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
