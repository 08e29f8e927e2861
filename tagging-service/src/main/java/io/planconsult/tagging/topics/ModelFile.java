package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serialised logistic-regression topic model (tagging/model/topic-lr.json). Weights are
 * rounded to four decimals: the file stays small and readable, and its content no longer depends
 * on the optimiser's last bits, while retraining on the same rows still reproduces it byte for
 * byte and {@code checksum} can prove it.
 *
 * @param checksum          SHA-256 over the model content (everything but version and checksum)
 * @param trainedOn         SHA-256 over the training rows (ids, texts, topics) and the taxonomy version
 * @param documents         labelled training rows
 * @param keywordDocuments  taxonomy keywords fed to training as one-phrase documents of their area
 * @param bias              one per code
 * @param weights           per word/n-gram feature (see {@link TopicFeatures}), one weight per code; a text's
 *                          binary feature vector is scaled to unit length before the dot product
 * @param documentFrequency labelled training rows containing each word, for keyword weighting
 */
public record ModelFile(String version, String checksum, String trainedOn, String segmenter, int documents,
        int keywordDocuments, LogisticHyper hyper, List<String> codes, double[] bias, Map<String, double[]> weights,
        Map<String, Integer> documentFrequency) {

    /** Over everything except version and checksum, in the file's canonical JSON form. */
    public static String contentChecksum(ModelFile model) {
        ModelFile content = new ModelFile(null, null, model.trainedOn(), model.segmenter(), model.documents(),
                model.keywordDocuments(), model.hyper(), model.codes(), model.bias(), new TreeMap<>(model.weights()),
                new TreeMap<>(model.documentFrequency()));
        try {
            return sha256(JsonResources.MAPPER.writeValueAsString(content));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-256 of the UTF-8 bytes. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
