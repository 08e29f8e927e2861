package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The model's features: the segmenter's words plus character bigrams of the Han text.
 * Character n-grams carry the model to wording it never saw as whole words: "智算集群" shares "智算"
 * with the taxonomy's "智算中心", "算力网络" shares "算力" with "算力券", whatever the segmenter makes
 * of them. Presence, not counts: suggestions are short and a word's repetition says little about
 * the topic. Trigrams were tried too: no better in cross-validation, and one more lookup per char.
 */
public final class TopicFeatures {

    public static final String WORD = "w:";
    /** Prefix of character bigrams. */
    public static final String NGRAM = "c:";

    private TopicFeatures() {
    }

    /** Single Latin letters and digits say nothing about a topic; a single Han char may. */
    static boolean isWordFeature(String token) {
        return token.length() > 1 || TextNormalizer.isCjk(token.charAt(0));
    }

    public static Set<String> of(String text, List<String> tokens) {
        Set<String> features = new LinkedHashSet<>();
        for (String t : tokens) {
            if (isWordFeature(t)) {
                features.add(WORD + t);
            }
        }
        String folded = TextNormalizer.fold(text);
        for (int i = 0; i + 1 < folded.length(); i++) {
            char a = folded.charAt(i);
            char b = folded.charAt(i + 1);
            if (TextNormalizer.isCjk(a) && TextNormalizer.isCjk(b)) {
                features.add(NGRAM + a + b);
            }
        }
        return features;
    }
}
