package io.planconsult.reporting.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.planconsult.contract.EventIds;
import io.opentelemetry.api.trace.Span;
import io.planconsult.contract.PoisonRecordException;
import io.planconsult.contract.UnexpectedFailureException;
import io.planconsult.reporting.tally.EventToApply;
import io.planconsult.reporting.tally.TallyLedger;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds the read model from the three public topics reporting is built from: tagged suggestions and withdrawals,
 * analysts' corrections (re-tags, merges) and forums. Records arrive in batches (one poll, up to
 * {@code max.poll.records}); each is parsed on its CloudEvents type and the batch is applied in one transaction
 * through {@link RetryingApplier#applyAll}; the ledger makes the result independent of the order the topics deliver
 * in. No failure ends a stream: a record that can never be applied (no CloudEvents id, an unknown type, unreadable
 * JSON, missing fields) or that failed unexpectedly every time it was tried is nacked alone to the reporting
 * dead-letter topic with the reason, and the rest of its batch is applied; a transient failure holds the batch (and
 * its partitions) until it goes through. The batch is acknowledged only once its dead letters are on the broker.
 */
@ApplicationScoped
public class ReadModelConsumer {

    private static final Logger LOG = Logger.getLogger(ReadModelConsumer.class);

    private final ReportingEvents events;
    private final RetryingApplier applier;
    private final ConsumerProgress progress;
    private final ConsumerMetrics metrics;

    ReadModelConsumer(ReportingEvents events, RetryingApplier applier, ConsumerProgress progress,
            ConsumerMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
        this.applier = applier;
        this.progress = progress;
    }

    @Incoming("suggestions-tagged")
    @Blocking
    public CompletionStage<Void> tagged(KafkaRecordBatch<String, String> batch) {
        return consume("suggestions-tagged", batch);
    }

    @Incoming("corrections")
    @Blocking
    public CompletionStage<Void> corrections(KafkaRecordBatch<String, String> batch) {
        return consume("corrections", batch);
    }

    @Incoming("forums")
    @Blocking
    public CompletionStage<Void> forums(KafkaRecordBatch<String, String> batch) {
        return consume("forums", batch);
    }

    private CompletionStage<Void> consume(String channel, KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<Received> received = records.stream().map(r -> {
            IncomingCloudEventMetadata<?> ce = r.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
            return new Received(ce == null ? null : ce.getId(), ce == null ? null : ce.getType(), r.getPayload());
        }).toList();
        List<Outcome> outcomes = applyAll(channel, received);
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case Outcome.Applied a -> {
                    metrics.applied(channel, a.isNew());
                    // The one line per event: what the ledger moved follows the trace id.
                    LOG.infof("applied event=%s channel=%s new=%s trace=%s%s", received.get(i).ceId(), channel,
                            a.isNew(), traceId(records.get(i)), a.effect().isEmpty() ? "" : " " + a.effect());
                }
                case Outcome.Rejected r -> {
                    metrics.deadLettered(channel, r.reason());
                    deadLetters.add(records.get(i).nack(r.reason()).toCompletableFuture());
                }
                // Stopping: neither ack nor nack, so the offsets stay and the batch is redelivered after the restart.
                case Outcome.Interrupted in -> {
                    return CompletableFuture.completedFuture(null);
                }
            }
        }
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).thenCompose(v -> batch.ack());
    }

    /** One record as it came: its CloudEvents id and type headers (null when missing) and its body. */
    public record Received(String ceId, String ceType, String payload) {
    }

    /**
     * The trace this consumer continues for the record: the connector made the record's span (a child of its
     * {@code traceparent}) when it polled, on another thread, so it is read from the message; "none" without one.
     */
    private static String traceId(Message<?> message) {
        return message.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .map(c -> Span.fromContext(c).getSpanContext()).filter(s -> s.isValid()).map(s -> s.getTraceId())
                .orElse("none");
    }

    /** What became of one record. */
    public sealed interface Outcome {
        /**
         * Applied now ({@code isNew}) or found applied already (a redelivery, which moves nothing).
         *
         * @param effect what the ledger moved ({@link TallyLedger.Applied#effect}), for the log line
         */
        record Applied(boolean isNew, String effect) implements Outcome {

            /** A redelivery: found applied, nothing moved. */
            static final Applied AGAIN = new Applied(false, "");

            static Applied of(TallyLedger.Applied applied) {
                return new Applied(applied.isNew(), applied.effect());
            }
        }

        /** For the dead-letter topic, with the reason. */
        record Rejected(RuntimeException reason) implements Outcome {
        }

        /** The service is stopping; the record is left unacknowledged. */
        record Interrupted() implements Outcome {
        }
    }

    /**
     * Parses and applies one record; never throws.
     *
     * @param ceId   the CloudEvents id header, or null
     * @param ceType the CloudEvents type header, or null
     */
    public Outcome apply(String channel, String ceId, String ceType, String payload) {
        return applyAll(channel, List.of(new Received(ceId, ceType, payload))).getFirst();
    }

    /**
     * Parses a batch and applies what parses in one go; never throws.
     *
     * @return per record, in order, what became of it
     */
    public List<Outcome> applyAll(String channel, List<Received> batch) {
        progress.recordStarted(channel);
        Outcome[] outcomes = new Outcome[batch.size()];
        List<EventToApply> parsed = new ArrayList<>(batch.size());
        List<Integer> at = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Received r = batch.get(i);
            try {
                if (r.ceId() == null) {
                    throw new PoisonRecordException("no CloudEvents id (ce_id header)");
                }
                UUID eventId = EventIds.parse(r.ceId());
                parsed.add(new EventToApply(eventId, events.parse(r.ceType(), r.payload())));
                at.add(i);
            } catch (PoisonRecordException e) {
                LOG.warnf("record on %s rejected to the dead-letter topic: %s", channel, e.getMessage());
                outcomes[i] = new Outcome.Rejected(e);
            } catch (RuntimeException e) {
                UnexpectedFailureException reason = new UnexpectedFailureException(e, 1);
                LOG.errorf("record on %s dead-lettered: %s", channel, reason.getMessage());
                outcomes[i] = new Outcome.Rejected(reason);
            }
        }
        try {
            List<Outcome> applied = parsed.isEmpty() ? List.of() : applier.applyAll(channel, parsed);
            for (int j = 0; j < applied.size(); j++) {
                outcomes[at.get(j)] = applied.get(j);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Collections.nCopies(batch.size(), new Outcome.Interrupted());
        }
        List<Outcome> all = List.of(outcomes);
        all.forEach(o -> progress.recordDone(channel, o instanceof Outcome.Rejected));
        return all;
    }
}
