package io.planconsult.tagging.bench;

import io.planconsult.tagging.data.Jsonl;
import io.planconsult.tagging.data.LabelledSuggestion;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.Taxonomy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Single-thread throughput: full enrichment vs segmentation alone.
 * <pre>Benchmark &lt;jsonl&gt; [seconds per measurement, default 5]</pre>
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        List<String> texts = Jsonl.read(Path.of(args[0])).stream().map(LabelledSuggestion::text).toList();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5.0;
        TaggingEngine engine = TaggingEngine.loadDefault();
        HanlpSegmenter segmenter = new HanlpSegmenter(DomainWords.of(Taxonomy.loadDefault(), Gazetteer.loadDefault()));
        double seg = measure("segmentation only", texts, seconds, segmenter::segment);
        double full = measure("full enrichment", texts, seconds, t -> engine.enrich(t, null));
        System.out.printf(Locale.ROOT, "full / segmentation = %.2f%n", full / seg);
    }

    static double measure(String label, List<String> texts, double seconds, Consumer<String> work) {
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        int i = 0;
        while (System.nanoTime() < warmupEnd) {
            work.accept(texts.get(i++ % texts.size()));
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < end) {
            work.accept(texts.get((int) (done++ % texts.size())));
        }
        double rate = done / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-20s %10.0f suggestions/s (one thread, %d calls)%n", label, rate, done);
        return rate;
    }
}
