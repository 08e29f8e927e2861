package io.planconsult.tagging.topics;

import java.util.List;

/** A trained statistical topic model: a probability per taxonomy code, in the taxonomy's order. */
public interface TopicModel {

    String version();

    List<String> codes();

    /** @param tokens the segmenter's words for {@code text} */
    double[] probabilities(String text, List<String> tokens);

    /**
     * True when the model was trained with the taxonomy's keyword sums as inputs: its probabilities
     * are then the final scores, and blending keywords in again would count that evidence twice.
     */
    default boolean includesKeywords() {
        return false;
    }

    /** @param keywordScores {@link KeywordScorer#score(String)} of {@code text}, so it is computed once */
    default double[] probabilities(String text, List<String> tokens, double[] keywordScores) {
        return probabilities(text, tokens);
    }
}
