package io.planconsult.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.EventTypes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;

/**
 * Relays outbox rows to Kafka in sequence order and deletes them once the broker has acknowledged
 * them (idempotent producer, acks=all). Rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED and
 * a lease, so several intake instances relay side by side without sending a row twice.
 *
 * <p>Rows are claimed with a lease in one short transaction, sent with no transaction open, and
 * marked in another. While the broker is unreachable a batch fails after the producer's own
 * delivery timeout; the rows stay pending and the relay backs off, then retries. Because the wait outlasts the
 * producer's timeouts, a row is never re-sent while an earlier send of it could still succeed.
 *
 * <p>One relay thread per instance. A commit that wrote outbox rows wakes it at once; otherwise it
 * looks every poll interval (for rows of other instances, and after a restart).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Hibernate's lock-timeout value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(15);

    private final MutinyEmitter<String> emitter;
    private final Event<OutboxPublished> published;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Duration maxBackoff;
    private final Duration pollInterval;

    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;
    private volatile boolean running;
    private volatile Thread worker;

    OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> emitter,
            Event<OutboxPublished> published,
            @ConfigProperty(name = "intake.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "intake.outbox.ack-timeout", defaultValue = "PT45S") Duration ackTimeout,
            @ConfigProperty(name = "intake.outbox.max-backoff", defaultValue = "PT10S") Duration maxBackoff,
            @ConfigProperty(name = "intake.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval) {
        this.emitter = emitter;
        this.published = published;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.maxBackoff = maxBackoff;
        this.pollInterval = pollInterval;
    }

    /** Started last, once the messaging channels are wired. */
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent ignored) {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
            thread.join(Duration.ofSeconds(5));
        }
    }

    /** A transaction that wrote outbox rows has committed: relay now rather than at the next poll. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten ignored) {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(pollInterval.toNanos());
            if (!running || Instant.now().isBefore(nextAttempt)) {
                continue;
            }
            try {
                relayPending();
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay failed (%s); retrying later", e.getClass().getSimpleName());
                backOff();
            }
        }
    }

    /** Relays batches until none is full or one fails; returns how many events Kafka acknowledged. */
    public synchronized int relayPending() {
        int total = 0;
        while (true) {
            // No transaction here: relayBatch opens its own short ones around the claim and the record.
            BatchResult result = relayBatch();
            total += result.acknowledged();
            if (result.failed()) {
                backOff();
                return total;
            }
            backoff = Duration.ZERO;
            if (result.claimed() < batchSize) {
                return total;
            }
        }
    }

    private void backOff() {
        backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), maxBackoff);
        nextAttempt = Instant.now().plus(backoff);
    }

    private record BatchResult(int claimed, int acknowledged, boolean failed) {
    }

    private BatchResult relayBatch() {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(this::claim);
        if (batch.isEmpty()) {
            return new BatchResult(0, 0, false);
        }
        // Sent outside any transaction: no database connection or lock is held while Kafka answers.
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage());
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<OutboxEvent> done = new ArrayList<>(batch.size());
        List<Long> failed = new ArrayList<>();
        String error = null;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(batch.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(batch.get(i).seq);
            } catch (Exception e) {
                failed.add(batch.get(i).seq);
                error = describe(e);
            }
        }
        String lastError = error;
        QuarkusTransaction.requiringNew().run(() -> record(done, failed, lastError));
        if (!failed.isEmpty()) {
            LOG.warnf("outbox relay: %d of %d events not acknowledged (%s); retrying later", failed.size(), batch.size(), lastError);
        }
        return new BatchResult(batch.size(), done.size(), !failed.isEmpty());
    }

    /** Claims the oldest pending rows that no other relay holds, with a lease that outlasts the ack timeout. */
    private List<OutboxEvent> claim() {
        Instant now = Instant.now();
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("claimedUntil is null or claimedUntil < ?1 order by seq", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, batchSize)
                .list();
        if (!batch.isEmpty()) {
            OutboxEvent.update("claimedUntil = ?1 where seq in ?2", now.plus(ackTimeout).plus(LEASE_MARGIN),
                    batch.stream().map(e -> e.seq).toList());
        }
        return batch;
    }

    private void record(List<OutboxEvent> done, List<Long> failed, String error) {
        if (!done.isEmpty()) {
            // Published rows are deleted, not kept: the table stays as small as the backlog, so claiming stays cheap.
            OutboxEvent.delete("seq in ?1", done.stream().map(e -> e.seq).toList());
            published.fire(new OutboxPublished(done));
        }
        if (!failed.isEmpty()) {
            OutboxEvent.update("attempts = attempts + 1, lastError = ?1, claimedUntil = null where seq in ?2", error, failed);
        }
    }

    private static Message<String> toMessage(OutboxEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .withHeaders(CloudEventHeaders.of(event.eventId, event.eventType, EventTypes.SOURCE_INTAKE,
                        event.messageKey, event.occurredAt).toKafka())
                .build();
        return Message.of(event.payload, Metadata.of(kafka));
    }

    /** The failure's kind only: a message could quote the payload, which may hold personal data. */
    private static String describe(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getClass().getSimpleName();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
