package io.planconsult.tagging.messaging;

import java.time.Instant;
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
     * @param redactedText what the index fingerprints
     * @param tagged       builds the tagged event once the cluster is known
     */
    @Transactional
    OutgoingEvent tagOnce(UUID sourceEventId, UUID suggestionId, String redactedText,
            Function<DedupIndex.Assignment, SuggestionTagged> tagged) {
        ProcessedEvent seen = ProcessedEvent.findById(sourceEventId.toString());
        if (seen != null) {
            return outgoing(seen);
        }
        // An indexed suggestion (an amendment's, or one indexed before this ledger existed) keeps its cluster.
        DedupIndex.Assignment cluster = duplicates.add(suggestionId.toString(), redactedText);
        ProcessedEvent processed = new ProcessedEvent();
        processed.sourceEventId = sourceEventId.toString();
        processed.suggestionId = suggestionId.toString();
        processed.taggedEventId = EventIds.derived(sourceEventId, EventTypes.SUGGESTION_TAGGED).toString();
        processed.body = records.serialise(tagged.apply(cluster));
        processed.processedAt = Instant.now();
        processed.persist();
        return outgoing(processed);
    }

    private static OutgoingEvent outgoing(ProcessedEvent e) {
        return new OutgoingEvent(UUID.fromString(e.suggestionId), UUID.fromString(e.taggedEventId),
                EventTypes.SUGGESTION_TAGGED, e.body);
    }
}
