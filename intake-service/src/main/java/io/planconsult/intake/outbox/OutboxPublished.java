package io.planconsult.intake.outbox;

import java.util.List;

/** Fired inside the relay's transaction for the events Kafka acknowledged, so owners can update their state. */
public record OutboxPublished(List<OutboxEvent> events) {
}
