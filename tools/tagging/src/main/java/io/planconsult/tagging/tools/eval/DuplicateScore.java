package io.planconsult.tagging.tools.eval;

import io.planconsult.tagging.tools.data.LabelledSuggestion;
import io.planconsult.tagging.dedup.Deduplicator;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Duplicate-pair precision/recall/F1: every pair inside a predicted cluster against every labelled pair. */
record DuplicateScore(int truePairs, int predictedPairs, int correctPairs) {

    static DuplicateScore measure(List<LabelledSuggestion> rows) {
        return measure(rows, Deduplicator.withDefaults());
    }

    static DuplicateScore measure(List<LabelledSuggestion> rows, Deduplicator deduplicator) {
        Map<String, List<String>> gold = new LinkedHashMap<>();
        rows.forEach(r -> gold.computeIfAbsent(r.clusterRoot(), k -> new java.util.ArrayList<>()).add(r.id()));
        Set<String> truth = pairs(gold.values());
        List<List<String>> clusters = deduplicator.clusters(
                rows.stream().map(r -> new Deduplicator.Item(r.id(), r.text())).toList());
        Set<String> predicted = pairs(clusters);
        int correct = (int) predicted.stream().filter(truth::contains).count();
        return new DuplicateScore(truth.size(), predicted.size(), correct);
    }

    private static Set<String> pairs(Iterable<List<String>> clusters) {
        Set<String> pairs = new HashSet<>();
        for (List<String> c : clusters) {
            for (int i = 0; i < c.size(); i++) {
                for (int j = i + 1; j < c.size(); j++) {
                    String a = c.get(i);
                    String b = c.get(j);
                    pairs.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
                }
            }
        }
        return pairs;
    }

    double precision() {
        return predictedPairs == 0 ? 0 : (double) correctPairs / predictedPairs;
    }

    double recall() {
        return truePairs == 0 ? 0 : (double) correctPairs / truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Pools counts, so folds' F1 is computed over all their pairs rather than averaged. */
    DuplicateScore plus(DuplicateScore other) {
        return new DuplicateScore(truePairs + other.truePairs, predictedPairs + other.predictedPairs,
                correctPairs + other.correctPairs);
    }

    void print(PrintStream out) {
        double p = precision();
        double r = recall();
        double f1 = f1();
        out.printf(Locale.ROOT,
                "duplicate pairs           P=%.3f R=%.3f F1=%.3f (labelled %d, predicted %d, correct %d)%n",
                p, r, f1, truePairs, predictedPairs, correctPairs);
    }
}
