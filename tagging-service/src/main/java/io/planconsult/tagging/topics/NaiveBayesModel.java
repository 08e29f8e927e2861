package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multinomial naive Bayes over binary word and character-bigram features, ready to score.
 * Log-probabilities are derived from the file's counts once, at load. Immutable, thread-safe.
 */
public final class NaiveBayesModel implements TopicModel {

    public static final String DEFAULT_RESOURCE = "tagging/model/topic-nb.json";

    private final ModelFile file;
    private final double[] logPrior;
    private final Map<String, double[]> logLikelihood;

    public NaiveBayesModel(ModelFile file) {
        this.file = file;
        int k = file.codes().size();
        double[] classTotals = new double[k];
        file.featureCounts().values().forEach(c -> {
            for (int i = 0; i < k; i++) {
                classTotals[i] += c[i];
            }
        });
        double total = 0;
        for (int c : file.classCounts()) {
            total += c;
        }
        this.logPrior = new double[k];
        for (int i = 0; i < k; i++) {
            logPrior[i] = Math.log((file.classCounts()[i] + 1.0) / (total + k));
        }
        int vocabulary = file.featureCounts().size();
        double alpha = file.alpha();
        this.logLikelihood = new HashMap<>(vocabulary * 2);
        file.featureCounts().forEach((feature, counts) -> {
            double[] ll = new double[k];
            for (int i = 0; i < k; i++) {
                ll[i] = Math.log((counts[i] + alpha) / (classTotals[i] + alpha * vocabulary));
            }
            logLikelihood.put(feature, ll);
        });
    }

    public static NaiveBayesModel loadDefault() {
        return new NaiveBayesModel(JsonResources.read(DEFAULT_RESOURCE, ModelFile.class));
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
        return probabilities(TopicFeatures.of(text, tokens));
    }

    public double[] probabilities(Set<String> features) {
        double[] score = logPrior.clone();
        for (String f : features) {
            double[] ll = logLikelihood.get(f);
            if (ll != null) {
                for (int i = 0; i < score.length; i++) {
                    score[i] += ll[i];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int i = 0; i < score.length; i++) {
            score[i] = Math.exp((score[i] - max) / file.temperature());
            sum += score[i];
        }
        for (int i = 0; i < score.length; i++) {
            score[i] /= sum;
        }
        return score;
    }

    /** Inverse document frequency of a word in the training corpus; unseen words count as rare. */
    public double idf(String word) {
        int df = file.documentFrequency().getOrDefault("w:" + word, 0);
        return Math.log((file.documents() + 1.0) / (df + 1.0)) + 1.0;
    }
}
