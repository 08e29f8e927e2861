package io.planconsult.tagging.tools.bench;

import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.Taxonomy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Single-thread throughput: full enrichment vs segmentation alone.
 * <pre>Benchmark &lt;jsonl&gt; [rounds, default 7] [passes over the file per round, default 5]</pre>
 * Warm-up is a fixed number of passes (not a time budget), so every run does the same work before
 * measuring. Rounds alternate segmentation and enrichment, so a neighbour's build on this shared box
 * slows both sides of a round alike; the medians are printed, and the ratio is the median of the
 * per-round ratios. Rates are given twice: by wall clock, and by this thread's CPU time, which a
 * neighbour's load cannot inflate (it still counts our own allocation, but not GC threads' work).
 */
public final class Benchmark {

    static final int WARMUP_PASSES = 30;

    private Benchmark() {
    }

    public static void main(String[] args) {
        List<String> texts = Jsonl.read(Path.of(args[0])).stream().map(LabelledSuggestion::text).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        TaggingEngine engine = TaggingEngine.loadDefault();
        HanlpSegmenter segmenter = new HanlpSegmenter(DomainWords.of(Taxonomy.loadDefault(), Gazetteer.loadDefault()));
        Consumer<String> segment = segmenter::segment;
        Consumer<String> enrich = t -> engine.enrich(t, null);
        run(texts, WARMUP_PASSES, segment);
        run(texts, WARMUP_PASSES, enrich);
        double[][] seg = new double[2][rounds];
        double[][] full = new double[2][rounds];
        double[][] ratio = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] s = rates(texts, passes, segment);
            double[] f = rates(texts, passes, enrich);
            for (int clock = 0; clock < 2; clock++) {
                seg[clock][r] = s[clock];
                full[clock][r] = f[clock];
                ratio[clock][r] = f[clock] / s[clock];
            }
        }
        String[] clocks = {"wall", "cpu"};
        for (int clock = 0; clock < 2; clock++) {
            System.out.printf(Locale.ROOT, "%-4s segmentation alone %8.0f /s  (median of %d rounds, range %.0f-%.0f)%n",
                    clocks[clock], median(seg[clock]), rounds, min(seg[clock]), max(seg[clock]));
            System.out.printf(Locale.ROOT, "%-4s full enrichment    %8.0f /s  (median of %d rounds, range %.0f-%.0f)%n",
                    clocks[clock], median(full[clock]), rounds, min(full[clock]), max(full[clock]));
            System.out.printf(Locale.ROOT,
                    "%-4s ratio full/segment %8.2f     (median of per-round ratios, range %.2f-%.2f)%n",
                    clocks[clock], median(ratio[clock]), min(ratio[clock]), max(ratio[clock]));
        }
    }

    /** Median CPU microseconds per text of {@code work} over {@code rounds} timed passes, after one warm-up. */
    static double medianMicros(List<String> texts, int rounds, Consumer<String> work) {
        run(texts, WARMUP_PASSES, work);
        double[] micros = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            micros[r] = 1e6 / rates(texts, 1, work)[1];
        }
        return median(micros);
    }

    /** @return suggestions per second by wall clock and by this thread's CPU time */
    static double[] rates(List<String> texts, int passes, Consumer<String> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        run(texts, passes, work);
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        double calls = (double) passes * texts.size();
        return new double[] {calls / (wall / 1e9), calls / (cpu / 1e9)};
    }

    private static void run(List<String> texts, int passes, Consumer<String> work) {
        for (int p = 0; p < passes; p++) {
            texts.forEach(work);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
