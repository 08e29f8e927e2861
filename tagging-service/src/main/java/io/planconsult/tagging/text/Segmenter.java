package io.planconsult.tagging.text;

import java.util.List;

/** Splits text into words: lower-cased, punctuation and spaces dropped. Implementations are thread-safe. */
public interface Segmenter {

    String name();

    List<String> segment(String text);
}
