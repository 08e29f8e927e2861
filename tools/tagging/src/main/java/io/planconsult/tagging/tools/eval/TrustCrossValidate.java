package io.planconsult.tagging.tools.eval;

import io.planconsult.contract.ReviewReasons;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.tools.bench.TopicCrossValidate;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.tools.train.LogisticTrainer;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Would a learned trust score make a better review queue than the score thresholds? Nested grouped
 * cross-validation, so no test row informs its own fold: for each of the 5 outer folds, the training part is split
 * again into 4 inner folds, each tagged by a model trained on the other three; a logistic regression learns from
 * those out-of-fold taggings whether a tag is right, and the threshold is the trust below which a given share
 * (the budget) of the inner taggings falls. Then the outer fold's rows, tagged by a model trained on the whole
 * training part, are flagged below that threshold or for a reason that is not about topics (not-a-suggestion,
 * foreign-language, multi-point, residual-pii). Two trust models: the best score alone (the thresholds, chosen
 * the nested way) and all features.
 * <pre>TrustCrossValidate &lt;jsonl&gt;</pre>
 */
public final class TrustCrossValidate {

    private static final double[] BUDGETS = {0.08, 0.10, 0.12, 0.14, 0.18, 0.22};
    private static final int INNER_FOLDS = 4;
    private static final List<String> FEATURES = List.of("log best score", "log margin", "log model p(primary)",
            "model agrees", "keyword vote agrees", "keyword share of primary", "log keyword weight of primary",
            "next area's keyword weight / primary's", "model's next / primary", "log length", "primary is other");
    private static final int[] SCORE_ONLY = {0};
    private static final Set<String> NOT_ABOUT_TOPICS = Set.of(ReviewReasons.NOT_A_SUGGESTION,
            ReviewReasons.FOREIGN_LANGUAGE, ReviewReasons.MULTI_POINT, ReviewReasons.RESIDUAL_PII);

    /** One tagged row: its trust features, whether its primary topic is acceptable, whether it is flagged anyway. */
    private record Scored(double[] features, int right, boolean flaggedAnyway) {

        double[] select(int[] columns) {
            return columns == null ? features : Arrays.stream(columns).mapToDouble(c -> features[c]).toArray();
        }
    }

    private TrustCrossValidate() {
    }

    public static void main(String[] args) {
        List<LabelledSuggestion> rows = Jsonl.read(Path.of(args[0]));
        Taxonomy taxonomy = Taxonomy.loadDefault();
        System.out.printf(Locale.ROOT, "rows=%d, nested grouped CV (5 outer x %d inner folds); features %s%n",
                rows.size(), INNER_FOLDS, FEATURES);
        run("full keyword lists", rows, taxonomy);
        run("a third of the keywords withheld (seed 1)", rows, TopicCrossValidate.withoutKeywords(taxonomy, 0.33, 1));
    }

