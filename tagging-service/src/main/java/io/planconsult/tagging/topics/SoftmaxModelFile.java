package io.planconsult.tagging.topics;

import java.util.List;
import java.util.Map;

/**
 * The serialised softmax (multinomial logistic regression) topic model, tagging/model/topic-lr.json.
 * Weights are stored as floats: shorter, and rounding makes the file independent of the last bits
 * of the optimiser, while retraining on the same rows still reproduces it byte for byte.
 *
 * @param checksum       SHA-256 over the model content (everything but version and checksum)
 * @param trainedOn      SHA-256 over the training rows (ids, texts, topics)
 * @param hyper          the training settings, so a reader knows how the weights came about
 * @param bias           one per code
 * @param keywordWeights k×k, row = keyword area, column = code: how much an area's keyword sum
 *                       (divided by {@link SoftmaxHyper#keywordTemperature()}) adds to each code's logit
 * @param featureWeights per word/bigram feature (see {@link TopicFeatures}), one weight per code;
 *                       a text's binary feature vector is scaled to unit length before the dot product
 */
public record SoftmaxModelFile(String version, String checksum, String trainedOn, String segmenter, int documents,
        SoftmaxHyper hyper, List<String> codes, float[] bias, float[] keywordWeights,
        Map<String, float[]> featureWeights) {
}
