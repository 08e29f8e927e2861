package io.planconsult.intake.outbox;

import java.util.UUID;

/**
 * The relay parked a row, fired in the transaction that parks it. The hook for a counter of parkings (the gauge of
 * parked rows reads the table); carries no payload.
 */
public record OutboxEventParked(UUID eventId, String eventType, String topic, String reason, int attempts) {
}
