package io.planconsult.reporting.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;

/** Publishes SuggestionTagged events to the real test broker, the way the tagging service does. */
final class TaggedEventPublisher {

    private final ObjectMapper mapper;

    TaggedEventPublisher(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A tagged suggestion with the fields reports use; everything else as the tagging service fills it. */
    record Spec(UUID id, String channel, String stationDistrict, String textDistrict, String topic, List<String> labels,
            String redactedText, List<String> keywords, UUID clusterId, UUID clusterFirst, Instant submittedAt) {

        static Spec of(String stationDistrict, String topic, String redactedText) {
            return new Spec(UUID.randomUUID(), "station", stationDistrict, null, topic, List.of(topic), redactedText,
                    List.of(), null, null,
                    Instant.parse("2026-11-20T01:30:00Z"));
        }

        Spec channel(String c) {
            return new Spec(id, c, stationDistrict, textDistrict, topic, labels, redactedText, keywords, clusterId,
                    clusterFirst, submittedAt);
        }

        Spec textDistrict(String d) {
            return new Spec(id, channel, stationDistrict, d, topic, labels, redactedText, keywords, clusterId,
                    clusterFirst, submittedAt);
        }

        Spec labels(String... l) {
            return new Spec(id, channel, stationDistrict, textDistrict, topic, List.of(l), redactedText, keywords,
                    clusterId, clusterFirst, submittedAt);
        }

        Spec keywords(String... k) {
            return new Spec(id, channel, stationDistrict, textDistrict, topic, labels, redactedText, List.of(k),
                    clusterId, clusterFirst, submittedAt);
        }

        Spec cluster(UUID cluster, UUID first) {
            return new Spec(id, channel, stationDistrict, textDistrict, topic, labels, redactedText, keywords, cluster,
                    first, submittedAt);
        }

        Spec at(String instant) {
            return new Spec(id, channel, stationDistrict, textDistrict, topic, labels, redactedText, keywords,
                    clusterId, clusterFirst,
                    Instant.parse(instant));
        }
    }

    void publish(Spec s) {
        publish(s, List.of(), List.of());
    }

    /** With the tagging service's review reasons (flagged when any) and a long text's points. */
    void publish(Spec s, List<String> reviewReasons, List<SuggestionTagged.Point> points) {
        SuggestionTagged event = new SuggestionTagged(s.id(), UUID.randomUUID(), "st-" + s.stationDistrict() + "-01",
                s.stationDistrict(),
                s.channel(), s.submittedAt(), s.topic(), List.of(new SuggestionTagged.TopicScore(s.topic(), 0.8)),
                s.labels(),
                s.textDistrict(), s.redactedText(), List.of(), "m1", "t1", !reviewReasons.isEmpty(), s.keywords(),
                s.clusterId() == null ? s.id() : s.clusterId(), s.clusterFirst() == null ? s.id() : s.clusterFirst(), 0,
                reviewReasons, points, "zh");
        String body;
        try {
            body = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        TopicProbe.send(KafkaBrokerTestResource.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED,
                s.id().toString(), body,
                Map.of(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0", CloudEventAttributes.HEADER_ID,
                UUID.randomUUID().toString(),
                        CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_TAGGED,
                        CloudEventAttributes.HEADER_SOURCE,
                        EventTypes.SOURCE_TAGGING, CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.JSON,
                        CloudEventAttributes.HEADER_SCHEMA_VERSION, "1"));
    }

}
