package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.tools.bench.TopicCrossValidate;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.tools.train.LogisticTrainer;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review queue measured honestly: grouped 5-fold cross-validation over the whole labelled file (folds by
 * duplicate-cluster root, a model trained per fold), with the full engine — screening, points, review
 * reasons — and the shipped review thresholds, then with a third of the keywords withheld (the keyword
 * lists were written after reading the file, so the second setting stands for wording nobody listed).
 * <pre>ReviewCrossValidate &lt;jsonl&gt; [--sweep] [--disagreement]</pre>
 * --sweep also prints the trade-off for other thresholds, to choose the shipped ones; --disagreement measures with
 * the keyword-vote-versus-model review rule ({@code TopicSettings#reviewOnDisagreement}) turned on.
 */
public final class ReviewCrossValidate {

    private static final double[] MIN_SCORES = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55};
    private static final double[] MARGINS = {0.0, 0.05, 0.10, 0.15, 0.20};

    private static boolean ERRORS;
    private static TopicSettings SHIPPED = TopicSettings.defaults();

    private ReviewCrossValidate() {
    }

    public static void main(String[] args) {
        List<LabelledSuggestion> rows = Jsonl.read(Path.of(args[0]));
        boolean sweep = List.of(args).contains("--sweep");
        ERRORS = List.of(args).contains("--errors");
        SHIPPED = SHIPPED.withReviewOnDisagreement(List.of(args).contains("--disagreement"));
        Taxonomy taxonomy = Taxonomy.loadDefault();
        System.out.printf(Locale.ROOT, "rows=%d taxonomy=%s, grouped 5-fold CV, review on disagreement %b%n",
                rows.size(), taxonomy.version(), SHIPPED.reviewOnDisagreement());
        run("full keyword lists", rows, taxonomy, sweep);
        run("a third of the keywords withheld (seed 1)", rows, TopicCrossValidate.withoutKeywords(taxonomy, 0.33, 1),
                sweep);
    }

    private static void run(String label, List<LabelledSuggestion> rows, Taxonomy taxonomy, boolean sweep) {
        System.out.println("== " + label);
        Segmenter seg = new HanlpSegmenter(DomainWords.of(taxonomy, Gazetteer.loadDefault()));
        List<LogisticModel> models = new ArrayList<>();
        for (int fold = 0; fold < TopicCrossValidate.FOLDS; fold++) {
            List<LabelledSuggestion> train = new ArrayList<>();
            for (LabelledSuggestion r : rows) {
                if (TopicCrossValidate.fold(r) != fold) {
                    train.add(r);
                }
            }
            models.add(new LogisticModel(LogisticTrainer.train(train, taxonomy, seg, LogisticHyper.defaults())));
        }
        TopicSettings shipped = SHIPPED;
        Report report = new Report(taxonomy.codes());
        ReviewQueue queue = measure(rows, taxonomy, models, shipped, report);
        queue.print(System.out);
        report.printTopics(System.out);
        if (sweep) {
            for (double min : MIN_SCORES) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "min %.2f:", min));
                for (double margin : MARGINS) {
                    ReviewQueue q = measure(rows, taxonomy, models, shipped.withReview(min, margin), null);
                    line.append(String.format(Locale.ROOT, "  m%.2f %4.1f%%/%5.1f%%", margin, q.flaggedShare(),
                            q.unflaggedAccuracy()));
                }
                System.out.println(line + "   (flagged / unflagged accuracy)");
            }
        }
    }

    private static ReviewQueue measure(List<LabelledSuggestion> rows, Taxonomy taxonomy, List<LogisticModel> models,
            TopicSettings settings, Report report) {
        List<TaggingEngine> engines = models.stream().map(m -> TaggingEngine.of(taxonomy, m, settings)).toList();
        ReviewQueue queue = new ReviewQueue();
        for (LabelledSuggestion r : rows) {
            Enrichment e = engines.get(TopicCrossValidate.fold(r)).enrich(r.text(), null);
            queue.add(r, e);
            if (report != null) {
                report.topic(r, e);
                if (ERRORS && !e.needsReview() && !r.topics().contains(e.primaryTopic())) {
                    System.out.printf(Locale.ROOT, "UNFLAGGED-ERROR %s gold=%s got=%s %s | %s%n", r.id(), r.topics(),
                            e.primaryTopic(), e.topics().subList(0, 3), r.text());
                }
            }
        }
        return queue;
    }
}
