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
    private final int phraseCount;

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
        this.phraseCount = ids;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Raw weight sums, indexed like {@link Taxonomy#areas()}. */
    public double[] score(String text) {
        double[] raw = new double[taxonomy.areas().size()];
        int[] seen = new int[phraseCount];
        matcher.forEach(TextNormalizer.fold(text), (m, folded) -> {
            if (++seen[m.value().id()] <= MAX_REPEATS) {
                raw[m.value().area()] += m.value().weight();
            }
        });
        return raw;
    }
}
