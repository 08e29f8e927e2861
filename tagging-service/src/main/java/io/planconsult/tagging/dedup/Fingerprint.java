package io.planconsult.tagging.dedup;

import java.util.Arrays;
import java.util.Set;

/**
 * What a dedup index keeps of one suggestion: the shingles (for the exact similarity that decides),
 * the band keys (to find candidates without a scan), and whether the text is about an everyday
 * matter outside the consultation's areas (judged more strictly, see {@link DedupSettings}).
 */
public record Fingerprint(Set<String> shingles, MinHashSignature signature, long[] bandKeys, boolean everyday) {

    public Fingerprint {
        shingles = Set.copyOf(shingles);
        bandKeys = bandKeys.clone();
    }

    @Override
    public long[] bandKeys() {
        return bandKeys.clone();
    }

    /** The band keys without repeats: what candidates are looked up, counted and stored by. */
    public long[] distinctBandKeys() {
        return Arrays.stream(bandKeys).distinct().toArray();
    }

    /** Exact Jaccard similarity of the shingle sets: 0 when either is empty. */
    public double similarity(Fingerprint other) {
        Set<String> small = shingles.size() <= other.shingles.size() ? shingles : other.shingles;
        Set<String> large = small == shingles ? other.shingles : shingles;
        if (small.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : small) {
            if (large.contains(s)) {
                shared++;
            }
        }
        return (double) shared / (small.size() + large.size() - shared);
    }
}
