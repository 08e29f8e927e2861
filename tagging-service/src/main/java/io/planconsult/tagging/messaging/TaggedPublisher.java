package io.planconsult.tagging.messaging;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
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
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.eventId().toString())
                        .withType(event.type())
                        .withSource(URI.create(EventTypes.SOURCE_TAGGING))
                        .withSubject(key)
                        .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                        .withDataContentType(CloudEventAttributes.JSON)
                        .withExtension(CloudEventAttributes.EXTENSION_SCHEMA_VERSION, EventTypes.SCHEMA_VERSION)
                        .build()));
    }
}
