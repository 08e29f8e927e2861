package io.planconsult.tagging.topics;

/** One topic code with its combined score in [0,1]. */
public record TopicScore(String code, double score) {
}
