package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Multinomial logistic regression over binary word and character n-gram features, ready to score.
 * The feature vector is scaled to unit length, so a long formal text and a one-line complaint land
 * on the same scale. Immutable, thread-safe.
 */
public final class LogisticModel implements TopicModel {

    public static final String DEFAULT_RESOURCE = "tagging/model/topic-lr.json";

    private final ModelFile file;
    private final int k;
    private final FeatureIndex index;
    /**
     * Weights of feature r at [r·k, r·k+k): one flat array, not 10k small ones, and floats (the file
     * holds four decimals) so a text's ~200 scattered rows touch half as many cache lines.
     */
    private final float[] weights;
    private final Map<String, Double> wordIdf;

    public LogisticModel(ModelFile file) {
        this.file = file;
        this.k = file.codes().size();
        List<String> features = new ArrayList<>(file.weights().keySet());
        this.index = new FeatureIndex(features);
        this.weights = new float[features.size() * k];
        for (int row = 0; row < features.size(); row++) {
            double[] w = file.weights().get(features.get(row));
            for (int c = 0; c < k; c++) {
                weights[row * k + c] = (float) w[c];
            }
        }
        Map<String, Double> idf = new TreeMap<>();
        for (Map.Entry<String, Integer> e : file.documentFrequency().entrySet()) {
            if (e.getKey().startsWith(TopicFeatures.WORD)) {
                idf.put(e.getKey().substring(TopicFeatures.WORD.length()), idf(e.getValue()));
            }
        }
        this.wordIdf = Collections.unmodifiableMap(idf);
    }

    public static LogisticModel loadDefault() {
        return new LogisticModel(JsonResources.read(DEFAULT_RESOURCE, ModelFile.class));
    }

    public ModelFile file() {
        return file;
    }

    @Override
    public String version() {
        return file.version();
    }

    @Override
    public List<String> codes() {
        return file.codes();
    }

    @Override
    public double[] probabilities(String text, List<String> tokens) {
        return probabilitiesOfRows(index.rows(text, tokens));
    }

    /** Same as {@link #probabilities(String, List)} for features already named (training-side strings). */
    public double[] probabilities(Set<String> features) {
        return probabilitiesOfRows(features.stream().mapToInt(index::row).filter(r -> r >= 0).distinct().toArray());
    }

    private double[] probabilitiesOfRows(int[] rows) {
        double[] dot = new double[k];
        for (int row : rows) {
            int base = row * k;
            for (int c = 0; c < k; c++) {
                dot[c] += weights[base + c];
            }
        }
        double scale = rows.length == 0 ? 0 : 1 / Math.sqrt(rows.length);
        double[] logit = new double[k];
        for (int c = 0; c < k; c++) {
            logit[c] = file.bias()[c] + dot[c] * scale;
        }
        return softmax(logit);
    }

    static double[] softmax(double[] logit) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logit) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] p = new double[logit.length];
        for (int i = 0; i < logit.length; i++) {
            p[i] = Math.exp(logit[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Inverse document frequency of each word of the training corpus, for keyword weighting. */
    public Map<String, Double> wordIdf() {
        return wordIdf;
    }

    /** Inverse document frequency of a word the training corpus never used: it counts as rare. */
    public double unseenIdf() {
        return idf(0);
    }

    private double idf(int documentFrequency) {
        return Math.log((file.documents() + 1.0) / (documentFrequency + 1.0)) + 1.0;
    }
}
