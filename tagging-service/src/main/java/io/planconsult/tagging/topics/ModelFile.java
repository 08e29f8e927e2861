package io.planconsult.tagging.topics;

import java.util.List;
import java.util.Map;

/**
 * The serialised naive Bayes model (tagging/model/topic-nb.json). Integer counts only — a document
 * counts 2 for its primary topic and 1 for a secondary — so retraining on the same data reproduces
 * the file exactly and {@code checksum} can prove it.
 *
 * @param checksum          SHA-256 over the model content (everything but version and checksum)
 * @param trainedOn         SHA-256 over the training rows (ids, texts, topics)
 * @param temperature       divides NB log-odds, which are over-confident because features are not independent
 * @param documentFrequency training documents containing each feature, for keyword weighting
 */
public record ModelFile(String version, String checksum, String trainedOn, String segmenter, int documents,
        double alpha, double temperature, List<String> codes, int[] classCounts, Map<String, int[]> featureCounts,
        Map<String, Integer> documentFrequency) {
}
