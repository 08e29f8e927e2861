package io.planconsult.reporting.messaging;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;
import io.planconsult.reporting.tally.TallyLedger;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Retries an event in a new transaction each time: two instances (or the live consumer and a rebuild) creating the
 * same row, a deadlock, or a database failover make one attempt fail and the next succeed.
 */
@ApplicationScoped
public class RetryingApplier {

    private final TallyLedger ledger;

    RetryingApplier(TallyLedger ledger) {
        this.ledger = ledger;
    }

    /** @param event a record from {@link ReportingEvents#parse} */
    @Retry(maxRetries = 8, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    public boolean apply(UUID eventId, Record event) {
        return switch (event) {
            case SuggestionTagged e -> ledger.apply(eventId, e);
            case SuggestionWithdrawn e -> ledger.apply(eventId, e);
            case SuggestionRetagged e -> ledger.apply(eventId, e);
            case SuggestionsMerged e -> ledger.apply(eventId, e);
            case ForumRecorded e -> ledger.apply(eventId, e);
            default -> throw new IllegalArgumentException("not an event reporting applies: " + event.getClass().getSimpleName());
        };
    }
}
