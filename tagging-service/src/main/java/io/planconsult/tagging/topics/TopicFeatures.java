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

    private TopicFeatures() {
    }

    public static Set<String> of(String text, List<String> tokens) {
        Set<String> features = new LinkedHashSet<>();
        for (String t : tokens) {
            if (t.length() > 1 || TextNormalizer.isCjk(t.charAt(0))) {
                features.add("w:" + t);
            }
        }
        String folded = TextNormalizer.fold(text);
        for (int i = 0; i + 1 < folded.length(); i++) {
            char a = folded.charAt(i);
            char b = folded.charAt(i + 1);
            if (TextNormalizer.isCjk(a) && TextNormalizer.isCjk(b)) {
                features.add("c:" + a + b);
            }
        }
        return features;
    }
}