    private static void run(String label, List<LabelledSuggestion> rows, Taxonomy taxonomy) {
        Segmenter seg = new HanlpSegmenter(DomainWords.of(taxonomy, Gazetteer.loadDefault()));
        int[][][] counts = new int[2][BUDGETS.length][3]; // [trust model][budget][flagged, unflagged right, rows]
        for (int fold = 0; fold < TopicCrossValidate.FOLDS; fold++) {
            List<LabelledSuggestion> train = new ArrayList<>();
            List<LabelledSuggestion> test = new ArrayList<>();
            for (LabelledSuggestion r : rows) {
                (TopicCrossValidate.fold(r) == fold ? test : train).add(r);
            }
            List<Scored> outer = score(test, train, taxonomy, seg);
            List<Scored> inner = new ArrayList<>();
            for (int g = 0; g < INNER_FOLDS; g++) {
                List<LabelledSuggestion> innerTrain = new ArrayList<>();
                List<LabelledSuggestion> innerTest = new ArrayList<>();
                for (LabelledSuggestion r : train) {
                    (innerFold(r) == g ? innerTest : innerTrain).add(r);
                }
                inner.addAll(score(innerTest, innerTrain, taxonomy, seg));
            }
            int[][] columns = {SCORE_ONLY, null};
            for (int m = 0; m < columns.length; m++) {
                int[] cols = columns[m];
                BinaryLogistic trust = BinaryLogistic.fit(inner.stream().map(s -> s.select(cols)).toList(),
                        inner.stream().map(Scored::right).toList());
                double[] innerTrust = inner.stream().mapToDouble(s -> trust.trust(s.select(cols))).sorted().toArray();
                for (int b = 0; b < BUDGETS.length; b++) {
                    double threshold = innerTrust[(int) Math.floor(BUDGETS[b] * (innerTrust.length - 1))];
                    for (Scored s : outer) {
                        boolean flagged = s.flaggedAnyway() || trust.trust(s.select(cols)) < threshold;
                        counts[m][b][0] += flagged ? 1 : 0;
                        counts[m][b][1] += !flagged && s.right() == 1 ? 1 : 0;
                        counts[m][b][2]++;
                    }
                }
            }
        }
        System.out.println("== " + label + "  (budget: share of inner taggings below the threshold)");
        String[] names = {"best score alone", "all features"};
        for (int m = 0; m < names.length; m++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", names[m]));
            for (int b = 0; b < BUDGETS.length; b++) {
                int[] c = counts[m][b];
                line.append(String.format(Locale.ROOT, "  b%.2f %4.1f%%/%5.1f%%", BUDGETS[b], Report.pct(c[0], c[2]),
                        Report.pct(c[1], c[2] - c[0])));
            }
            System.out.println(line + "   (flagged / unflagged accuracy)");
        }
    }

    /** Tags {@code test} with a model trained on {@code train} and describes each tagging. */
    private static List<Scored> score(List<LabelledSuggestion> test, List<LabelledSuggestion> train, Taxonomy taxonomy,
            Segmenter seg) {
        LogisticModel model = new LogisticModel(LogisticTrainer.train(train, taxonomy, seg, LogisticHyper.defaults()));
        TaggingEngine engine = TaggingEngine.of(taxonomy, model, TopicSettings.defaults());
        KeywordScorer keywords = new KeywordScorer(taxonomy);
        int other = taxonomy.indexOf(Taxonomy.OTHER);
        double baseline = TopicSettings.defaults().otherBaseline();
        List<Scored> scored = new ArrayList<>(test.size());
        for (LabelledSuggestion r : test) {
            Enrichment e = engine.enrich(r.text(), null);
            String folded = TextNormalizer.fold(r.text());
            double[] p = model.probabilities(folded, seg.segment(folded));
            double[] kw = keywords.score(folded);
            int primary = taxonomy.indexOf(e.primaryTopic());
            int byModel = argmax(p, -1);
            double[] vote = kw.clone();
            vote[other] += baseline;
            double total = Arrays.stream(kw).sum();
            double nextKeyword = 0;
            double nextModel = 0;
            for (int i = 0; i < kw.length; i++) {
                if (i != primary) {
                    nextKeyword = i == other ? nextKeyword : Math.max(nextKeyword, kw[i]);
                    nextModel = Math.max(nextModel, p[i]);
                }
            }
            double best = e.topics().get(0).score();
            double[] f = {Math.log(Math.max(best, 1e-4)), Math.log(Math.max(best - e.topics().get(1).score(), 1e-4)),
                Math.log(Math.max(p[primary], 1e-4)), byModel == primary ? 1 : 0, argmax(vote, -1) == primary ? 1 : 0,
                total == 0 ? 0 : kw[primary] / total, Math.log1p(kw[primary]), nextKeyword / (kw[primary] + 1),
                nextModel / (p[primary] + 1e-3), Math.log1p(r.text().length()), primary == other ? 1 : 0};
            boolean anyway = e.reviewReasons().stream().anyMatch(NOT_ABOUT_TOPICS::contains);
            scored.add(new Scored(f, r.topics().contains(e.primaryTopic()) ? 1 : 0, anyway));
        }
        return scored;
    }

    private static int argmax(double[] v, int none) {
        int best = none;
        for (int i = 0; i < v.length; i++) {
            if (best < 0 || v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Inner folds by cluster root too, with a hash independent of the outer one (5 and 4 are coprime). */
    private static int innerFold(LabelledSuggestion r) {
        return Math.floorMod(r.clusterRoot().hashCode() * 17 + 3, INNER_FOLDS);
    }
}
