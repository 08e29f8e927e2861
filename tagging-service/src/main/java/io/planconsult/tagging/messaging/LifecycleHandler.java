package io.planconsult.tagging.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.district.StationDistricts;
import io.planconsult.tagging.keys.EventTexts;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Handles one record of the submitted topic, dispatching on the CloudEvents type:
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

    void handle(Message<String> in) {
        IncomingCloudEventMetadata<?> ce = in.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new PoisonRecordException("no CloudEvents id (ce_id header)"));
        UUID eventId = EventIds.parse(ce.getId());
        String type = ce.getType();
        OutgoingEvent out;
        if (EventTypes.SUGGESTION_SUBMITTED.equals(type)) {
            out = submitted(eventId, records.submitted(in.getPayload()));
        } else if (EventTypes.SUGGESTION_AMENDED.equals(type)) {
            out = amended(eventId, records.amended(in.getPayload()));
        } else if (EventTypes.SUGGESTION_WITHDRAWN.equals(type)) {
            SuggestionWithdrawn withdrawn = records.withdrawn(in.getPayload());
            // Forwarded byte for byte: the withdrawal carries no text, so nothing needs redacting.
            out = new OutgoingEvent(withdrawn.suggestionId(),
                    EventIds.derived(eventId, EventTypes.SUGGESTION_WITHDRAWN), type, in.getPayload());
        } else {
            throw new PoisonRecordException("unknown ce_type " + type + " on the submitted topic");
        }
        if (out == null) {
            return;
        }
        publisher.publish(out, in);
        LOG.infof("published suggestion=%s type=%s event=%s source=%s", out.suggestionId(), out.type(),
                out.eventId(), eventId);
    }

    private OutgoingEvent submitted(UUID eventId, SuggestionSubmitted submitted) {
        stations.learn(submitted.stationId(), submitted.stationDistrict());
        Optional<String> text = open(submitted.suggestionId(), submitted.text(), submitted.sealedText());
        if (text.isEmpty()) {
            return erased(submitted.suggestionId());
        }
        Enrichment e = engine.enrich(text.get(), submitted.stationDistrict(), metrics);
        return tagOnce(eventId, submitted.suggestionId(), e,
                cluster -> TaggedEventMapper.of(eventId, submitted, e, cluster));
    }

    private OutgoingEvent amended(UUID eventId, SuggestionAmended amended) {
        stations.learn(amended.stationId(), amended.stationDistrict());
        Optional<String> text = open(amended.suggestionId(), amended.text(), amended.sealedText());
        if (text.isEmpty()) {
            return erased(amended.suggestionId());
        }
        Enrichment e = engine.enrich(text.get(), amended.stationDistrict(), metrics);
        return tagOnce(eventId, amended.suggestionId(), e,
                cluster -> TaggedEventMapper.ofAmendment(eventId, amended, e, cluster));
    }

    /**
     * Stores the tagged event once (the near-duplicate stage) and meters it after the commit, so that a retried or
     * redelivered source event is not counted twice.
     */
    private OutgoingEvent tagOnce(UUID eventId, UUID suggestionId, Enrichment e,
            Function<DedupIndex.Assignment, SuggestionTagged> build) {
        SuggestionTagged[] built = new SuggestionTagged[1];
        long start = System.nanoTime();
        OutgoingEvent out = ledger.tagOnce(eventId, suggestionId, e.redactedText(),
                cluster -> built[0] = build.apply(cluster));
        metrics.lap("dedup", start);
        if (built[0] != null) {
            metrics.tagged(built[0]);
        }
        return out;
    }

    /** The event's text, opened with the suggestion's key when sealed; a sealed text that does not open is poison. */
    private Optional<String> open(UUID suggestionId, String plain, String sealed) {
        try {
            return texts.open(suggestionId, plain, sealed);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("the sealed text does not open with the suggestion's key");
        }
    }

    /** An erased suggestion's key is gone: its event can never be read again, which is the point. */
    private static OutgoingEvent erased(UUID suggestionId) {
        LOG.infof("suggestion=%s was erased (no text key): event skipped", suggestionId);
        return null;
    }
}
