package io.planconsult.tagging.tools.eval;

import java.util.List;

/**
 * A small binary logistic regression over standardised features: full-batch gradient descent, a fixed step
 * count and an L2 penalty, so the same rows always give the same model. For the trust experiment only.
 */
final class BinaryLogistic {

    private static final int STEPS = 2000;
    private static final double RATE = 0.5;
    private static final double L2 = 1.0;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private BinaryLogistic(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /** @param outcomes 1 when the row's tag was right */
    static BinaryLogistic fit(List<double[]> rows, List<Integer> outcomes) {
        int d = rows.getFirst().length;
        int n = rows.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        rows.forEach(x -> {
            for (int j = 0; j < d; j++) {
                mean[j] += x[j] / n;
            }
        });
        rows.forEach(x -> {
            for (int j = 0; j < d; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        });
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-9;
        }
        double[] w = new double[d];
        double b = 0;
        for (int step = 0; step < STEPS; step++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double[] z = standardise(rows.get(i), mean, scale);
                double err = sigmoid(dot(w, z) + b) - outcomes.get(i);
                for (int j = 0; j < d; j++) {
                    gw[j] += err * z[j] / n;
                }
                gb += err / n;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= RATE * (gw[j] + L2 * w[j] / n);
            }
            b -= RATE * gb;
        }
        return new BinaryLogistic(mean, scale, w, b);
    }

    /** The probability that the tag is right. */
    double trust(double[] x) {
        return sigmoid(dot(weights, standardise(x, mean, scale)) + bias);
    }

    private static double[] standardise(double[] x, double[] mean, double[] scale) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
