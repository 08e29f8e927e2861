package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.PhraseMatcher;
import io.planconsult.tagging.text.TextNormalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Sums the taxonomy's keyword weights found in a text, per area.
 * A keyword repeated in one text counts at most twice: repetition says the writer insists, not
 * that the topic is three times more likely.
 */
public final class KeywordScorer {

    private static final int MAX_REPEATS = 2;

    /** @param id the phrase's own number, so repeats are counted in an array rather than a map */
    record Hit(int area, double weight, int id) {
    }

    private final Taxonomy taxonomy;
    private final PhraseMatcher<Hit> matcher;

    public KeywordScorer(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Map<String, Hit> phrases = new HashMap<>();
        int ids = 0;
        for (int i = 0; i < taxonomy.areas().size(); i++) {
            for (Map.Entry<String, Double> kw : taxonomy.areas().get(i).keywords().entrySet()) {
                phrases.put(kw.getKey(), new Hit(i, kw.getValue(), ids++));
            }
        }
        this.matcher = PhraseMatcher.of(phrases);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Raw weight sums, indexed like {@link Taxonomy#areas()}. */
    public double[] score(String text) {
        double[] raw = new double[taxonomy.areas().size()];
        Repeats seen = new Repeats();
        matcher.forEach(TextNormalizer.fold(text), (m, folded) -> {
            if (seen.count(m.value().id()) <= MAX_REPEATS) {
                raw[m.value().area()] += m.value().weight();
            }
        });
        return raw;
    }

    /**
     * How often each phrase was met in one text. A text meets a handful of phrases: a short list searched
     * linearly, not a counter per phrase of the taxonomy (a 4 KiB array cleared for every text).
     */
    private static final class Repeats {
        private int[] ids = new int[16];
        private int[] counts = new int[16];
        private int size;

        /** Counts one more meeting of phrase {@code id}; returns how many so far. */
        int count(int id) {
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    return ++counts[i];
                }
            }
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            ids[size] = id;
            counts[size++] = 1;
            return 1;
        }
    }
}
