package io.planconsult.tagging.dedup;

import java.util.function.Predicate;

/**
 * Pure function from a suggestion's text to its {@link Fingerprint}. Shared by every index
 * implementation, so the in-memory and a database-backed index agree on candidates and scores.
 */
public final class Fingerprinter {

    private final Shingler shingler;
    private final MinHasher hasher;
    private final int rowsPerBand;
    private final Predicate<String> everyday;

    /** @param everyday tells texts about everyday matters outside the consultation's areas (noise, parking…) */
    public Fingerprinter(DedupSettings settings, Predicate<String> everyday) {
        this.shingler = new Shingler(settings);
        this.hasher = new MinHasher(settings.permutations());
        this.rowsPerBand = settings.rowsPerBand();
        this.everyday = everyday;
    }

    public Fingerprint of(String text) {
        String safe = text == null ? "" : text;
        var shingles = shingler.shingles(safe);
        MinHashSignature signature = new MinHashSignature(hasher.signature(shingles));
        return new Fingerprint(shingles, signature, signature.bandKeys(rowsPerBand), everyday.test(safe));
    }
}
