package io.planconsult.tagging.topics.train;

import io.planconsult.tagging.data.LabelledSuggestion;
import io.planconsult.tagging.text.JsonResources;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.topics.ModelFile;
import io.planconsult.tagging.topics.TopicFeatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/** Counts features per topic. Deterministic: sorted maps, integer counts, no randomness. */
public final class NaiveBayesTrainer {

    public static final double ALPHA = 1.0;
    public static final double TEMPERATURE = 1.0;
    /**
     * Features seen in fewer training documents are dropped: a feature from one document is mostly
     * that document's idiosyncrasy, and dropping them shrinks the model ~3× so its tables stay in
     * cache beside the segmenter's (CV on the training split: see NOTES.md).
     */
    public static final int MIN_DOCUMENT_FREQUENCY = 2;

    private NaiveBayesTrainer() {
    }

    public static ModelFile train(List<LabelledSuggestion> rows, List<String> codes, Segmenter segmenter) {
        return train(rows, codes, segmenter, MIN_DOCUMENT_FREQUENCY);
    }

    public static ModelFile train(List<LabelledSuggestion> rows, List<String> codes, Segmenter segmenter,
            int minDocumentFrequency) {
        int k = codes.size();
        int[] classCounts = new int[k];
        TreeMap<String, int[]> featureCounts = new TreeMap<>();
        TreeMap<String, Integer> documentFrequency = new TreeMap<>();
        for (LabelledSuggestion row : rows) {
            var features = TopicFeatures.of(row.text(), segmenter.segment(row.text()));
            for (int rank = 0; rank < row.topics().size() && rank < 2; rank++) {
                int c = codes.indexOf(row.topics().get(rank));
                if (c < 0) {
                    continue;
                }
                int weight = rank == 0 ? 2 : 1;
                classCounts[c] += weight;
                for (String f : features) {
                    featureCounts.computeIfAbsent(f, x -> new int[k])[c] += weight;
                }
            }
            features.forEach(f -> documentFrequency.merge(f, 1, Integer::sum));
        }
        featureCounts.keySet().removeIf(f -> documentFrequency.get(f) < minDocumentFrequency);
        // Only words' frequencies are read (keyword idf); bigram counts would only bloat the file.
        documentFrequency.keySet().removeIf(f -> !f.startsWith(TopicFeatures.WORD));
        ModelFile draft = new ModelFile(null, null, trainingChecksum(rows), segmenter.name(), rows.size(), ALPHA,
                TEMPERATURE, List.copyOf(codes), classCounts, featureCounts, documentFrequency);
        String checksum = contentChecksum(draft);
        return new ModelFile("nb-" + checksum.substring(0, 12), checksum, draft.trainedOn(), draft.segmenter(),
                draft.documents(), ALPHA, TEMPERATURE, draft.codes(), classCounts, featureCounts, documentFrequency);
    }

    /** Over everything except version and checksum, in the file's canonical JSON form. */
    public static String contentChecksum(ModelFile model) {
        ModelFile content = new ModelFile(null, null, model.trainedOn(), model.segmenter(), model.documents(),
                model.alpha(), model.temperature(), model.codes(), model.classCounts(),
                new TreeMap<>(model.featureCounts()), new TreeMap<>(model.documentFrequency()));
        try {
            return sha256(JsonResources.MAPPER.writeValueAsString(content));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String trainingChecksum(List<LabelledSuggestion> rows) {
        StringBuilder sb = new StringBuilder();
        for (LabelledSuggestion r : rows) {
            sb.append(r.id()).append('\t').append(r.text()).append('\t').append(r.topics()).append('\n');
        }
        return sha256(sb.toString());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
