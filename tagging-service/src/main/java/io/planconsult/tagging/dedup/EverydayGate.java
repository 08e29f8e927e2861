package io.planconsult.tagging.dedup;

import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicSettings;
import java.util.function.Predicate;

/**
 * True for texts whose keyword evidence points to no consultation area ("other": noise, parking,
 * dogs, greetings, tests). Many residents raise the same everyday nuisance independently in the
 * same words, so two such texts look alike without being one submission twice; the index asks
 * more of them. Keywords only (no segmenter, no model): cheap, and the same at every call site.
 */
public final class EverydayGate implements Predicate<String> {

    private final KeywordScorer keywords;
    private final int otherIndex;
    private final double otherBaseline;

    public EverydayGate(Taxonomy taxonomy, double otherBaseline) {
        this.keywords = new KeywordScorer(taxonomy);
        this.otherIndex = taxonomy.indexOf(Taxonomy.OTHER);
        this.otherBaseline = otherBaseline;
    }

    public static EverydayGate withDefaults() {
        return new EverydayGate(Taxonomy.loadDefault(), TopicSettings.defaults().otherBaseline());
    }

    @Override
    public boolean test(String text) {
        double[] raw = keywords.score(text);
        double other = raw[otherIndex] + otherBaseline;
        for (int i = 0; i < raw.length; i++) {
            if (i != otherIndex && raw[i] > other) {
                return false;
            }
        }
        return true;
    }
}
