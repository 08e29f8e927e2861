package io.planconsult.tagging.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.PoisonRecordException;
import io.planconsult.contract.SuggestionAmended;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.tagging.district.StationDistricts;
import io.planconsult.tagging.keys.EventTexts;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Handles the records of the submitted topic, alone or a batch at a time, dispatching on the CloudEvents type:
 * <ul>
 * <li>submitted: tagged as revision 0;</li>
 * <li>amended: the new text is tagged again and published under the amendment's revision. The near-duplicate index
 * keeps the cluster the suggestion joined when it was submitted (an amendment is a typo fix, and a cluster id other
 * suggestions already point to must not move); only an amendment of a suggestion the index has never seen is
 * indexed, with its text;</li>
 * <li>withdrawn: forwarded unchanged on the public tagged topic, which carries no text.</li>
 * </ul>
 * Every published id is derived from the incoming id, and a tagged event is stored with the index rows it caused
 * ({@link TaggedEventLedger}), so a redelivery republishes the very same event. Throws
 * {@link PoisonRecordException} for a record that can never be processed.
 */
@ApplicationScoped
class LifecycleHandler {

    private static final Logger LOG = Logger.getLogger(LifecycleHandler.class);

    private final TaggingEngine engine;
    private final StationDistricts stations;
    private final TaggedEventLedger ledger;
    private final TaggedPublisher publisher;
    private final LifecycleRecords records;
    private final EventTexts texts;
    private final TaggingMetrics metrics;

    LifecycleHandler(TaggingEngine engine, ObjectMapper mapper, StationDistricts stations, TaggedEventLedger ledger,
            TaggedPublisher publisher, EventTexts texts, TaggingMetrics metrics) {
        this.texts = texts;
        this.metrics = metrics;
        this.engine = engine;
        this.stations = stations;
        this.ledger = ledger;
        this.publisher = publisher;
        this.records = new LifecycleRecords(mapper);
    }

    /** Handles one record alone: prepares it, tags it in its own transaction, publishes and awaits the ack. */
    void handle(Message<String> in, EventTexts.Batch keys) {
        publishAll(tagAll(List.of(prepare(in, keys))));
    }

