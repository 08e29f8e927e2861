package io.planconsult.tagging.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DedupIndex} in memory. Compares a new signature with every stored one: linear, fine for a
 * campaign's thousands of suggestions; a national index would add LSH bands in its store.
 * Thread-safe; insertion order decides cluster ids, so equal input order gives equal clusters.
 */
public final class InMemoryDedupIndex implements DedupIndex {

    private record Entry(String id, long[] signature, String clusterId) {
    }

    private final Shingler shingler;
    private final MinHasher hasher;
    private final double threshold;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Assignment> assignments = new HashMap<>();

    public InMemoryDedupIndex(DedupSettings settings) {
        this.shingler = new Shingler(settings);
        this.hasher = new MinHasher(settings.permutations());
        this.threshold = settings.threshold();
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
        long[] signature = hasher.signature(shingler.shingles(text == null ? "" : text));
        Entry best = null;
        double bestSimilarity = 0;
        for (Entry e : entries) {
            double s = MinHasher.similarity(signature, e.signature());
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = e;
            }
        }
        Assignment assignment = best != null && bestSimilarity >= threshold
                ? new Assignment(id, best.clusterId(), best.id(), bestSimilarity)
                : new Assignment(id, id, null, bestSimilarity);
        entries.add(new Entry(id, signature, assignment.clusterId()));
        assignments.put(id, assignment);
        return assignment;
    }

    @Override
    public synchronized Optional<String> clusterOf(String id) {
        return Optional.ofNullable(assignments.get(id)).map(Assignment::clusterId);
    }
}
