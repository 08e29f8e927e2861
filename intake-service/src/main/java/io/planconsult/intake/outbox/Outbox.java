package io.planconsult.intake.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Writes events into the outbox table, inside the caller's transaction. */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Event<OutboxWritten> written;

    Outbox(ObjectMapper mapper, Event<OutboxWritten> written) {
        this.mapper = mapper;
        this.written = written;
    }

    /** Adds an event to the outbox; it is relayed to Kafka once the surrounding transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent add(String topic, String key, String eventType, Object body, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.eventType = eventType;
        event.topic = topic;
        event.messageKey = key;
        event.occurredAt = occurredAt;
        event.traceparent = TraceParent.current();
        try {
            event.payload = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + eventType, e);
        }
        event.persist();
        written.fire(new OutboxWritten(event.eventId));
        return event;
    }
}
