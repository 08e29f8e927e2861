package io.planconsult.reporting.messaging;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.SuggestionTagged;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumes the public tagged topic. A record that is not a valid v1 tagged event (no CloudEvents
 * id, unreadable JSON, missing fields) is nacked and lands on the reporting dead-letter topic with
 * the reason; the partition keeps flowing.
 */
@ApplicationScoped
public class TaggedSuggestionConsumer {

    private static final Logger LOG = Logger.getLogger(TaggedSuggestionConsumer.class);

    private final ObjectMapper mapper;
    private final RetryingApplier applier;

    TaggedSuggestionConsumer(ObjectMapper mapper, RetryingApplier applier) {
        this.mapper = mapper;
        this.applier = applier;
    }

    @Incoming("suggestions-tagged")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        UUID eventId;
        SuggestionTagged event;
        try {
            eventId = eventId(message);
            event = parse(message.getPayload());
        } catch (PoisonEventException e) {
            LOG.warnf("tagged record rejected to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try {
            applier.apply(eventId, event);
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("event %s could not be applied after retries: %s", eventId, e.getClass().getSimpleName());
            return message.nack(e);
        }
    }

    private static UUID eventId(Message<String> message) {
        String id = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(IncomingCloudEventMetadata::getId)
                .orElseThrow(() -> new PoisonEventException("no CloudEvents id (ce_id header)"));
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id is not a UUID");
        }
    }

    private SuggestionTagged parse(String payload) {
        if (payload == null) {
            throw new PoisonEventException("empty record");
        }
        SuggestionTagged event;
        try {
            event = mapper.readValue(payload, SuggestionTagged.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("body is not a SuggestionTagged v1 JSON object (" + describe(e) + ")");
        }
        if (event.suggestionId() == null || event.stationDistrict() == null || event.primaryTopic() == null
                || event.redactedText() == null || event.submittedAt() == null || event.channel() == null || event.stationId() == null) {
            throw new PoisonEventException("a required field is missing");
        }
        return event;
    }

    /** A record that can never be applied, however often it is retried. */
    static final class PoisonEventException extends RuntimeException {
        PoisonEventException(String reason) {
            super(reason);
        }
    }

    /** The parser's verdict without its message, which may quote the record's text. */
    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return e.getClass().getSimpleName() + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
    }
}
