package io.planconsult.reporting.messaging;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.PoisonRecordException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows the three public topics reporting is built from: tagged suggestions and withdrawals, analysts' corrections
 * (re-tags, merges) and forums. Each record is dispatched on its CloudEvents type; the ledger makes the result
 * independent of the order the topics deliver in. A record that can never be applied (no CloudEvents id, an unknown
 * type, unreadable JSON, missing fields) is nacked and lands on the reporting dead-letter topic with the reason; the
 * partition keeps flowing.
 */
@ApplicationScoped
public class LifecycleConsumer {

    private static final Logger LOG = Logger.getLogger(LifecycleConsumer.class);

    private final ReportingEvents events;
    private final RetryingApplier applier;

    LifecycleConsumer(ReportingEvents events, RetryingApplier applier) {
        this.events = events;
        this.applier = applier;
    }

    @Incoming("suggestions-tagged")
    @Blocking
    public CompletionStage<Void> tagged(Message<String> message) {
        return consume(message);
    }

    @Incoming("corrections")
    @Blocking
    public CompletionStage<Void> corrections(Message<String> message) {
        return consume(message);
    }

    @Incoming("forums")
    @Blocking
    public CompletionStage<Void> forums(Message<String> message) {
        return consume(message);
    }

    private CompletionStage<Void> consume(Message<String> message) {
        UUID eventId;
        Record event;
        try {
            IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new PoisonRecordException("no CloudEvents id (ce_id header)"));
            eventId = EventIds.parse(ce.getId());
            event = events.parse(ce.getType(), message.getPayload());
        } catch (PoisonRecordException e) {
            LOG.warnf("record rejected to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try {
            applier.apply(eventId, event);
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("event %s could not be applied after retries: %s", eventId, e.getClass().getSimpleName());
            return message.nack(e);
        }
    }
}
