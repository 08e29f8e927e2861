package io.planconsult.intake.outbox;

import java.util.UUID;

/** An outbox row was written; observed after the transaction commits, to wake the relay. */
public record OutboxWritten(UUID eventId) {
}
