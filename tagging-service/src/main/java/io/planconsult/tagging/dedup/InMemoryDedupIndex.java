package io.planconsult.tagging.dedup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link DedupIndex} in memory. Candidates are the clusters' representatives that share an LSH band
 * key (no scan of every stored item, see {@link ClusterRule}); the exact Jaccard similarity of the
 * shingle sets then decides. Thread-safe; insertion order
 * decides cluster ids, so equal input order gives equal clusters.
 */
public final class InMemoryDedupIndex implements DedupIndex {

    private final Fingerprinter fingerprinter;
    private final ClusterRule rule;
    private final List<ClusterRule.Earlier> entries = new ArrayList<>();
    private final Map<Long, List<Integer>> entriesByBandKey = new HashMap<>();
    private final Map<String, Assignment> assignments = new HashMap<>();
    private final Map<String, Integer> representativesByCluster = new HashMap<>();

    public InMemoryDedupIndex(DedupSettings settings) {
        this(settings, EverydayGate.withDefaults());
    }

    /** @param everyday see {@link EverydayGate}; pass {@code t -> false} to judge every pair alike */
    public InMemoryDedupIndex(DedupSettings settings, Predicate<String> everyday) {
        this.rule = new ClusterRule(settings);
        this.fingerprinter = new Fingerprinter(settings, everyday);
    }

    public static InMemoryDedupIndex withDefaults() {
        return new InMemoryDedupIndex(DedupSettings.loadDefault());
    }

    @Override
    public synchronized Assignment add(String id, String text) {
        Assignment existing = assignments.get(id);
        if (existing != null) {
            return existing;
        }
        Fingerprint fingerprint = fingerprinter.of(text);
        List<ClusterRule.Earlier> earlier = new ArrayList<>();
        BitSet candidates = candidates(fingerprint);
        for (int c = candidates.nextSetBit(0); c >= 0; c = candidates.nextSetBit(c + 1)) {
            earlier.add(entries.get(c));
        }
        Assignment assignment = rule.assign(id, fingerprint, earlier);
        int representatives = representativesByCluster.getOrDefault(assignment.clusterId(), 0);
        if (rule.isRepresentative(assignment, representatives)) {
            representativesByCluster.put(assignment.clusterId(), representatives + 1);
            int position = entries.size();
            entries.add(new ClusterRule.Earlier(id, fingerprint, assignment.clusterId()));
            for (long key : fingerprint.bandKeys()) {
                entriesByBandKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(position);
            }
        }
        assignments.put(id, assignment);
        return assignment;
    }

    private BitSet candidates(Fingerprint fingerprint) {
        BitSet found = new BitSet(entries.size());
        for (long key : fingerprint.bandKeys()) {
            List<Integer> same = entriesByBandKey.get(key);
            if (same != null) {
                same.forEach(found::set);
            }
        }
        return found;
    }

    /** How many of the cluster's members later suggestions are compared with. */
    public synchronized int representatives(String clusterId) {
        return representativesByCluster.getOrDefault(clusterId, 0);
    }

    @Override
    public synchronized Optional<String> clusterOf(String id) {
        return Optional.ofNullable(assignments.get(id)).map(Assignment::clusterId);
    }
}
