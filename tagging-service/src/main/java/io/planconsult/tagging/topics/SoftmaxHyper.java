package io.planconsult.tagging.topics;

/**
 * Training settings of the softmax topic model, chosen by 5-fold cross-validation on the training
 * split (SoftmaxCrossValidate; figures in NOTES.md).
 *
 * @param l2                 L2 penalty on the distance from the keyword-only starting point; large keeps the
 *                           model close to the hand-written taxonomy, small lets 200-odd rows overrule it
 * @param iterations         full-batch AdaGrad steps: a fixed count, not a tolerance, so training is reproducible
 * @param learningRate       AdaGrad base step
 * @param keywordTemperature keyword sums are divided by this before entering the model (as in the blend)
 * @param otherBaseline      starting bias of "other" (keyword weight units), as in the blend
 * @param secondaryTarget    target probability given to a row's second topic; the primary gets the rest
 * @param minDocumentFrequency word/bigram features in fewer training rows are dropped
 */
public record SoftmaxHyper(double l2, int iterations, double learningRate, double keywordTemperature,
        double otherBaseline, double secondaryTarget, int minDocumentFrequency) {

    public static SoftmaxHyper defaults() {
        return new SoftmaxHyper(0.01, 200, 0.1, 2.0, 1.5, 0.0, 2);
    }

    public SoftmaxHyper withL2(double value) {
        return new SoftmaxHyper(value, iterations, learningRate, keywordTemperature, otherBaseline, secondaryTarget,
                minDocumentFrequency);
    }

    public SoftmaxHyper withIterations(int value) {
        return new SoftmaxHyper(l2, value, learningRate, keywordTemperature, otherBaseline, secondaryTarget,
                minDocumentFrequency);
    }

    public SoftmaxHyper withSecondaryTarget(double value) {
        return new SoftmaxHyper(l2, iterations, learningRate, keywordTemperature, otherBaseline, value,
                minDocumentFrequency);
    }
}
