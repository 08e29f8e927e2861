package io.planconsult.reporting.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.planconsult.contract.FailureKind;
import io.planconsult.contract.Retrying;
import io.planconsult.contract.UnexpectedFailureException;
import io.planconsult.contract.rest.ServiceStopping;
import io.planconsult.reporting.tally.EventToApply;
import io.planconsult.reporting.tally.TallyLedger;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies an event through the ledger, each try in a new transaction, by the contract's {@link Retrying} rule
 * ({@link FailureKind}): a transient failure (the database away, a deadlock) is retried with capped exponential backoff
 * for as long as it lasts, holding the record, so its partition waits instead of committing past it; an unexpected
 * one is retried {@code reporting.consumer.unexpected-attempts} times, then given up as an
 * {@link UnexpectedFailureException}; a poison one is thrown at once.
 */
@ApplicationScoped
public class RetryingApplier {

    private static final Logger LOG = Logger.getLogger(RetryingApplier.class);

    private final TallyLedger ledger;
    private final ConsumerProgress progress;
    private final Retrying retrying;

    RetryingApplier(TallyLedger ledger, ConsumerProgress progress, ServiceStopping stopping,
            @ConfigProperty(name = "reporting.consumer.backoff.initial", defaultValue = "PT0.1S") Duration firstBackoff,
            @ConfigProperty(name = "reporting.consumer.backoff.max", defaultValue = "PT30S") Duration maxBackoff,
            @ConfigProperty(name = "reporting.consumer.unexpected-attempts", defaultValue = "5")
            int unexpectedAttempts) {
        this.ledger = ledger;
        this.progress = progress;
        this.retrying = new Retrying(firstBackoff, maxBackoff, unexpectedAttempts, stopping);
    }

    /** As {@link #apply(String, UUID, Record)} for a caller that is not a consumer (a rebuild on H2, a test). */
    public boolean apply(UUID eventId, Record event) {
        try {
            return apply("direct", eventId, event).isNew();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying event " + eventId, e);
        }
    }

    /**
     * Applies a batch in one transaction, retried as a whole while it fails transiently (the batch and its partitions
     * wait; nothing is acknowledged). When it fails any other way, the batch is applied again one event at a time, each
     * in its own transaction with {@link #apply(String, UUID, Record)}'s retries: the event at fault ends up rejected
     * alone, and every other event of the batch is applied.
     *
     * @return per event, in order: {@link ReadModelConsumer.Outcome.Applied} or
     *         {@link ReadModelConsumer.Outcome.Rejected}
     * @throws InterruptedException when the service stops while the batch waits (nothing of it is acknowledged)
     */
    public List<ReadModelConsumer.Outcome> applyAll(String channel, List<EventToApply> events)
            throws InterruptedException {
        if (events.size() > 1) {
            try {
                return retrying.withUnexpectedAttempts(1).run(() -> {
                    progress.attemptStarted(channel);
                    return ledger.applyAll(events);
                }, (kind, e, retryIn) -> {
                    progress.attemptFailed(channel, kind, e);
                    LOG.warnf(retryIn >= 0 ? "batch of %d events on %s failed (%s %s), retrying in %d ms"
                            : "batch of %d events on %s failed (%s %s): applying them one by one", events.size(),
                            channel, kind, e.getClass().getSimpleName(), retryIn);
                }).stream().<ReadModelConsumer.Outcome>map(ReadModelConsumer.Outcome.Applied::of).toList();
            } catch (RuntimeException oneOfThem) {
                // applied again one event at a time below
            }
        }
        List<ReadModelConsumer.Outcome> outcomes = new ArrayList<>(events.size());
        for (EventToApply e : events) {
            outcomes.add(applyAlone(channel, e));
        }
        return outcomes;
    }

    private ReadModelConsumer.Outcome applyAlone(String channel, EventToApply e) throws InterruptedException {
        try {
            return ReadModelConsumer.Outcome.Applied.of(apply(channel, e.eventId(), e.event()));
        } catch (RuntimeException failure) {
            if (FailureKind.of(failure) == FailureKind.POISON) {
                LOG.warnf("event %s on %s rejected to the dead-letter topic: %s", e.eventId(), channel,
                        failure.getMessage());
                return new ReadModelConsumer.Outcome.Rejected(failure);
            }
            // Unexpected every time: dead-letter it with class and message, go on.
            UnexpectedFailureException reason = failure instanceof UnexpectedFailureException u ? u
                    : new UnexpectedFailureException(failure, 1);
            LOG.errorf("event %s on %s dead-lettered: %s", e.eventId(), channel, reason.getMessage());
            return new ReadModelConsumer.Outcome.Rejected(reason);
        }
    }

    /**
     * @param channel the consumer it is applied for (health reports per channel)
     * @param event   a record from {@link ReportingEvents#parse}
     * @return whether the event was new (false for one already applied) and what it moved
     * @throws UnexpectedFailureException after the bounded retries of an unexpected failure
     * @throws InterruptedException       when the service stops while the record waits (it is not acknowledged)
     */
    public TallyLedger.Applied apply(String channel, UUID eventId, Record event) throws InterruptedException {
        return retrying.run(() -> {
            progress.attemptStarted(channel);
            return ledger.apply(eventId, event);
        }, (kind, e, retryIn) -> {
            progress.attemptFailed(channel, kind, e);
            if (retryIn >= 0) {
                LOG.warnf("event %s on %s failed (%s %s), retrying in %d ms", eventId, channel, kind,
                        e.getClass().getSimpleName(), retryIn);
            }
        });
    }
}
