package io.planconsult.tagging.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link DedupIndex} in memory. Candidates are the clusters' representatives that share the most LSH band
 * keys with the newcomer (no scan of every stored item, at most {@link ClusterRule#maxCandidates()}); the exact
 * Jaccard similarity of the shingle sets then decides. Thread-safe; insertion order decides cluster ids, so equal
 * input order gives equal clusters.
 */
public final class InMemoryDedupIndex implements DedupIndex {

    private final Fingerprinter fingerprinter;
    private final ClusterRule rule;
    private final List<ClusterRule.Earlier> entries = new ArrayList<>();
    private final Map<Long, List<Integer>> entriesByBandKey = new HashMap<>();
    private final Map<String, Assignment> assignments = new HashMap<>();
    private final Map<String, Integer> representativesByCluster = new HashMap<>();
    /** Per entry position, how many of the current newcomer's keys it shares; zero again after each lookup. */
    private int[] sharedKeys = new int[64];

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
        long[] keys = fingerprint.distinctBandKeys();
        List<ClusterRule.Earlier> earlier = new ArrayList<>();
        for (int position : candidates(keys)) {
            earlier.add(entries.get(position));
        }
        Assignment assignment = rule.assign(id, fingerprint, earlier);
        int representatives = representativesByCluster.getOrDefault(assignment.clusterId(), 0);
        if (rule.isRepresentative(assignment, representatives)) {
            representativesByCluster.put(assignment.clusterId(), representatives + 1);
            int position = entries.size();
            entries.add(new ClusterRule.Earlier(id, fingerprint, assignment.clusterId()));
            for (long key : keys) {
                entriesByBandKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(position);
            }
        }
        assignments.put(id, assignment);
        return assignment;
    }

    /** The {@link ClusterRule#shortlist} of the representatives sharing any of these distinct keys. */
    private int[] candidates(long[] keys) {
        if (sharedKeys.length < entries.size()) {
            sharedKeys = Arrays.copyOf(sharedKeys, Math.max(entries.size(), 2 * sharedKeys.length));
        }
        int[] found = new int[16];
        int count = 0;
        for (long key : keys) {
            for (int position : entriesByBandKey.getOrDefault(key, List.of())) {
                if (sharedKeys[position]++ == 0) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, 2 * count);
                    }
                    found[count++] = position;
                }
            }
        }
        int[] shared = new int[count];
        for (int i = 0; i < count; i++) {
            shared[i] = sharedKeys[found[i]];
            sharedKeys[found[i]] = 0;
        }
        return rule.shortlist(found, shared, count);
    }

    /** The ids of the representatives a suggestion with this text would be compared with now, oldest first. */
    public synchronized List<String> candidates(String text) {
        return Arrays.stream(candidates(fingerprinter.of(text).distinctBandKeys()))
                .mapToObj(position -> entries.get(position).id()).toList();
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
