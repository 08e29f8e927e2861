package io.planconsult.tagging.topics;

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
        double[] combined = combinedScores(text, tokens);
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

    /**
     * A (normalised) product of experts: keyword evidence and the model's log-probabilities add up
     * before one softmax. Unlike averaging probabilities, a confident keyword hit is not washed out by a model
     * that has seen few examples, and the model still breaks ties between areas the keywords split.
     */
    double[] combinedScores(String text, List<String> tokens) {
        double[] logit = keywords.score(text);
        logit[otherIndex] += settings.otherBaseline();
        for (int i = 0; i < logit.length; i++) {
            logit[i] /= settings.keywordTemperature();
        }
        if (model != null && settings.modelWeight() > 0) {
            double[] p = model.probabilities(text, tokens);
            for (int i = 0; i < logit.length; i++) {
                logit[i] += settings.modelWeight() * Math.log(Math.max(p[i], 1e-12));
                // A weighted geometric mean, not a plain product: two experts that agree must not
                // make the score more certain than either, or needsReview would never fire.
                logit[i] /= 1 + settings.modelWeight();
            }
        }
        return LogisticModel.softmax(logit);
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
