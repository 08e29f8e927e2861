package io.planconsult.tagging.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.tagging.dedup.DedupIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Makes tagging idempotent under redelivery: the suggestion's near-duplicate rows and the tagged event they
 * produced commit in one transaction, keyed by the source event id. A source event seen before gets its stored
 * tagged event back (same CloudEvents id, same body, same cluster) and the index is not touched again, so a
 * crash at any point between the commit, the publication and the offset commit re-emits the same event.
 */
@ApplicationScoped
class TaggedEventLedger {

    private final DedupIndex duplicates;
    private final LifecycleRecords records;

    TaggedEventLedger(DedupIndex duplicates, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.duplicates = duplicates;
        this.records = new LifecycleRecords(mapper);
    }

    /**
     * One source event to tag.
     *
     * @param redactedText what the index fingerprints
     * @param tagged       builds the tagged event once the cluster is known
     */
    record Tagging(UUID sourceEventId, UUID suggestionId, String redactedText,
            Function<DedupIndex.Assignment, SuggestionTagged> tagged) {
    }

    /**
     * Tags a batch in one transaction: one query finds the source events seen before (their stored events come
     * back, as does the first of a source event twice in the batch); the others are added to the index in batch
     * order (each sees the ones before it) and recorded with their tagged events.
     *
     * @return the tagged event of each source event, in order
     */
    @Transactional
    List<OutgoingEvent> tagAll(List<Tagging> batch) {
        Map<String, OutgoingEvent> done = new HashMap<>();
        ProcessedEvent.<ProcessedEvent>list("sourceEventId in ?1",
                        batch.stream().map(t -> t.sourceEventId().toString()).distinct().toList())
                .forEach(seen -> done.put(seen.sourceEventId, outgoing(seen)));
        Instant now = Instant.now();
        List<OutgoingEvent> out = new ArrayList<>(batch.size());
        for (Tagging t : batch) {
            out.add(done.computeIfAbsent(t.sourceEventId().toString(), id -> {
                // An indexed suggestion (an amendment's, or one indexed before this ledger existed) keeps its cluster.
                DedupIndex.Assignment cluster = duplicates.add(t.suggestionId().toString(), t.redactedText());
                ProcessedEvent processed = new ProcessedEvent();
                processed.sourceEventId = id;
                processed.suggestionId = t.suggestionId().toString();
                processed.taggedEventId = EventIds.derived(t.sourceEventId(), EventTypes.SUGGESTION_TAGGED).toString();
                processed.body = records.serialise(t.tagged().apply(cluster));
                processed.processedAt = now;
                processed.persist();
                return outgoing(processed);
            }));
        }
        return out;
    }

    private static OutgoingEvent outgoing(ProcessedEvent e) {
        return new OutgoingEvent(UUID.fromString(e.suggestionId), UUID.fromString(e.taggedEventId),
                EventTypes.SUGGESTION_TAGGED, e.body);
    }
}
