package io.planconsult.tagging.messaging;

import java.time.Instant;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a record on the public tagged topic and returns only once the broker has it (acks=all). A failed send
 * throws, so the consumer retries it as a transient failure instead of acknowledging or dead-lettering the source.
 * The record continues the source record's trace: its {@code traceparent} header has the source's trace id, so one
 * suggestion's trace runs from intake's POST through tagging to reporting.
 */
@ApplicationScoped
class TaggedPublisher {

    private final MutinyEmitter<String> tagged;

    TaggedPublisher(@Channel("suggestions-tagged") MutinyEmitter<String> tagged) {
        this.tagged = tagged;
    }

    /** @param source the consumed record it is published for (its trace is continued) */
    void publish(OutgoingEvent event, Message<?> source) {
        String key = event.suggestionId().toString();
        Message<String> out = Message.of(event.body());
        // The connector made the source record's span when it polled, on another thread: take it from the metadata.
        TracingMetadata trace = source.getMetadata(TracingMetadata.class).orElse(null);
        if (trace != null && trace.getCurrentContext() != null) {
            out = out.addMetadata(TracingMetadata.withCurrent(trace.getCurrentContext()));
        }
        tagged.sendMessageAndAwait(out
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.SUGGESTIONS_TAGGED)
                        .withKey(key)
                        .withHeaders(CloudEventHeaders.of(event.eventId(), event.type(), EventTypes.SOURCE_TAGGING,
                                key, Instant.now()).toKafka())
                        .build()));
    }
}
