package io.planconsult.tagging.bench;

import io.planconsult.tagging.data.HeldOutSplit;
import io.planconsult.tagging.data.Jsonl;
import io.planconsult.tagging.data.LabelledSuggestion;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.ModelFile;
import io.planconsult.tagging.topics.NaiveBayesModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicClassifier;
import io.planconsult.tagging.topics.TopicSettings;
import io.planconsult.tagging.topics.train.NaiveBayesTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * 5-fold cross-validation on the TRAINING split only (folds by duplicate-cluster root), used to
 * compare segmenters and pick blend settings without touching the held-out rows.
 * <pre>CrossValidate &lt;jsonl&gt;</pre>
 */
public final class CrossValidate {

    private static final int FOLDS = 5;

    public static void main(String[] args) {
        List<LabelledSuggestion> training = HeldOutSplit.training(Jsonl.read(Path.of(args[0])));
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Collection<String> domain = DomainWords.of(taxonomy, Gazetteer.loadDefault());
        List<Segmenter> segmenters = Boolean.getBoolean("jieba") ? List.of(new HanlpSegmenter(domain), new JiebaSegmenter(domain)) : List.of(new HanlpSegmenter(domain));
        double[] weights = {0.0, 0.05, 0.1, 0.2, 0.3, 0.5};
        double[] temperatures = {1.0};
        for (Segmenter seg : segmenters) {
            for (double t : temperatures) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s T=%4.1f", seg.name(), t));
                for (double w : weights) {
                    line.append(String.format(Locale.ROOT, "  w=%.1f:%5.1f%%", w, accuracy(training, taxonomy, seg, w, t)));
                }
                System.out.println(line);
            }
        }
    }

    static double accuracy(List<LabelledSuggestion> rows, Taxonomy taxonomy, Segmenter seg, double keywordWeight,
            double temperature) {
        int correct = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabelledSuggestion> train = new ArrayList<>();
            List<LabelledSuggestion> test = new ArrayList<>();
            for (LabelledSuggestion r : rows) {
                (Math.floorMod(r.clusterRoot().hashCode() * 31 + 7, FOLDS) == fold ? test : train).add(r);
            }
            ModelFile f = NaiveBayesTrainer.train(train, taxonomy.codes(), seg, Integer.getInteger("minDf", 2));
            ModelFile tuned = new ModelFile(f.version(), f.checksum(), f.trainedOn(), f.segmenter(), f.documents(),
                    f.alpha(), temperature, f.codes(), f.classCounts(), f.featureCounts(), f.documentFrequency());
            TopicSettings d = TopicSettings.defaults();
            TopicClassifier classifier = new TopicClassifier(new KeywordScorer(taxonomy), new NaiveBayesModel(tuned),
                    new TopicSettings(keywordWeight, d.keywordTemperature(), d.otherBaseline(), d.reviewMinScore(),
                            d.reviewMargin(), d.secondLabelRatio()));
            for (LabelledSuggestion r : test) {
                if (classifier.classify(r.text(), seg.segment(r.text())).primary().equals(r.primaryTopic())) {
                    correct++;
                }
            }
        }
        return 100.0 * correct / rows.size();
    }
}
