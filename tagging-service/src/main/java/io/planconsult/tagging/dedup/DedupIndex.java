package io.planconsult.tagging.dedup;

import java.util.Optional;

/**
 * Remembers suggestions and tells which earlier one a new suggestion nearly duplicates.
 * The in-memory implementation serves tests and the stateless /dedup endpoint; the service can
 * back this by PostgreSQL (signatures stored as bigint[]), keeping the same semantics: an item joins
 * the cluster of its most similar earlier item at or above the threshold, else starts its own,
 * and a cluster's id is the id of its first suggestion.
 */
public interface DedupIndex {

    /** @param similarTo the most similar earlier suggestion, or null when this one starts a cluster */
    record Assignment(String id, String clusterId, String similarTo, double similarity) {
    }

    /** Adds a suggestion; adding an id again returns its existing assignment. */
    Assignment add(String id, String text);

    Optional<String> clusterOf(String id);
}
