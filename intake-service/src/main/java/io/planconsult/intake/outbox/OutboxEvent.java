package io.planconsult.intake.outbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An event waiting to be relayed to Kafka; deleted once the broker has acknowledged it. Its CloudEvents id and time
 * are fixed when the row is written, so a re-send after a crash carries the same id and consumers discard it.
 * {@code seq} is drawn one value at a time so that, for one key, it follows the order the writers committed in.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 1)
    public Long seq;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    public String topic;
    @Column(name = "message_key")
    public String messageKey;
    public String payload;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** Set while one relay instance is sending the row; others skip it until the lease ends. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    /** Failed sends through the row's own fault (not an outage); at {@code intake.outbox.max-attempts} it is parked. */
    public int attempts;
    /** The last failure's kind (an exception class name, never a message: it could quote the payload). */
    @Column(name = "last_error")
    public String lastError;
    /** Set when the relay gave up on the row; an admin retries it. Later rows of its key wait behind it. */
    @Column(name = "parked_at")
    public Instant parkedAt;
    /** W3C trace context of the request that wrote the row; the relay's send continues it. */
    public String traceparent;
}
