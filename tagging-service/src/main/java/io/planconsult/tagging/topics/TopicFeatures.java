package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The model's features: the segmenter's words plus character bigrams of the Han text.
 * Bigrams rescue the model when segmentation splits a domain term the training data spelled
 * differently ("算力" inside "算力券"). Presence, not counts: suggestions are short and a word's
 * repetition says little about the topic.
 */
public final class TopicFeatures {

    public static final String WORD = "w:";
    public static final String BIGRAM = "c:";

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
                features.add(BIGRAM + a + b);
            }
        }
        return features;
    }
}
