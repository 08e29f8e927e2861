package io.planconsult.intake.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/** Outbox rows the relay gave up on: listed for an admin, and put back in line when the cause is fixed. */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    /**
     * A parked row as an admin sees it: ids, type, topic and key (a suggestion, cluster or forum id), never the
     * payload. {@code waitingBehind} counts the later events of the same key that wait for it.
     */
    public record ParkedEvent(UUID eventId, long seq, String status, String eventType, String topic, String key,
            int attempts, String reason, Instant occurredAt, Instant parkedAt, long waitingBehind) {
    }

    private final Event<OutboxWritten> written;

    ParkedEvents(Event<OutboxWritten> written) {
        this.written = written;
    }

    /** The oldest parked rows first, at most {@code limit}. */
    @Transactional
    public List<ParkedEvent> list(int limit) {
        return OutboxEvent.<OutboxEvent>find("parkedAt is not null order by seq").page(0, limit).list().stream()
                .map(this::view).toList();
    }

    public long count() {
        return OutboxEvent.count("parkedAt is not null");
    }

    /**
     * Puts a parked row back in line with a fresh count of attempts; the relay takes it (and then the events of its
     * key that waited behind it) at once.
     *
     * @return the row as it now is, or empty when no row with this id is parked
     */
    @Transactional
    public Optional<ParkedEvent> retry(UUID eventId, String actorRole) {
        int updated = OutboxEvent.update("parkedAt = null, attempts = 0, claimedUntil = null "
                + "where eventId = ?1 and parkedAt is not null", eventId);
        if (updated == 0) {
            return Optional.empty();
        }
        OutboxEvent event = OutboxEvent.<OutboxEvent>find("eventId", eventId).firstResult();
        LOG.infof("parked outbox event put back in line id=%s type=%s by=%s", eventId, event.eventType, actorRole);
        written.fire(new OutboxWritten(eventId));
        return Optional.of(view(event));
    }

    private ParkedEvent view(OutboxEvent e) {
        long behind = OutboxEvent.count("messageKey = ?1 and seq > ?2", e.messageKey, e.seq);
        return new ParkedEvent(e.eventId, e.seq, e.parkedAt == null ? "PENDING" : "PARKED", e.eventType, e.topic,
                e.messageKey, e.attempts, e.lastError, e.occurredAt, e.parkedAt, behind);
    }
}
