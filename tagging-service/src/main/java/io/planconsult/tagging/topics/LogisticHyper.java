package io.planconsult.tagging.topics;

/**
 * Training settings of the logistic-regression topic model, chosen by grouped 5-fold
 * cross-validation on the training split (TopicCrossValidate, figures in the README).
 *
 * @param l2                   L2 penalty on the feature weights (the biases are not penalised)
 * @param iterations           full-batch AdaGrad steps: a fixed count, not a tolerance, so training is reproducible
 * @param learningRate         AdaGrad base step
 * @param secondaryTarget      target probability of a row's second topic; the primary gets the rest
 * @param keywordDocWeight     weight of each taxonomy keyword, fed to training as a one-phrase document of its
 *                             area, relative to a labelled row: the keyword lists teach the model the vocabulary
 *                             of areas the ~300 rows only sample
 * @param minDocumentFrequency word and n-gram features of labelled rows seen in fewer rows are dropped
 */
public record LogisticHyper(double l2, int iterations, double learningRate, double secondaryTarget,
        double keywordDocWeight, int minDocumentFrequency) {

    public static LogisticHyper defaults() {
        return new LogisticHyper(1e-4, 300, 0.5, 0.3, 1.0, 2);
    }

    public LogisticHyper withL2(double value) {
        return new LogisticHyper(value, iterations, learningRate, secondaryTarget, keywordDocWeight,
                minDocumentFrequency);
    }

    public LogisticHyper withKeywordDocWeight(double value) {
        return new LogisticHyper(l2, iterations, learningRate, secondaryTarget, value, minDocumentFrequency);
    }
}
