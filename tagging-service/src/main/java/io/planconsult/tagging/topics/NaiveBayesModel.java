package io.planconsult.tagging.topics;

import io.planconsult.tagging.text.JsonResources;
import io.planconsult.tagging.text.WordTable;
import java.util.ArrayList;
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
    private final FeatureIndex index;
    /** Log-likelihoods of feature r at [r·k, r·k+k): one flat array, not 20k small ones, for cache locality. */
    private final double[] logLikelihood;
    private final WordTable idfWords;
    private final double[] wordIdf;

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
        List<String> features = new ArrayList<>(file.featureCounts().keySet());
        this.index = new FeatureIndex(features);
        this.logLikelihood = new double[features.size() * k];
        for (int row = 0; row < features.size(); row++) {
            int[] counts = file.featureCounts().get(features.get(row));
            for (int i = 0; i < k; i++) {
                logLikelihood[row * k + i] = Math.log((counts[i] + alpha) / (classTotals[i] + alpha * vocabulary));
            }
        }
        List<String> dfWords = new ArrayList<>();
        List<Double> idfs = new ArrayList<>();
        file.documentFrequency().forEach((feature, df) -> {
            if (feature.startsWith(TopicFeatures.WORD)) {
                dfWords.add(feature.substring(TopicFeatures.WORD.length()));
                idfs.add(idf(df));
            }
        });
        this.idfWords = new WordTable(dfWords);
        this.wordIdf = idfs.stream().mapToDouble(Double::doubleValue).toArray();
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
        return probabilitiesOfRows(index.rows(text, tokens));
    }

    /** Same as {@link #probabilities(String, List)} for features already named (training-side strings). */
    public double[] probabilities(Set<String> features) {
        return probabilitiesOfRows(features.stream().mapToInt(index::row).filter(r -> r >= 0).toArray());
    }

    private double[] probabilitiesOfRows(int[] rows) {
        double[] score = logPrior.clone();
        for (int row : rows) {
            int base = row * score.length;
            for (int i = 0; i < score.length; i++) {
                score[i] += logLikelihood[base + i];
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
        int id = idfWords.id(word);
        return id >= 0 ? wordIdf[id] : idf(0);
    }

    private double idf(int documentFrequency) {
        return Math.log((file.documents() + 1.0) / (documentFrequency + 1.0)) + 1.0;
    }
}
