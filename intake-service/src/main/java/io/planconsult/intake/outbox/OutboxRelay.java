package io.planconsult.intake.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import jakarta.persistence.EntityManager;

/**
 * Relays outbox rows to Kafka and deletes them once the broker has acknowledged them (idempotent producer, acks=all).
 * Rows are claimed with SELECT ... FOR UPDATE SKIP LOCKED and a lease, so several intake instances relay side by side
 * without sending a row twice.
 *
 * <p>Per-key order: only the first row of each key (lowest seq, parked or not) can be claimed, so a key's next event is
 * sent only after the one before it was acknowledged and deleted, whichever relay holds it. A batch therefore holds at
 * most one row per key, and the relay keeps claiming batches until none is left.
 *
 * <p>Rows are claimed in one short transaction, sent with no transaction open, and marked in another. A failure that
 * is the row's fault ({@link SendFailure#blamesTheRow}) counts an attempt and delays that row alone; after
 * {@code intake.outbox.max-attempts} the row is parked, so it never blocks other keys, and waits for an admin
 * ({@link ParkedEvents}). A broker outage blames no row: the relay backs off and retries. Because the wait outlasts
 * the producer's timeouts, a row is never re-sent while an earlier send of it could still succeed; a relay interrupted
 * while it waits leaves the rows Kafka has not answered claimed until their lease ends ({@link SendOutcomes}).
 *
 * <p>One relay thread per instance. A commit that wrote outbox rows wakes it at once; otherwise it
 * looks every poll interval (for rows of other instances, and after a restart).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(15);
    /** The first pending row of each key that no relay holds, oldest first, locked for this claim. */
    private static final String CLAIM = """
            SELECT o.* FROM outbox_event o
            WHERE o.parked_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until < ?1)
              AND NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.message_key = o.message_key AND e.seq < o.seq)
            ORDER BY o.seq LIMIT ?2
            FOR UPDATE SKIP LOCKED""";

    private final MutinyEmitter<String> emitter;
    private final Event<OutboxPublished> published;
    private final Event<OutboxEventParked> parked;
    private final EntityManager em;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration ackTimeout;
    private final Duration maxBackoff;
    private final Duration pollInterval;

    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;
    private volatile boolean running;
    private volatile Thread worker;

    OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter, Event<OutboxPublished> published, Event<OutboxEventParked> parked,
            EntityManager em,
            @ConfigProperty(name = "intake.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "intake.outbox.max-attempts", defaultValue = "5") int maxAttempts,
            @ConfigProperty(name = "intake.outbox.ack-timeout", defaultValue = "PT45S") Duration ackTimeout,
            @ConfigProperty(name = "intake.outbox.max-backoff", defaultValue = "PT10S") Duration maxBackoff,
            @ConfigProperty(name = "intake.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval) {
        this.emitter = emitter;
        this.published = published;
        this.parked = parked;
        this.em = em;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
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

    /** Relays batches until none is left or the broker is out; returns how many events Kafka acknowledged. */
    public synchronized int relayPending() {
        int total = 0;
        while (true) {
            // No transaction here: relayBatch opens its own short ones around the claim and the record.
            BatchResult result = relayBatch();
            total += result.acknowledged();
            if (result.outage()) {
                backOff();
                return total;
            }
            backoff = Duration.ZERO;
            if (result.claimed() == 0) {
                return total;
            }
        }
    }

    private void backOff() {
        backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), maxBackoff);
        nextAttempt = Instant.now().plus(backoff);
    }

    /** @param outage nothing was acknowledged and some failure blamed no row: the broker is out, not a row */
    private record BatchResult(int claimed, int acknowledged, boolean outage) {
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
        SendOutcomes<OutboxEvent> outcomes = SendOutcomes.await(batch, acks, System.nanoTime() + ackTimeout.toNanos());
        List<OutboxEvent> done = outcomes.acknowledged();
        Map<OutboxEvent, Throwable> failed = outcomes.failed();
        if (!outcomes.unsettled().isEmpty()) {
            // Stopping while Kafka still holds them: they keep their lease, so no relay sends them again while the
            // first send may still be delivered; after it, the next relay sends those Kafka did not take.
            LOG.infof("outbox relay stopping: %d events left claimed until their lease ends",
                    outcomes.unsettled().size());
        }
        boolean othersAcknowledged = !done.isEmpty();
        QuarkusTransaction.requiringNew().run(() -> record(done, failed, othersAcknowledged));
        if (!failed.isEmpty()) {
            LOG.warnf("outbox relay: %d of %d events not acknowledged (%s); retrying later", failed.size(),
                    batch.size(), SendFailure.describe(failed.values().iterator().next()));
        }
        boolean outage = !othersAcknowledged
                && failed.values().stream().anyMatch(f -> !SendFailure.blamesTheRow(f, false));
        return new BatchResult(batch.size(), done.size(), outage);
    }

    /** Claims the first pending row of each free key, with a lease that outlasts the ack timeout. */
    private List<OutboxEvent> claim() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(CLAIM, OutboxEvent.class)
                .setParameter(1, now).setParameter(2, batchSize)
                .getResultList();
        if (!batch.isEmpty()) {
            OutboxEvent.update("claimedUntil = ?1 where seq in ?2", now.plus(ackTimeout).plus(LEASE_MARGIN),
                    batch.stream().map(e -> e.seq).toList());
        }
        return batch;
    }

    private void record(List<OutboxEvent> done, Map<OutboxEvent, Throwable> failed, boolean othersAcknowledged) {
        if (!done.isEmpty()) {
            // Published rows are deleted, not kept: the table stays as small as the backlog, so claiming stays cheap.
            OutboxEvent.delete("seq in ?1", done.stream().map(e -> e.seq).toList());
            published.fire(new OutboxPublished(done));
        }
        Instant now = Instant.now();
        Map<String, List<Long>> outage = new LinkedHashMap<>();
        failed.forEach((event, failure) -> {
            String reason = SendFailure.describe(failure);
            if (!SendFailure.blamesTheRow(failure, othersAcknowledged)) {
                outage.computeIfAbsent(reason, r -> new ArrayList<>()).add(event.seq);
                return;
            }
            int attempts = event.attempts + 1;
            if (attempts >= maxAttempts) {
                OutboxEvent.update("attempts = ?1, lastError = ?2, parkedAt = ?3, claimedUntil = null where seq = ?4",
                        attempts, reason, now, event.seq);
                parked.fire(new OutboxEventParked(event.eventId, event.eventType, event.topic, reason, attempts));
                LOG.errorf("outbox event parked id=%s type=%s topic=%s attempts=%d reason=%s; an admin may retry it",
                        event.eventId, event.eventType, event.topic, attempts, reason);
            } else {
                OutboxEvent.update("attempts = ?1, lastError = ?2, claimedUntil = ?3 where seq = ?4",
                        attempts, reason, SendFailure.retryAt(attempts, now, maxBackoff), event.seq);
            }
        });
        outage.forEach((reason, seqs) ->
                OutboxEvent.update("lastError = ?1, claimedUntil = null where seq in ?2", reason, seqs));
    }

    private static Message<String> toMessage(OutboxEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .withHeaders(CloudEventHeaders.of(event.eventId, event.eventType, EventTypes.SOURCE_INTAKE,
                        event.messageKey, event.occurredAt).toKafka())
                .build();
        return TraceParent.attach(Message.of(event.payload, Metadata.of(kafka)), event.traceparent);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
