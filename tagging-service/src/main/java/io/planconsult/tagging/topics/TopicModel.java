package io.planconsult.tagging.topics;

import java.util.List;

/** A trained statistical topic model: a probability per taxonomy code, in the taxonomy's order. */
public interface TopicModel {

    String version();

    List<String> codes();

    /** @param tokens the segmenter's words for {@code text} */
    double[] probabilities(String text, List<String> tokens);
}
