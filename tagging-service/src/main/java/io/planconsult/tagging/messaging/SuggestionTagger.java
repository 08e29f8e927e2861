package io.planconsult.tagging.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.Topics;
import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.service.StationDistricts;
import io.planconsult.tagging.service.TaggedEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Submitted suggestion in, tagged suggestion out. The incoming record is acknowledged only once
 * the tagged one is on the broker. The tagged event's id is derived from the submitted one, so
 * a redelivery republishes the same id and reporting counts it once. A record that is not a
 * valid submitted event is nacked: it goes to the tagging dead-letter topic with the reason and
 * the partition moves on.
 */
@ApplicationScoped
public class SuggestionTagger {

    private static final Logger LOG = Logger.getLogger(SuggestionTagger.class);

    private final TaggingEngine engine;
    private final ObjectMapper mapper;
    private final StationDistricts stations;
    private final DedupIndex duplicates;

    SuggestionTagger(TaggingEngine engine, ObjectMapper mapper, StationDistricts stations, DedupIndex duplicates) {
        this.engine = engine;
        this.mapper = mapper;
        this.stations = stations;
        this.duplicates = duplicates;
    }

    @Incoming("suggestions-submitted")
    @Outgoing("suggestions-tagged")
    @Blocking
    public Message<String> tag(Message<String> in) {
        UUID sourceEventId;
        SuggestionSubmitted submitted;
        try {
            sourceEventId = eventId(in);
            submitted = parse(in.getPayload());
        } catch (PoisonRecordException e) {
            LOG.warnf("submitted record rejected to the dead-letter topic: %s", e.getMessage());
            in.nack(e);
            return null;
        }
        stations.learn(submitted.stationId(), submitted.stationDistrict());
        Enrichment enrichment = engine.enrich(submitted.text(), submitted.stationDistrict());
        // Redelivery finds the suggestion already indexed and gets the same cluster back.
        DedupIndex.Assignment cluster = duplicates.add(submitted.suggestionId().toString(), enrichment.redactedText());
        SuggestionTagged tagged = TaggedEvents.of(sourceEventId, submitted, enrichment, cluster);
        UUID taggedId = EventIds.derived(sourceEventId, EventTypes.SUGGESTION_TAGGED);
        LOG.infof("tagged suggestion=%s event=%s topic=%s district=%s pii=%d cluster=%s", submitted.suggestionId(), taggedId,
                tagged.primaryTopic(), tagged.textDistrict(), tagged.piiTypes().size(), tagged.clusterId());
        return in.withPayload(serialise(tagged))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.SUGGESTIONS_TAGGED)
                        .withKey(submitted.suggestionId().toString())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(taggedId.toString())
                        .withType(EventTypes.SUGGESTION_TAGGED)
                        .withSource(URI.create(EventTypes.SOURCE_TAGGING))
                        .withSubject(submitted.suggestionId().toString())
                        .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                        .withDataContentType(CloudEventAttributes.JSON)
                        .withExtension(CloudEventAttributes.EXTENSION_SCHEMA_VERSION, EventTypes.SCHEMA_VERSION)
                        .build());
    }

    private static UUID eventId(Message<String> in) {
        String id = in.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getId)
                .orElseThrow(() -> new PoisonRecordException("no CloudEvents id (ce_id header)"));
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("ce_id is not a UUID");
        }
    }

    private SuggestionSubmitted parse(String payload) {
        if (payload == null) {
            throw new PoisonRecordException("empty record");
        }
        SuggestionSubmitted s;
        try {
            s = mapper.readValue(payload, SuggestionSubmitted.class);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("body is not a SuggestionSubmitted v1 JSON object (" + describe(e) + ")");
        }
        if (s.suggestionId() == null || s.text() == null || s.stationId() == null || s.stationDistrict() == null
                || s.channel() == null || s.submittedAt() == null) {
            throw new PoisonRecordException("a required field is missing");
        }
        return s;
    }

    private String serialise(SuggestionTagged tagged) {
        try {
            return mapper.writeValueAsString(tagged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tagged event", e);
        }
    }

    /** A record that can never be tagged, however often it is retried. */
    static final class PoisonRecordException extends RuntimeException {
        PoisonRecordException(String reason) {
            super(reason);
        }
    }

    /** The parser's verdict without its message, which may quote the record's text. */
    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return e.getClass().getSimpleName() + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
    }
}
