package io.planconsult.tagging.tools.bench;

import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.dedup.DedupSettings;
import io.planconsult.tagging.dedup.InMemoryDedupIndex;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A campaign's duplicate storm beside ordinary traffic, one thread, tagging plus the near-duplicate rule:
 * <pre>DuplicateStormBenchmark &lt;jsonl&gt; [n, default 10000] [seed, default 1] [baseline n, default 2000]</pre>
 * <ul>
 * <li>storm: n copies of one template letter (the longest text of the file, chosen at run time), each with one to
 * three random character edits and its own number;</li>
 * <li>distinct: n texts, each two to four sentences drawn from different rows of the file.</li>
 * </ul>
 * Both go through the engine and a fresh index with the shipped settings; the distinct texts again with every
 * representative sharing a band key compared (no candidate bound, the rule before it); the storm again with every
 * member a representative and no candidate bound, which is how the index compared a newcomer before (with every
 * earlier member of its cluster), as the baseline: on the first [baseline n] copies only, since its cost grows
 * with the square of the storm.
 * Rates by this thread's CPU time, which a neighbour's load cannot inflate, and by wall clock.
 */
public final class DuplicateStormBenchmark {

    private DuplicateStormBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DuplicateStormBenchmark <jsonl> [n] [seed]");
            System.exit(2);
        }
        List<String> texts = Jsonl.read(Path.of(args[0])).stream().map(LabelledSuggestion::text).toList();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 1);
        TaggingEngine engine = TaggingEngine.loadDefault();
        DedupSettings shipped = DedupSettings.loadDefault();
        DedupSettings everyMember = new DedupSettings(shipped.version(), shipped.threshold(),
                shipped.everydayThreshold(), shipped.minShingles(), shipped.permutations(), shipped.rowsPerBand(),
                Integer.MAX_VALUE, 2.0, Integer.MAX_VALUE, shipped.stopShingles(), shipped.englishStopWords());
        List<String> storm = storm(texts, n, random);
        List<String> distinct = distinct(texts, n, random);

        run(engine, shipped, distinct.subList(0, Math.min(2000, n)), "warm-up");
        Result d = run(engine, shipped, distinct, "distinct texts");
        Result da = run(engine, shipped.withMaxCandidates(Integer.MAX_VALUE), distinct, "distinct, every candidate");
        Result s = run(engine, shipped, storm, "storm, representatives");
        int baselineN = Math.min(n, args.length > 3 ? Integer.parseInt(args[3]) : 2000);
        Result b = run(engine, everyMember, storm.subList(0, baselineN), "storm, every member (before)");
        Result sb = run(engine, shipped, storm.subList(0, baselineN), "storm, representatives");
        for (Result r : List.of(d, da, s, sb, b)) {
            System.out.println(r);
        }
        System.out.printf(Locale.ROOT, "storm / distinct rate (cpu): %.2f   (target 0.80-1.20)%n",
                s.cpuRate / d.cpuRate);
        System.out.printf(Locale.ROOT, "distinct, bounded / every candidate rate (cpu): %.2f%n",
                d.cpuRate / da.cpuRate);
        System.out.printf(Locale.ROOT, "before / distinct rate (cpu): %.2f, on only %d copies%n",
                b.cpuRate / d.cpuRate, baselineN);
    }

    record Result(String name, int n, double cpuRate, double wallRate, int clusters, int largest, int representatives) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-30s n=%d  %8.0f /s cpu  %8.0f /s wall  clusters=%d  largest=%d"
                    + "  its representatives=%d", name, n, cpuRate, wallRate, clusters, largest, representatives);
        }
    }

    static Result run(TaggingEngine engine, DedupSettings settings, List<String> items, String name) {
        InMemoryDedupIndex index = new InMemoryDedupIndex(settings);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Integer> sizes = new HashMap<>();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            Enrichment e = engine.enrich(items.get(i), null);
            DedupIndex.Assignment a = index.add("s" + i, e.redactedText());
            sizes.merge(a.clusterId(), 1, Integer::sum);
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        var largest = sizes.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow();
        return new Result(name, items.size(), items.size() / cpuSeconds, items.size() / wallSeconds, sizes.size(),
                largest.getValue(), index.representatives(largest.getKey()));
    }

    static List<String> storm(List<String> texts, int n, Random random) {
        String template = texts.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder copy = new StringBuilder(template);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(copy.length());
                switch (random.nextInt(3)) {
                    case 0 -> copy.setCharAt(at, (char) ('\u4e00' + random.nextInt(3000)));
                    case 1 -> copy.insert(at, (char) ('\u4e00' + random.nextInt(3000)));
                    default -> copy.deleteCharAt(at);
                }
            }
            out.add(copy.append(" #").append(i).toString());
        }
        return out;
    }

    /** n texts, each two to four sentences drawn from different rows of {@code texts}: look-alikes, not copies. */
    public static List<String> distinct(List<String> texts, int n, Random random) {
        List<String> sentences = new ArrayList<>();
        for (String t : texts) {
            for (String s : t.split("(?<=[。！？!?；;])")) {
                if (s.strip().length() >= 8) {
                    sentences.add(s.strip());
                }
            }
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 2 + random.nextInt(3); k > 0; k--) {
                text.append(sentences.get(random.nextInt(sentences.size())));
            }
            out.add(text.toString());
        }
        return out;
    }
}
