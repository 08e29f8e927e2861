package io.planconsult.tagging.dedup;

import java.util.Arrays;

/**
 * A suggestion's MinHash values and the LSH band keys derived from them. Pure and JVM-independent
 * (fixed seeds, UTF-8 hashing), so a PostgreSQL-backed index can store {@link #bandKeys} in a
 * bigint[] column with a GIN index and find candidates with {@code band_keys && :keys}, exactly
 * as {@link InMemoryDedupIndex} does in memory.
 */
public record MinHashSignature(long[] values) {

    public MinHashSignature {
        values = values.clone();
    }

    @Override
    public long[] values() {
        return values.clone();
    }

    /**
     * One key per band of {@code rowsPerBand} consecutive values; two texts share a key when their
     * values agree on a whole band. With Jaccard s the chance of sharing at least one of b bands is
     * 1 − (1 − s^r)^b: r = 2 keeps it high at the low similarities paraphrases have.
     */
    public long[] bandKeys(int rowsPerBand) {
        int bands = values.length / rowsPerBand;
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = MinHasher.mix(band + 0x632BE59BD9B4E019L);
            for (int row = 0; row < rowsPerBand; row++) {
                h = MinHasher.mix(h ^ values[band * rowsPerBand + row]);
            }
            keys[band] = h;
        }
        return keys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature" + Arrays.toString(values);
    }
}
