package io.planconsult.intake.testing;

import java.util.UUID;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;

/** The tagging service's answer for a suggestion, as intake reads it from the public tagged topic. */
public final class TaggedTopic {

    private TaggedTopic() {
    }

    /** A tagged event's body: one topic, the given redacted text and revision. */
    public static String body(String suggestionId, String stationId, String district, String topic, String redactedText,
            int revision) {
        return """
                {"suggestionId":"%s","sourceEventId":"%s","stationId":"%s","stationDistrict":"%s","channel":"station",
                 "submittedAt":"2026-11-20T01:30:00Z","primaryTopic":"%s","topics":[{"code":"%s","score":0.9}],
                 "labels":["%s"],"textDistrict":"%s","redactedText":"%s","piiTypes":[],"modelVersion":"m",
                 "taxonomyVersion":"t","needsReview":false,"keywords":[],"revision":%d}
                """.formatted(suggestionId, UUID.randomUUID(), stationId, district, topic, topic, topic, district,
                redactedText, revision);
    }

    /** Publishes a body under the record key, with the CloudEvents headers tagging sends. */
    public static void publish(String recordKey, String body) {
        TopicProbe.send(KafkaBrokerTestResource.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED, recordKey, body,
                TopicProbe.cloudEventHeaders(UUID.randomUUID(), EventTypes.SUGGESTION_TAGGED, "/test"));
    }
}
