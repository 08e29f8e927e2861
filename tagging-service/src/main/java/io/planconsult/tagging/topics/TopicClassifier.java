package io.planconsult.tagging.topics;

import io.planconsult.contract.ReviewReasons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores every taxonomy area for a text by blending the taxonomy's keyword evidence with the
 * trained model's probabilities. The keywords carry knowledge the small training set lacks;
 * the model catches wording no keyword list anticipates.
 */
public final class TopicClassifier {

    /**
     * @param labels       primary first, then a second topic where one is clearly present
     * @param reasons      why an analyst should look ({@link ReviewReasons#LOW_CONFIDENCE},
     *                     {@link ReviewReasons#CLOSE_SECOND}); empty when the engine is sure
     * @param areaEvidence the largest keyword weight sum of any key area but "other": how plainly the text
     *                     names an area, whatever the model thinks
     */
    public record Result(List<TopicScore> scores, List<String> labels, List<String> reasons, double areaEvidence) {

        public String primary() {
            return labels.getFirst();
        }

        public boolean needsReview() {
            return !reasons.isEmpty();
        }
    }

    private final KeywordScorer keywords;
    private final TopicModel model;
    private final TopicSettings settings;
    private final int otherIndex;
    /** The taxonomy's codes, listed once: {@link Taxonomy#codes()} builds a new list on every call. */
    private final List<String> codes;

    /** @param model may be null: then keywords alone decide */
    public TopicClassifier(KeywordScorer keywords, TopicModel model, TopicSettings settings) {
        this.keywords = keywords;
        this.model = model;
        this.settings = settings;
        this.otherIndex = keywords.taxonomy().indexOf(Taxonomy.OTHER);
        this.codes = keywords.taxonomy().codes();
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
        double[] raw = keywords.score(text);
        double[] p = model != null && settings.modelWeight() > 0 ? model.probabilities(text, tokens) : null;
        Result result = result(combine(raw, p), areaEvidence(raw));
        if (settings.reviewOnDisagreement() && p != null && expertsDisagree(raw, p)
                && !result.reasons().contains(ReviewReasons.LOW_CONFIDENCE)) {
            List<String> reasons = new ArrayList<>(result.reasons());
            reasons.add(0, ReviewReasons.LOW_CONFIDENCE);
            return new Result(result.scores(), result.labels(), List.copyOf(reasons), result.areaEvidence());
        }
        return result;
    }

    /**
     * The keyword vote names a key area (its best, with the "other" baseline, is not "other") and the model's own
     * best is a different area: whichever wins the blend, one expert overruled the other, and that is where
     * confident-looking errors between neighbouring areas come from.
     */
    private boolean expertsDisagree(double[] raw, double[] p) {
        int byKeywords = otherIndex;
        double best = raw[otherIndex] + settings.otherBaseline();
        for (int i = 0; i < raw.length; i++) {
            if (i != otherIndex && raw[i] > best) {
                best = raw[i];
                byKeywords = i;
            }
        }
        if (byKeywords == otherIndex) {
            return false;
        }
        int byModel = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[byModel]) {
                byModel = i;
            }
        }
        return byModel != byKeywords;
    }

    /**
     * Keyword evidence alone, for text the model cannot read (English): raw weight sums indexed like the
     * taxonomy, blended with the "other" baseline as the Chinese keywords are.
     */
    public Result classifyByKeywords(double[] rawKeywordWeights) {
        double[] raw = rawKeywordWeights.clone();
        double evidence = areaEvidence(raw);
        raw[otherIndex] += settings.otherBaseline();
        for (int i = 0; i < raw.length; i++) {
            raw[i] /= settings.keywordTemperature();
        }
        return result(LogisticModel.softmax(raw), evidence);
    }

    private double areaEvidence(double[] raw) {
        double best = 0;
        for (int i = 0; i < raw.length; i++) {
            if (i != otherIndex) {
                best = Math.max(best, raw[i]);
            }
        }
        return best;
    }

    private Result result(double[] combined, double evidence) {
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
        List<String> reasons = new ArrayList<>(2);
        if (best.score() < settings.reviewMinScore()) {
            reasons.add(ReviewReasons.LOW_CONFIDENCE);
        }
        if (best.score() - second.score() < settings.reviewMargin()) {
            reasons.add(ReviewReasons.CLOSE_SECOND);
        }
        return new Result(List.copyOf(scores), List.copyOf(labels), List.copyOf(reasons), evidence);
    }

    /**
     * A (normalised) product of experts: keyword evidence and the model's log-probabilities add up
     * before one softmax. Unlike averaging probabilities, a confident keyword hit is not washed out by a model
     * that has seen few examples, and the model still breaks ties between areas the keywords split.
     */
    double[] combinedScores(String text, List<String> tokens) {
        return combine(keywords.score(text),
                model != null && settings.modelWeight() > 0 ? model.probabilities(text, tokens) : null);
    }

    /** @param p the model's probabilities, or null for keywords alone */
    private double[] combine(double[] keywordWeights, double[] p) {
        double[] logit = keywordWeights.clone();
        logit[otherIndex] += settings.otherBaseline();
        for (int i = 0; i < logit.length; i++) {
            logit[i] /= settings.keywordTemperature();
        }
        if (p != null) {
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
