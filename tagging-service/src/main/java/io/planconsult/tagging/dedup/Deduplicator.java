package io.planconsult.tagging.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The stateless /dedup endpoint's logic: group a batch of suggestions into near-duplicate clusters. */
public final class Deduplicator {

    public record Item(String id, String text) {
    }

    private final DedupSettings settings;
    private final Predicate<String> everyday;

    public Deduplicator(DedupSettings settings) {
        this(settings, EverydayGate.withDefaults());
    }

    public Deduplicator(DedupSettings settings, Predicate<String> everyday) {
        this.settings = settings;
        this.everyday = everyday;
    }

    public static Deduplicator withDefaults() {
        return new Deduplicator(DedupSettings.loadDefault());
    }

    /**
     * Pure: the same items in the same order always give the same clusters.
     *
     * @return clusters in order of their first item, each listing ids in input order; the first id is
     *         the cluster id. Singletons are included.
     */
    public List<List<String>> clusters(List<Item> items) {
        InMemoryDedupIndex index = new InMemoryDedupIndex(settings, everyday);
        Map<String, List<String>> byCluster = new LinkedHashMap<>();
        for (Item item : items) {
            DedupIndex.Assignment a = index.add(item.id(), item.text());
            if (a.id().equals(item.id())) {
                List<String> members = byCluster.computeIfAbsent(a.clusterId(), k -> new ArrayList<>());
                if (!members.contains(item.id())) {
                    members.add(item.id());
                }
            }
        }
        return byCluster.values().stream().map(List::copyOf).toList();
    }
}
