package io.planconsult.reporting.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.planconsult.reporting.tally.TallyLedger;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies an event through the ledger, each try in a new transaction, and decides by {@link FailureKind} what a
 * failure means: a transient one (the database away, a deadlock) is retried with capped exponential backoff for as
 * long as it lasts, holding the record, so its partition waits instead of committing past it; an unexpected one is
 * retried {@code reporting.consumer.unexpected-attempts} times, then given up as an {@link UnexpectedFailureException};
 * a poison one is thrown at once.
 */
@ApplicationScoped
public class RetryingApplier {

    private static final Logger LOG = Logger.getLogger(RetryingApplier.class);

    private final TallyLedger ledger;
    private final ConsumerProgress progress;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final int unexpectedAttempts;

    RetryingApplier(TallyLedger ledger, ConsumerProgress progress,
            @ConfigProperty(name = "reporting.consumer.backoff.initial", defaultValue = "PT0.1S") Duration firstBackoff,
            @ConfigProperty(name = "reporting.consumer.backoff.max", defaultValue = "PT30S") Duration maxBackoff,
            @ConfigProperty(name = "reporting.consumer.unexpected-attempts", defaultValue = "5")
            int unexpectedAttempts) {
        this.ledger = ledger;
        this.progress = progress;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.unexpectedAttempts = unexpectedAttempts;
    }

    /** As {@link #apply(String, UUID, Record)} for a caller that is not a consumer (a rebuild on H2, a test). */
    public boolean apply(UUID eventId, Record event) {
        try {
            return apply("direct", eventId, event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying event " + eventId, e);
        }
    }

    /**
     * @param channel the consumer it is applied for (health reports per channel)
     * @param event   a record from {@link ReportingEvents#parse}
     * @return whether the event was new (false for one already applied)
     * @throws UnexpectedFailureException after the bounded retries of an unexpected failure
     * @throws InterruptedException       when the service stops while the record waits (it is not acknowledged)
     */
    public boolean apply(String channel, UUID eventId, Record event) throws InterruptedException {
        long backoff = firstBackoff.toMillis();
        int unexpected = 0;
        while (true) {
            progress.attemptStarted(channel);
            try {
                return ledger.apply(eventId, event);
            } catch (RuntimeException e) {
                FailureKind kind = FailureKind.of(e);
                progress.attemptFailed(channel, kind, e);
                if (kind == FailureKind.POISON) {
                    throw e;
                }
                if (kind == FailureKind.UNEXPECTED && ++unexpected >= unexpectedAttempts) {
                    throw new UnexpectedFailureException(e, unexpected);
                }
                LOG.warnf("event %s on %s failed (%s %s), retrying in %d ms", eventId, channel, kind,
                        e.getClass().getSimpleName(), backoff);
                // Full jitter keeps instances that failed together from retrying together.
                Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(maxBackoff.toMillis(), backoff * 2);
            }
        }
    }
}
