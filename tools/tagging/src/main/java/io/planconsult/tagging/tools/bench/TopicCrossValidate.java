package io.planconsult.tagging.tools.bench;

import io.planconsult.tagging.tools.data.HeldOutSplit;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicClassifier;
import io.planconsult.tagging.topics.TopicSettings;
import io.planconsult.tagging.tools.train.LogisticTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grouped 5-fold cross-validation on the TRAINING split only (folds by duplicate-cluster root), with
 * the shipped trainer and classifier, for a range of blend weights (0 = keywords alone).
 * <pre>TopicCrossValidate &lt;jsonl&gt; [drop fraction, default 0.33] [seeds, default 3] [l2]
 *     [keyword doc weight]</pre>
 *
 * <p>The keyword lists were written after reading the whole dev file, so on these rows they know
 * every decisive phrase; unseen suggestions will use phrases nobody listed. The second table
 * simulates that: each seed drops a fixed pseudo-random share of every area's keywords (from the
 * scorer and from training alike) before the folds run.
 */
public final class TopicCrossValidate {

    public static final int FOLDS = 5;
    private static final double[] WEIGHTS = {0.0, 0.05, 0.5, 1.0, 2.0, 3.0, 5.0};

    private TopicCrossValidate() {
    }

    public static void main(String[] args) {
        List<LabelledSuggestion> training = HeldOutSplit.training(Jsonl.read(Path.of(args[0])));
        double drop = args.length > 1 ? Double.parseDouble(args[1]) : 0.33;
        int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        LogisticHyper hyper = LogisticHyper.defaults();
        if (args.length > 3) {
            hyper = hyper.withL2(Double.parseDouble(args[3]));
        }
        if (args.length > 4) {
            hyper = hyper.withKeywordDocWeight(Double.parseDouble(args[4]));
        }
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Segmenter seg = new HanlpSegmenter(DomainWords.of(taxonomy, Gazetteer.loadDefault()));
        System.out.println("rows=" + training.size() + " " + hyper);
        print("full keyword lists", accuracies(training, taxonomy, seg, hyper));
        double[] mean = new double[WEIGHTS.length];
        for (int seed = 1; seed <= seeds; seed++) {
            double[] acc = accuracies(training, withoutKeywords(taxonomy, drop, seed), seg, hyper);
            print(String.format(Locale.ROOT, "%.0f%% keywords dropped, seed %d", drop * 100, seed), acc);
            for (int w = 0; w < mean.length; w++) {
                mean[w] += acc[w] / seeds;
            }
        }
        print("dropped, mean", mean);
    }

    private static void print(String label, double[] accuracy) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", label));
        for (int w = 0; w < WEIGHTS.length; w++) {
            line.append(String.format(Locale.ROOT, "  w=%.2f:%5.1f%%", WEIGHTS[w], accuracy[w]));
        }
        System.out.println(line);
    }

    /** Top-1 accuracy per blend weight in {@link #WEIGHTS}. */
    static double[] accuracies(List<LabelledSuggestion> rows, Taxonomy taxonomy, Segmenter seg, LogisticHyper hyper) {
        int[] correct = new int[WEIGHTS.length];
        Map<String, List<String>> tokens = new HashMap<>();
        rows.forEach(r -> tokens.put(r.id(), seg.segment(r.text())));
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabelledSuggestion> train = new ArrayList<>();
            List<LabelledSuggestion> test = new ArrayList<>();
            for (LabelledSuggestion r : rows) {
                (fold(r) == fold ? test : train).add(r);
            }
            LogisticModel model = new LogisticModel(LogisticTrainer.train(train, taxonomy, seg, hyper));
            TopicSettings d = TopicSettings.defaults();
            for (int w = 0; w < WEIGHTS.length; w++) {
                TopicClassifier classifier = new TopicClassifier(new KeywordScorer(taxonomy), model,
                        new TopicSettings(WEIGHTS[w], d.keywordTemperature(), d.otherBaseline(), d.reviewMinScore(),
                                d.reviewMargin(), d.secondLabelRatio()));
                for (LabelledSuggestion r : test) {
                    if (classifier.classify(r.text(), tokens.get(r.id())).primary().equals(r.primaryTopic())) {
                        correct[w]++;
                    }
                }
            }
        }
        double[] accuracy = new double[WEIGHTS.length];
        for (int w = 0; w < WEIGHTS.length; w++) {
            accuracy[w] = 100.0 * correct[w] / rows.size();
        }
        return accuracy;
    }

    public static int fold(LabelledSuggestion r) {
        return Math.floorMod(r.clusterRoot().hashCode() * 31 + 7, FOLDS);
    }

    /** The taxonomy minus a fixed pseudo-random share of each area's keywords. */
    public static Taxonomy withoutKeywords(Taxonomy taxonomy, double share, int seed) {
        List<Taxonomy.Area> areas = new ArrayList<>();
        for (Taxonomy.Area a : taxonomy.areas()) {
            Map<String, Double> kept = new HashMap<>();
            a.keywords().forEach((word, weight) -> {
                if (Math.floorMod((seed + "#" + word).hashCode() * 0x9E3779B9, 1000) >= share * 1000) {
                    kept.put(word, weight);
                }
            });
            areas.add(new Taxonomy.Area(a.code(), a.name(), a.englishName(), kept));
        }
        return new Taxonomy(taxonomy.version() + "-drop" + seed, taxonomy.description(), areas);
    }
}
