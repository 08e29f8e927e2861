package io.planconsult.tagging.topics;

import io.planconsult.tagging.pipeline.TopicScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores every taxonomy area for a text by blending the taxonomy's keyword evidence with the
 * trained model's probabilities. The keywords carry knowledge the small training set lacks;
 * the model catches wording no keyword list anticipates.
 */
public final class TopicClassifier {

    /** @param labels primary first, then a second topic where one is clearly present */
    public record Result(List<TopicScore> scores, List<String> labels, boolean needsReview) {

        public String primary() {
            return labels.getFirst();
        }
    }

    private final KeywordScorer keywords;
    private final TopicModel model;
    private final TopicSettings settings;
    private final int otherIndex;

    /** @param model may be null: then keywords alone decide */
    public TopicClassifier(KeywordScorer keywords, TopicModel model, TopicSettings settings) {
        this.keywords = keywords;
        this.model = model;
        this.settings = settings;
        this.otherIndex = keywords.taxonomy().indexOf(Taxonomy.OTHER);
        if (model != null && !model.codes().equals(keywords.taxonomy().codes())) {
            throw new IllegalArgumentException("model codes " + model.codes() + " do not match taxonomy "
                    + keywords.taxonomy().codes());
        }
    }

    public Taxonomy taxonomy() {
        return keywords.taxonomy();
    }

    public TopicSettings settings() {
        return settings;
    }

    public Result classify(String text, List<String> tokens) {
        double[] combined = keywordProbabilities(text);
        if (model != null) {
            double[] modelProbs = model.probabilities(text, tokens);
            double w = settings.keywordWeight();
            for (int i = 0; i < combined.length; i++) {
                combined[i] = w * combined[i] + (1 - w) * modelProbs[i];
            }
        }
        List<String> codes = keywords.taxonomy().codes();
        List<TopicScore> scores = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            scores.add(new TopicScore(codes.get(i), clamp(combined[i])));
        }
        scores.sort(Comparator.comparingDouble(TopicScore::score).reversed());
        TopicScore best = scores.get(0);
        TopicScore second = scores.get(1);
        List<String> labels = new ArrayList<>(2);
        labels.add(best.code());
        if (!Taxonomy.OTHER.equals(best.code()) && !Taxonomy.OTHER.equals(second.code())
                && second.score() >= settings.secondLabelRatio() * best.score()) {
            labels.add(second.code());
        }
        boolean review = best.score() < settings.reviewMinScore()
                || best.score() - second.score() < settings.reviewMargin();
        return new Result(List.copyOf(scores), List.copyOf(labels), review);
    }

    /** Softmax over keyword sums, with "other" given a head start. */
    double[] keywordProbabilities(String text) {
        double[] raw = keywords.score(text);
        raw[otherIndex] += settings.otherBaseline();
        double max = Double.NEGATIVE_INFINITY;
        for (double r : raw) {
            max = Math.max(max, r);
        }
        double sum = 0;
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = Math.exp((raw[i] - max) / settings.keywordTemperature());
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
