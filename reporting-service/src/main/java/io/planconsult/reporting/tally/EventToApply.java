package io.planconsult.reporting.tally;

import java.util.UUID;

/**
 * One parsed record for the ledger: its CloudEvents id and its body.
 *
 * @param event a contract record (see {@link LifecycleEvent#of})
 */
public record EventToApply(UUID eventId, Record event) {
}
