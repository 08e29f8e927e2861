package io.planconsult.tagging.messaging;

import java.time.Instant;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a record on the public tagged topic and returns only once the broker has it (acks=all). A failed send
 * throws, so the consumer retries it as a transient failure instead of acknowledging or dead-lettering the source.
 */
@ApplicationScoped
class TaggedPublisher {

    private final MutinyEmitter<String> tagged;

    TaggedPublisher(@Channel("suggestions-tagged") MutinyEmitter<String> tagged) {
        this.tagged = tagged;
    }

    void publish(OutgoingEvent event) {
        String key = event.suggestionId().toString();
        tagged.sendMessageAndAwait(Message.of(event.body())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.SUGGESTIONS_TAGGED)
                        .withKey(key)
                        .withHeaders(CloudEventHeaders.of(event.eventId(), event.type(), EventTypes.SOURCE_TAGGING,
                                key, Instant.now()).toKafka())
                        .build()));
    }
}
