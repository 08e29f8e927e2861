package io.planconsult.reporting.messaging;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.planconsult.contract.EventIds;
import io.opentelemetry.api.trace.Span;
import io.planconsult.contract.PoisonRecordException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds the read model from the three public topics reporting is built from: tagged suggestions and withdrawals,
 * analysts' corrections (re-tags, merges) and forums. Each record is parsed on its CloudEvents type and applied through
 * {@link RetryingApplier}; the ledger makes the result independent of the order the topics deliver in. No failure ends
 * a stream: a record that can never be applied (no CloudEvents id, an unknown type, unreadable JSON, missing fields)
 * or that failed unexpectedly every time it was tried is nacked to the reporting dead-letter topic with the reason;
 * a transient failure holds the record (and its partition) until it goes through.
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
    public CompletionStage<Void> tagged(Message<String> message) {
        return consume("suggestions-tagged", message);
    }

    @Incoming("corrections")
    @Blocking
    public CompletionStage<Void> corrections(Message<String> message) {
        return consume("corrections", message);
    }

    @Incoming("forums")
    @Blocking
    public CompletionStage<Void> forums(Message<String> message) {
        return consume("forums", message);
    }

    private CompletionStage<Void> consume(String channel, Message<String> message) {
        IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        Outcome outcome = apply(channel, ce == null ? null : ce.getId(), ce == null ? null : ce.getType(),
                message.getPayload());
        return switch (outcome) {
            case Outcome.Applied a -> {
                metrics.applied(channel, a.isNew());
                LOG.infof("applied event=%s channel=%s new=%s trace=%s", ce.getId(), channel, a.isNew(),
                        traceId(message));
                yield message.ack();
            }
            case Outcome.Rejected r -> {
                metrics.deadLettered(channel, r.reason());
                yield message.nack(r.reason());
            }
            // Stopping: neither ack nor nack, so the offset stays and the record is redelivered after the restart.
            case Outcome.Interrupted i -> CompletableFuture.completedFuture(null);
        };
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
        /** Applied now ({@code isNew}) or found applied already (a redelivery). */
        record Applied(boolean isNew) implements Outcome {
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
        progress.recordStarted(channel);
        UUID eventId = null;
        try {
            if (ceId == null) {
                throw new PoisonRecordException("no CloudEvents id (ce_id header)");
            }
            eventId = EventIds.parse(ceId);
            Record event = events.parse(ceType, payload);
            boolean isNew = applier.apply(channel, eventId, event);
            progress.recordDone(channel, false);
            return new Outcome.Applied(isNew);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Interrupted();
        } catch (PoisonRecordException e) {
            LOG.warnf("record on %s rejected to the dead-letter topic: %s", channel, e.getMessage());
            progress.recordDone(channel, true);
            return new Outcome.Rejected(e);
        } catch (RuntimeException e) {
            // Unexpected every time (or a bug before the ledger): dead-letter it with class and message, go on.
            UnexpectedFailureException reason = e instanceof UnexpectedFailureException u ? u
                    : new UnexpectedFailureException(e, 1);
            LOG.errorf("event %s on %s dead-lettered: %s", eventId, channel, reason.getMessage());
            progress.recordDone(channel, true);
            return new Outcome.Rejected(reason);
        }
    }
}
