package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.tools.data.HeldOutSplit;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.topics.Taxonomy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures the engine against a labelled JSONL file.
 * <pre>Evaluate &lt;jsonl&gt; [--heldout | --train] [--errors]</pre>
 * --heldout scores only the held-out split (the honest figure); --train only the training split.
 * --errors lists mistakes, and is refused with --heldout so nobody tunes on the held-out texts.
 */
public final class Evaluate {

    private Evaluate() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Evaluate <jsonl> [--heldout | --train] [--errors]");
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
        TaggingEngine engine = TaggingEngine.loadDefault();
        System.out.printf(Locale.ROOT, "rows=%d split=%s model=%s taxonomy=%s%n", rows.size(),
                heldOut ? "held-out" : flags.contains("--train") ? "train" : "all", engine.modelVersion(),
                engine.taxonomyVersion());
        Report report = run(engine, rows, errors);
        report.print(System.out);
    }

    public static Report run(TaggingEngine engine, List<LabelledSuggestion> rows, boolean printErrors) {
        Report report = new Report(Taxonomy.loadDefault().codes());
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
