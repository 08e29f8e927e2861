package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.dedup.DedupSettings;
import io.planconsult.tagging.dedup.Deduplicator;
import io.planconsult.tagging.dedup.EverydayGate;
import io.planconsult.tagging.dedup.InMemoryDedupIndex;
import io.planconsult.tagging.tools.bench.DuplicateStormBenchmark;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the candidate bound ({@code maxCandidates} in tagging/dedup.json) by what it changes: for each bound, the
 * duplicate-pair scores on the labelled file (in file order, as one index), and on n look-alike texts (sentences
 * recombined from the file, {@link DuplicateStormBenchmark#distinct}, seed 1) how many suggestions land in another
 * cluster or next to another earlier suggestion than with every candidate compared, and the index's rate by this
 * thread's CPU time (raw texts, no engine: the index alone).
 * <pre>CandidateBoundCheck &lt;jsonl&gt; [n, default 10000]</pre>
 */
public final class CandidateBoundCheck {

    private static final int[] BOUNDS = {Integer.MAX_VALUE, 64, 32, 24, 16, 12, 8, 4};

    private CandidateBoundCheck() {
    }

    public static void main(String[] args) {
        List<LabelledSuggestion> rows = Jsonl.read(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<String> lookAlikes = DuplicateStormBenchmark.distinct(rows.stream().map(LabelledSuggestion::text)
                .toList(), n, new Random(1));
        DedupSettings shipped = DedupSettings.loadDefault();
        EverydayGate gate = EverydayGate.withDefaults();
        List<DedupIndex.Assignment> every = null;
        for (int bound : BOUNDS) {
            DedupSettings settings = shipped.withMaxCandidates(bound);
            DuplicateScore dev = DuplicateScore.measure(rows, new Deduplicator(settings, gate));
            run(settings, gate, lookAlikes.subList(0, Math.min(1000, n)));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            List<DedupIndex.Assignment> assigned = run(settings, gate, lookAlikes);
            double rate = n / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            every = every == null ? assigned : every;
            System.out.printf(Locale.ROOT, "maxCandidates %-10s dev pairs P=%.3f R=%.3f F1=%.3f"
                    + " (predicted %d, correct %d)  look-alikes: %d clusters, other cluster %d, other match %d  "
                    + "%6.0f /s cpu%n",
                    bound == Integer.MAX_VALUE ? "every" : bound, dev.precision(), dev.recall(), dev.f1(),
                    dev.predictedPairs(), dev.correctPairs(), clusters(assigned), differ(every, assigned, true),
                    differ(every, assigned, false), rate);
        }
    }

    private static List<DedupIndex.Assignment> run(DedupSettings settings, EverydayGate gate, List<String> texts) {
        InMemoryDedupIndex index = new InMemoryDedupIndex(settings, gate);
        List<DedupIndex.Assignment> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(index.add("s" + i, texts.get(i)));
        }
        return out;
    }

    private static long clusters(List<DedupIndex.Assignment> assigned) {
        return assigned.stream().map(DedupIndex.Assignment::clusterId).distinct().count();
    }

    /** Suggestions whose cluster (or, with {@code byCluster} false, whose most similar earlier one) differs. */
    private static int differ(List<DedupIndex.Assignment> a, List<DedupIndex.Assignment> b, boolean byCluster) {
        Map<String, String> expected = new HashMap<>();
        a.forEach(x -> expected.put(x.id(), byCluster ? x.clusterId() : String.valueOf(x.similarTo())));
        int differ = 0;
        for (DedupIndex.Assignment x : b) {
            differ += expected.get(x.id()).equals(byCluster ? x.clusterId() : String.valueOf(x.similarTo())) ? 0 : 1;
        }
        return differ;
    }
}
