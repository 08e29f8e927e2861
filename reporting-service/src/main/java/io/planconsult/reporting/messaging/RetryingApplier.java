package io.planconsult.reporting.messaging;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.planconsult.contract.SuggestionTagged;
import io.planconsult.reporting.tally.TallyLedger;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Retries an event in a new transaction each time: two instances creating the same tally cell,
 * or a database failover, make one attempt fail and the next succeed.
 */
@ApplicationScoped
public class RetryingApplier {

    private final TallyLedger ledger;

    RetryingApplier(TallyLedger ledger) {
        this.ledger = ledger;
    }

    @Retry(maxRetries = 8, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    public boolean apply(UUID eventId, SuggestionTagged event) {
        return ledger.apply(eventId, event);
    }
}
