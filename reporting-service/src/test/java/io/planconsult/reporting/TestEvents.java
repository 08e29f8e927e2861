package io.planconsult.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;

/** Builds contract events and publishes them as the services do: JSON body, CloudEvents headers, keyed. */
public final class TestEvents {

    private TestEvents() {
    }

    public static SuggestionTagged tagged(UUID id, int revision, String district, String channel, String topic,
            UUID cluster) {
        return tagged(id, revision, district, channel, topic, cluster, Instant.parse("2026-11-20T01:30:00Z"));
    }

    public static SuggestionTagged tagged(UUID id, int revision, String district, String channel, String topic,
            UUID cluster,
            Instant submittedAt) {
        return new SuggestionTagged(id, UUID.randomUUID(), "st-" + district + "-01", district, channel, submittedAt,
                topic, List.of(new SuggestionTagged.TopicScore(topic, 0.8)), List.of(topic), null, "建议[电话]",
                List.of("phone"), "m1", "t1",
                false, List.of("停车"), cluster, id, revision);
    }

    public static void publish(ObjectMapper mapper, String topic, String key, UUID eventId, String type, Object body) {
        TopicProbe.Outgoing record = record(mapper, key, eventId, type, body);
        TopicProbe.send(KafkaBrokerTestResource.broker().bootstrapServers(), topic, key, record.value(),
                record.headers());
    }

    /** A record as the services publish it, for {@link TopicProbe#sendAll}. */
    public static TopicProbe.Outgoing record(ObjectMapper mapper, String key, UUID eventId, String type, Object body) {
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new TopicProbe.Outgoing(key, json, TopicProbe.cloudEventHeaders(eventId, type,
                EventTypes.SOURCE_INTAKE));
    }

}
