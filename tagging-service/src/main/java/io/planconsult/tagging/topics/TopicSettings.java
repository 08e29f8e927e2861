package io.planconsult.tagging.topics;

/**
 * Knobs of the topic classifier.
 *
 * @param modelWeight        weight of the model's log-probabilities against keyword evidence (0 = keywords only)
 * @param keywordTemperature divides keyword weight sums; larger means flatter scores
 * @param otherBaseline      keyword weight credited to "other" up front, so text that names no area lands there
 * @param reviewMinScore     below this best score an analyst should look
 * @param reviewMargin       when the top two are closer than this an analyst should look
 * @param secondLabelRatio   a second topic is reported when its score reaches this share of the best
 * @param reviewOnDisagreement an analyst should look when the keyword vote names a key area and the model alone
 *                           prefers another: the blend then rests on one expert outvoting the other. Off: on the
 *                           dev set's grouped CV it moved along the flagged/accuracy frontier without improving it
 *                           (README, "Review reasons"); kept so the measurement can be repeated on new data
 */
public record TopicSettings(double modelWeight, double keywordTemperature, double otherBaseline,
        double reviewMinScore, double reviewMargin, double secondLabelRatio, boolean reviewOnDisagreement) {

    public TopicSettings(double modelWeight, double keywordTemperature, double otherBaseline, double reviewMinScore,
            double reviewMargin, double secondLabelRatio) {
        this(modelWeight, keywordTemperature, otherBaseline, reviewMinScore, reviewMargin, secondLabelRatio, false);
    }

    public static TopicSettings defaults() {
        return new TopicSettings(2.0, 2.0, 1.5, 0.40, 0.10, 0.5, false);
    }

    public TopicSettings withReview(double minScore, double margin) {
        return new TopicSettings(modelWeight, keywordTemperature, otherBaseline, minScore, margin, secondLabelRatio,
                reviewOnDisagreement);
    }

    public TopicSettings withReviewOnDisagreement(boolean on) {
        return new TopicSettings(modelWeight, keywordTemperature, otherBaseline, reviewMinScore, reviewMargin,
                secondLabelRatio, on);
    }
}
