package io.planconsult.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An analyst decided that these suggestions raise the same point: from now on they belong to one near-duplicate
 * cluster, whatever the tagging engine said. Published by intake on {@link Topics#CORRECTIONS} (public).
 *
 * @param clusterId                the cluster they are merged into ({@link EventIds#cluster} of its first suggestion)
 * @param clusterFirstSuggestionId that cluster's first suggestion
 * @param suggestionIds            the suggestions moved into it (the first one included; a single id promotes that
 *                                 suggestion to a point of its own)
 * @param sequence                 as in {@link SuggestionRetagged#sequence()}: per suggestion, the highest sequence
 *                                 decides its cluster override
 */
public record SuggestionsMerged(
        UUID clusterId,
        UUID clusterFirstSuggestionId,
        List<UUID> suggestionIds,
        long sequence,
        Instant mergedAt) {
}
