package io.planconsult.tagging.tools.train;

import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.ModelFile;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the softmax (multinomial logistic regression) topic model from labelled rows plus the
 * taxonomy's keywords, each fed as a one-phrase document of its area. ~300 rows only sample each
 * area's vocabulary; the keyword lists name it, and through shared character n-grams the model
 * learns to credit unseen compounds too.
 *
 * <p>Reproducible by construction: features are numbered in sorted order, rows are visited in a
 * fixed order, the optimiser is full-batch AdaGrad with a fixed number of steps and no randomness,
 * exponentials come from {@link StrictMath} (whose results are specified to the bit, unlike
 * {@link Math#exp}, whose JIT intrinsic may differ from the interpreter), and weights are rounded
 * before they are written.
 */
public final class LogisticTrainer {

    private static final double ROUNDING = 1e4;

    /** One training document: sorted feature ids, target distribution over codes, weight. */
    private record Example(int[] features, double[] target, double weight) {
    }

    private LogisticTrainer() {
    }

    public static ModelFile train(List<LabelledSuggestion> rows, Taxonomy taxonomy, Segmenter segmenter,
            LogisticHyper hyper) {
        List<String> codes = taxonomy.codes();
        int k = codes.size();
        List<Set<String>> rowFeatures = rows.stream().map(r -> TopicFeatures.of(r.text(), segmenter.segment(r.text())))
                .toList();
        TreeMap<String, Integer> documentFrequency = new TreeMap<>();
        rowFeatures.forEach(fs -> fs.forEach(f -> documentFrequency.merge(f, 1, Integer::sum)));
        TreeMap<String, Integer> vocabulary = new TreeMap<>();
        documentFrequency.forEach((f, df) -> {
            if (df >= hyper.minDocumentFrequency()) {
                vocabulary.put(f, 0);
            }
        });
        List<String> keywordAreas = new ArrayList<>();
        List<Set<String>> keywordFeatures = new ArrayList<>();
        for (Taxonomy.Area area : taxonomy.areas()) {
            for (String keyword : new TreeMap<>(area.keywords()).keySet()) {
                Set<String> fs = TopicFeatures.of(keyword, segmenter.segment(keyword));
                if (!fs.isEmpty()) {
                    keywordAreas.add(area.code());
                    keywordFeatures.add(fs);
                    fs.forEach(f -> vocabulary.put(f, 0));
                }
            }
        }
        int id = 0;
        for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
            e.setValue(id++);
        }

        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] target = new double[k];
            List<String> topics = rows.get(i).topics();
            int primary = codes.indexOf(topics.getFirst());
            int second = topics.size() > 1 ? codes.indexOf(topics.get(1)) : -1;
            if (primary < 0) {
                throw new IllegalArgumentException("row " + rows.get(i).id() + " has unknown topic " + topics);
            }
            if (second >= 0 && hyper.secondaryTarget() > 0) {
                target[primary] = 1 - hyper.secondaryTarget();
                target[second] = hyper.secondaryTarget();
            } else {
                target[primary] = 1;
            }
            examples.add(new Example(ids(rowFeatures.get(i), vocabulary), target, 1.0));
        }
        for (int i = 0; i < keywordFeatures.size(); i++) {
            double[] target = new double[k];
            target[codes.indexOf(keywordAreas.get(i))] = 1;
            examples.add(new Example(ids(keywordFeatures.get(i), vocabulary), target, hyper.keywordDocWeight()));
        }

        double[][] fitted = fit(examples, vocabulary.size(), k, hyper);
        TreeMap<String, double[]> weights = new TreeMap<>();
        vocabulary.forEach((f, row) -> weights.put(f, round(Arrays.copyOfRange(fitted[0], row * k, row * k + k))));
        double[] bias = round(fitted[1]);
        documentFrequency.keySet().removeIf(f -> !f.startsWith(TopicFeatures.WORD));
        ModelFile draft = new ModelFile(null, null, trainingChecksum(rows, taxonomy), segmenter.name(), rows.size(),
                keywordFeatures.size(), hyper, List.copyOf(codes), bias, weights, documentFrequency);
        String checksum = ModelFile.contentChecksum(draft);
        return new ModelFile("lr-" + checksum.substring(0, 12), checksum, draft.trainedOn(), draft.segmenter(),
                draft.documents(), draft.keywordDocuments(), hyper, draft.codes(), bias, weights, documentFrequency);
    }

    private static int[] ids(Set<String> features, Map<String, Integer> vocabulary) {
        return features.stream().map(vocabulary::get).filter(i -> i != null).mapToInt(Integer::intValue).sorted()
                .toArray();
    }

    /** @return {weights (feature-major, k per feature), biases} */
    private static double[][] fit(List<Example> examples, int features, int k, LogisticHyper hyper) {
        double[] w = new double[features * k];
        double[] b = new double[k];
        double[] gw = new double[w.length];
        double[] gb = new double[k];
        double[] hw = new double[w.length];
        double[] hb = new double[k];
        double totalWeight = examples.stream().mapToDouble(Example::weight).sum();
        double[] z = new double[k];
        for (int step = 0; step < hyper.iterations(); step++) {
            Arrays.fill(gw, 0);
            Arrays.fill(gb, 0);
            for (Example ex : examples) {
                double scale = ex.features().length == 0 ? 0 : 1 / StrictMath.sqrt(ex.features().length);
                System.arraycopy(b, 0, z, 0, k);
                for (int f : ex.features()) {
                    for (int c = 0; c < k; c++) {
                        z[c] += w[f * k + c] * scale;
                    }
                }
                double[] p = softmax(z);
                for (int c = 0; c < k; c++) {
                    double g = (p[c] - ex.target()[c]) * ex.weight() / totalWeight;
                    gb[c] += g;
                    for (int f : ex.features()) {
                        gw[f * k + c] += g * scale;
                    }
                }
            }
            for (int j = 0; j < w.length; j++) {
                double g = gw[j] + hyper.l2() * w[j];
                hw[j] += g * g;
                w[j] -= hyper.learningRate() * g / (StrictMath.sqrt(hw[j]) + 1e-8);
            }
            for (int c = 0; c < k; c++) {
                hb[c] += gb[c] * gb[c];
                b[c] -= hyper.learningRate() * gb[c] / (StrictMath.sqrt(hb[c]) + 1e-8);
            }
        }
        return new double[][] {w, b};
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            p[c] = StrictMath.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static double[] round(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.round(values[i] * ROUNDING) / ROUNDING;
        }
        return out;
    }

    static String trainingChecksum(List<LabelledSuggestion> rows, Taxonomy taxonomy) {
        StringBuilder sb = new StringBuilder();
        for (LabelledSuggestion r : rows) {
            sb.append(r.id()).append('\t').append(r.text()).append('\t').append(r.topics()).append('\n');
        }
        for (Taxonomy.Area a : taxonomy.areas()) {
            sb.append(a.code()).append('\t').append(new TreeMap<>(a.keywords()).keySet()).append('\n');
        }
        return ModelFile.sha256(sb.toString());
    }
}