    /** A batch's text keys (records are keyed by suggestion id): one request to intake, once a sealed text needs it. */
    EventTexts.Batch keysFor(List<? extends KafkaRecord<String, String>> records) {
        List<UUID> ids = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> r : records) {
            try {
                ids.add(UUID.fromString(r.getKey()));
            } catch (RuntimeException notAnId) {
                // Not a suggestion id: the record is judged on its own when prepared.
            }
        }
        return texts.forBatch(ids);
    }

    /**
     * Everything about one record that needs no transaction: its type, its body, its opened text and the engine's
     * enrichment. Throws {@link PoisonRecordException} for a record that can never be processed.
     */
    Prepared prepare(Message<String> in, EventTexts.Batch keys) {
        IncomingCloudEventMetadata<?> ce = in.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonRecordException("no CloudEvents id (ce_id header)"));
        UUID eventId = EventIds.parse(ce.getId());
        String type = ce.getType();
        if (EventTypes.SUGGESTION_SUBMITTED.equals(type)) {
            return submitted(eventId, records.submitted(in.getPayload()), in, keys);
        }
        if (EventTypes.SUGGESTION_AMENDED.equals(type)) {
            return amended(eventId, records.amended(in.getPayload()), in, keys);
        }
        if (EventTypes.SUGGESTION_WITHDRAWN.equals(type)) {
            SuggestionWithdrawn withdrawn = records.withdrawn(in.getPayload());
            // Forwarded byte for byte: the withdrawal carries no text, so nothing needs redacting.
            return new Prepared.Forward(new OutgoingEvent(withdrawn.suggestionId(),
                    EventIds.derived(eventId, EventTypes.SUGGESTION_WITHDRAWN), type, in.getPayload()), in);
        }
        throw new PoisonRecordException("unknown ce_type " + type + " on the submitted topic");
    }

    /**
     * Tags the prepared records of a batch in one transaction ({@link TaggedEventLedger#tagAll}) and meters what it
     * stored once that transaction has committed, so a retried or redelivered source event is not counted twice.
     *
     * @return what to publish, in batch order, each with the record it is published for
     */
    List<TaggedPublisher.Outbound> tagAll(List<Prepared> batch) {
        List<SuggestionTagged> stored = new ArrayList<>();
        List<TaggedEventLedger.Tagging> taggings = batch.stream().filter(p -> p instanceof Prepared.Tag)
                .map(p -> metered(((Prepared.Tag) p).tagging(), stored)).toList();
        long start = System.nanoTime();
        Iterator<OutgoingEvent> tagged = taggings.isEmpty() ? Collections.emptyIterator()
                : ledger.tagAll(taggings).iterator();
        if (!taggings.isEmpty()) {
            metrics.lap("dedup", start);
        }
        stored.forEach(metrics::tagged);
        List<TaggedPublisher.Outbound> out = new ArrayList<>(batch.size());
        for (Prepared p : batch) {
            switch (p) {
                case Prepared.Tag t -> out.add(new TaggedPublisher.Outbound(tagged.next(), t.source()));
                case Prepared.Forward f -> out.add(new TaggedPublisher.Outbound(f.event(), f.source()));
                case Prepared.Skip s -> {
                }
            }
        }
        return out;
    }

    /** The tagging, noting each event it builds: built only for a source event the ledger had not seen. */
    private static TaggedEventLedger.Tagging metered(TaggedEventLedger.Tagging tagging, List<SuggestionTagged> built) {
        return new TaggedEventLedger.Tagging(tagging.sourceEventId(), tagging.suggestionId(), tagging.redactedText(),
                cluster -> {
                    SuggestionTagged event = tagging.tagged().apply(cluster);
                    built.add(event);
                    return event;
                });
    }

    /** Publishes a batch's events and returns once the broker has acknowledged every one. */
    void publishAll(List<TaggedPublisher.Outbound> out) {
        publisher.publishAll(out);
        out.forEach(o -> LOG.infof("published suggestion=%s type=%s event=%s", o.event().suggestionId(),
                o.event().type(), o.event().eventId()));
    }

    /** One record ready for the ledger: a tagging to record, an event to forward, or nothing (erased). */
    sealed interface Prepared {
        record Tag(TaggedEventLedger.Tagging tagging, Message<?> source) implements Prepared {
        }

        record Forward(OutgoingEvent event, Message<?> source) implements Prepared {
        }

        record Skip() implements Prepared {
        }
    }

    private Prepared submitted(UUID eventId, SuggestionSubmitted submitted, Message<?> source, EventTexts.Batch keys) {
        stations.learn(submitted.stationId(), submitted.stationDistrict());
        Optional<String> text = open(keys, submitted.suggestionId(), submitted.text(), submitted.sealedText());
        if (text.isEmpty()) {
            return erased(submitted.suggestionId());
        }
        Enrichment e = engine.enrich(text.get(), submitted.stationDistrict(), metrics);
        return new Prepared.Tag(new TaggedEventLedger.Tagging(eventId, submitted.suggestionId(), e.redactedText(),
                cluster -> TaggedEventMapper.of(eventId, submitted, e, cluster)), source);
    }

    private Prepared amended(UUID eventId, SuggestionAmended amended, Message<?> source, EventTexts.Batch keys) {
        stations.learn(amended.stationId(), amended.stationDistrict());
        Optional<String> text = open(keys, amended.suggestionId(), amended.text(), amended.sealedText());
        if (text.isEmpty()) {
            return erased(amended.suggestionId());
        }
        Enrichment e = engine.enrich(text.get(), amended.stationDistrict(), metrics);
        return new Prepared.Tag(new TaggedEventLedger.Tagging(eventId, amended.suggestionId(), e.redactedText(),
                cluster -> TaggedEventMapper.ofAmendment(eventId, amended, e, cluster)), source);
    }

    /** The event's text, opened with the suggestion's key when sealed; a sealed text that does not open is poison. */
    private static Optional<String> open(EventTexts.Batch keys, UUID suggestionId, String plain, String sealed) {
        try {
            return keys.open(suggestionId, plain, sealed);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("the sealed text does not open with the suggestion's key");
        }
    }

    /** An erased suggestion's key is gone: its event can never be read again, which is the point. */
    private static Prepared erased(UUID suggestionId) {
        LOG.infof("suggestion=%s was erased (no text key): event skipped", suggestionId);
        return new Prepared.Skip();
    }
}
