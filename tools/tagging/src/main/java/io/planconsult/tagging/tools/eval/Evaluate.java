package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.tools.bench.TopicCrossValidate;
import io.planconsult.tagging.tools.data.HeldOutSplit;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.tools.train.LogisticTrainer;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.LogisticHyper;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures the engine against a labelled JSONL file: topic accuracy, the review queue (flagged share, accuracy of
 * the unflagged, reasons), a reliability table, per-area precision/recall, the confusion matrix, district, personal
 * data and near-duplicates. Then the same with a third of the keywords withheld (seed 1, as the cross-validations),
 * the model retrained without them on the training split of the training file, for wording nobody listed.
 * <pre>Evaluate &lt;jsonl&gt; [--heldout | --train] [--errors] [--training &lt;jsonl&gt;]</pre>
 * --heldout scores only the held-out split (the honest figure); --train only the training split.
 * --errors lists mistakes, and is refused with --heldout so nobody tunes on the held-out texts.
 * --training names the labelled file whose training split the withheld-keywords model learns from (default: the
 * evaluated file; its held-out split is never read for training).
 */
public final class Evaluate {

    private static final double WITHHELD_SHARE = 0.33;
    private static final int WITHHELD_SEED = 1;

    private Evaluate() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Evaluate <jsonl> [--heldout | --train] [--errors] [--training <jsonl>]");
            System.exit(2);
        }
        List<String> flags = List.of(args).subList(1, args.length);
        boolean heldOut = flags.contains("--heldout");
        boolean errors = flags.contains("--errors");
        if (heldOut && errors) {
            System.err.println("--errors is not available on the held-out split");
            System.exit(2);
        }
        List<LabelledSuggestion> all = Jsonl.read(Path.of(args[0]));
        List<LabelledSuggestion> rows = heldOut ? HeldOutSplit.heldOut(all)
                : flags.contains("--train") ? HeldOutSplit.training(all) : all;
        int training = flags.indexOf("--training");
        List<LabelledSuggestion> trainingFile = training >= 0 ? Jsonl.read(Path.of(flags.get(training + 1))) : all;
        String split = heldOut ? "held-out" : flags.contains("--train") ? "train" : "all";

        TaggingEngine engine = TaggingEngine.loadDefault();
        System.out.printf(Locale.ROOT, "== shipped engine: rows=%d split=%s model=%s taxonomy=%s%n", rows.size(),
                split, engine.modelVersion(), engine.taxonomyVersion());
        run(engine, rows, errors).print(System.out);

        TaggingEngine withheld = withheldKeywords(HeldOutSplit.training(trainingFile));
        System.out.printf(Locale.ROOT, "%n== a third of the keywords withheld (seed %d), model retrained without "
                + "them on %d training rows: rows=%d split=%s taxonomy=%s%n", WITHHELD_SEED,
                HeldOutSplit.training(trainingFile).size(), rows.size(), split, withheld.taxonomyVersion());
        run(withheld, rows, errors).print(System.out);
    }

    /** The engine as if a third of every area's keywords had never been written: scorer and model both lack them. */
    static TaggingEngine withheldKeywords(List<LabelledSuggestion> trainingRows) {
        Taxonomy taxonomy = TopicCrossValidate.withoutKeywords(Taxonomy.loadDefault(), WITHHELD_SHARE, WITHHELD_SEED);
        HanlpSegmenter segmenter = new HanlpSegmenter(DomainWords.of(taxonomy, Gazetteer.loadDefault()));
        LogisticModel model = new LogisticModel(
                LogisticTrainer.train(trainingRows, taxonomy, segmenter, LogisticHyper.defaults()));
        return TaggingEngine.of(taxonomy, model, TopicSettings.defaults());
    }

    public static Report run(TaggingEngine engine, List<LabelledSuggestion> rows, boolean printErrors) {
        Report report = new Report(engine.classifier().taxonomy().codes());
        for (LabelledSuggestion row : rows) {
            Enrichment e = engine.enrich(row.text(), null);
            report.topic(row, e);
            boolean districtOk = Objects.equals(row.district(), e.district());
            report.district(districtOk);
            List<String> missed = report.pii(row, e);
            if (printErrors) {
                if (!row.primaryTopic().equals(e.primaryTopic())) {
                    System.out.printf("TOPIC %s gold=%s got=%s %s | %s%n", row.id(), row.topics(), e.primaryTopic(),
                            e.topics().subList(0, 3), row.text());
                }
                if (!districtOk) {
                    System.out.printf("DISTRICT %s gold=%s got=%s | %s%n", row.id(), row.district(), e.district(),
                            row.text());
                }
                if (!missed.isEmpty()) {
                    System.out.printf("PII-MISS %s %s | %s%n", row.id(), missed, e.redactedText());
                }
                report.falsePositives(row, e).forEach(fp -> System.out.printf("PII-FP %s %s%n", row.id(), fp));
            }
        }
        report.duplicates(engine, rows);
        return report;
    }
}
