package io.planconsult.tagging.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a batch of records on the public tagged topic, all in flight at once, and returns only once the broker has
 * every one (acks=all; the idempotent producer keeps each partition's order). A failed send throws, so the consumer
 * retries the batch as a transient failure instead of acknowledging or dead-lettering its source records.
 * Each record continues its source record's trace: its {@code traceparent} header has the source's trace id, so one
 * suggestion's trace runs from intake's POST through tagging to reporting.
 */
@ApplicationScoped
class TaggedPublisher {

    private final MutinyEmitter<String> tagged;

    TaggedPublisher(@Channel("suggestions-tagged") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            MutinyEmitter<String> tagged) {
        this.tagged = tagged;
    }

    /** A tagged event and the consumed record it is published for (whose trace it continues). */
    record Outbound(OutgoingEvent event, Message<?> source) {
    }

    void publishAll(List<Outbound> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = new ArrayList<>(events.size());
        for (Outbound event : events) {
            // Subscribed at once, in order: the emitter hands them to the producer in this order.
            sends.add(send(event).memoize().indefinitely());
        }
        sends.forEach(s -> s.subscribe().with(v -> { }, f -> { }));
        // No timeout of its own: the producer fails a send the broker never took after delivery.timeout.ms.
        Uni.join().all(sends).andFailFast().await().indefinitely();
    }

    private Uni<Void> send(Outbound outbound) {
        OutgoingEvent event = outbound.event();
        String key = event.suggestionId().toString();
        Message<String> out = Message.of(event.body());
        // The connector made the source record's span when it polled, on another thread: take it from the metadata.
        TracingMetadata trace = outbound.source().getMetadata(TracingMetadata.class).orElse(null);
        if (trace != null && trace.getCurrentContext() != null) {
            out = out.addMetadata(TracingMetadata.withCurrent(trace.getCurrentContext()));
        }
        return tagged.sendMessage(out
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.SUGGESTIONS_TAGGED)
                        .withKey(key)
                        .withHeaders(CloudEventHeaders.of(event.eventId(), event.type(), EventTypes.SOURCE_TAGGING,
                                key, Instant.now()).toKafka())
                        .build()));
    }
}
