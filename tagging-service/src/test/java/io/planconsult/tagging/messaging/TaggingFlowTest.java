package io.planconsult.tagging.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TaggingFlowTest {

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    private static Map<String, String> headers(UUID eventId) {
        return headers(eventId, EventTypes.SUGGESTION_SUBMITTED);
    }

    private static Map<String, String> headers(UUID eventId, String type) {
        return TopicProbe.cloudEventHeaders(eventId, type, EventTypes.SOURCE_INTAKE);
    }

    private static String amended(UUID suggestionId, int revision, String text) {
        return """
                {"suggestionId":"%s","revision":%d,"stationId":"st-xiaoshan-01","stationDistrict":"xiaoshan",
                 "channel":"station",
                 "text":"%s","submittedAt":"2026-11-20T01:30:00Z","amendedAt":"2026-11-21T08:00:00Z"}
                """.formatted(suggestionId, revision, text);
    }

    private static String withdrawn(UUID suggestionId, int revision) {
        return """
                {"suggestionId":"%s","revision":%d,"stationId":"st-xiaoshan-01","stationDistrict":"xiaoshan",
                 "withdrawnAt":"2026-11-22T08:00:00Z"}"""
                .formatted(suggestionId, revision);
    }

    private static String submitted(UUID suggestionId, String text) {
        return SubmittedBodies.of(suggestionId, "xiaoshan", text);
    }

    @Test
    void submittedSuggestionIsTaggedAndPublishedRedactedWithADerivedEventId() {
        UUID suggestion = UUID.randomUUID();
        UUID sourceEvent = UUID.randomUUID();
        String text = "湘湖景区周边停车位太少，节假日拥堵严重，建议建设智慧停车系统。联系电话 13857162394";
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, suggestion.toString(), submitted(suggestion, text),
                headers(sourceEvent));
        // a redelivery of the same submitted event
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, suggestion.toString(), submitted(suggestion, text),
                headers(sourceEvent));

        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            List<ConsumerRecord<String, String>> records = probe.awaitCount(r -> suggestion.toString().equals(r.key()),
                    2, Duration.ofSeconds(60));
            assertEquals(2, records.size());
            String expectedId = EventIds.derived(sourceEvent, EventTypes.SUGGESTION_TAGGED).toString();
            for (ConsumerRecord<String, String> record : records) {
                assertEquals(expectedId, TopicProbe.header(record, CloudEventAttributes.HEADER_ID),
                        "redelivery yields the same event id");
                assertEquals(EventTypes.SUGGESTION_TAGGED, TopicProbe.header(record, CloudEventAttributes.HEADER_TYPE));
                assertEquals(EventTypes.SOURCE_TAGGING, TopicProbe.header(record, CloudEventAttributes.HEADER_SOURCE));
                assertFalse(record.value().contains("13857162394"), "the public topic never carries the phone number");
                assertTrue(record.value().contains("[电话]"), record.value());
                assertTrue(record.value().contains("\"textDistrict\":\"xiaoshan\""), record.value());
                assertTrue(record.value().contains("\"sourceEventId\":\"" + sourceEvent + "\""), record.value());
                assertTrue(record.value().contains("\"clusterFirstSuggestionId\":\"" + suggestion + "\""),
                        record.value());
            }
        }
    }

    @Test
    void amendmentIsRetaggedUnderItsRevisionAndWithdrawalIsForwardedUnchanged() throws Exception {
        UUID suggestion = UUID.randomUUID();
        UUID submittedEvent = UUID.randomUUID();
        UUID amendedEvent = UUID.randomUUID();
        UUID withdrawnEvent = UUID.randomUUID();
        String key = suggestion.toString();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, key,
                submitted(suggestion, "建议在萧山湘湖周边增加停车位，缓解节假日拥堵"), headers(submittedEvent));
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, key,
                amended(suggestion, 1, "建议加快建设人工智能算力中心，发展大模型产业。电话 13857162394"),
                headers(amendedEvent, EventTypes.SUGGESTION_AMENDED));
        String withdrawal = withdrawn(suggestion, 1);
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, key, withdrawal,
                headers(withdrawnEvent, EventTypes.SUGGESTION_WITHDRAWN));

        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            List<ConsumerRecord<String, String>> records = probe.awaitCount(r -> key.equals(r.key()), 3,
                    Duration.ofSeconds(60));
            assertEquals(3, records.size(), "tagged, re-tagged and withdrawn, in the partition's order");
            var json = new com.fasterxml.jackson.databind.ObjectMapper();

            ConsumerRecord<String, String> first = records.get(0);
            assertEquals(EventIds.derived(submittedEvent, EventTypes.SUGGESTION_TAGGED).toString(),
                    TopicProbe.header(first, CloudEventAttributes.HEADER_ID));
            var firstBody = json.readTree(first.value());
            assertEquals(0, firstBody.get("revision").asInt());
            assertNotEquals("ai", firstBody.get("primaryTopic").asText(), "parking is not about AI");

            ConsumerRecord<String, String> retagged = records.get(1);
            assertEquals(EventTypes.SUGGESTION_TAGGED, TopicProbe.header(retagged, CloudEventAttributes.HEADER_TYPE));
            assertEquals(EventIds.derived(amendedEvent, EventTypes.SUGGESTION_TAGGED).toString(),
                    TopicProbe.header(retagged, CloudEventAttributes.HEADER_ID));
            var retaggedBody = json.readTree(retagged.value());
            assertEquals(1, retaggedBody.get("revision").asInt());
            assertEquals("ai", retaggedBody.get("primaryTopic").asText(),
                    "the amended text is tagged, not the original");
            assertEquals(amendedEvent.toString(), retaggedBody.get("sourceEventId").asText());
            assertFalse(retagged.value().contains("13857162394"), "the amended text is redacted too");
            assertEquals(firstBody.get("clusterId").asText(), retaggedBody.get("clusterId").asText(),
                    "an amendment keeps its cluster");

            ConsumerRecord<String, String> forwarded = records.get(2);
            assertEquals(EventTypes.SUGGESTION_WITHDRAWN, TopicProbe.header(forwarded,
                    CloudEventAttributes.HEADER_TYPE));
            assertEquals(EventIds.derived(withdrawnEvent, EventTypes.SUGGESTION_WITHDRAWN).toString(),
                    TopicProbe.header(forwarded, CloudEventAttributes.HEADER_ID));
            assertEquals(withdrawal, forwarded.value(), "forwarded unchanged");
        }
    }

    @Test
    void unknownEventTypeGoesToTheDeadLetterTopicWithTheReason() {
        String key = "unknown-" + UUID.randomUUID();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, key, "{}",
                headers(UUID.randomUUID(), "io.planconsult.suggestion.teleported"));
        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(key, Duration.ofSeconds(60)).orElseThrow();
            assertTrue(TopicProbe.header(dead, "dead-letter-reason")
                    .contains("unknown ce_type io.planconsult.suggestion.teleported"),
                    TopicProbe.header(dead, "dead-letter-reason"));
        }
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, poisonKey, "{\"suggestionId\": 12",
                headers(UUID.randomUUID()));
        UUID next = UUID.randomUUID();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, next.toString(), submitted(next, "建议发展低空经济产业园"),
                headers(UUID.randomUUID()));

        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(poisonKey, Duration.ofSeconds(60)).orElseThrow();
            assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("SuggestionSubmitted"),
                    TopicProbe.header(dead, "dead-letter-reason"));
        }
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            assertTrue(tagged.awaitKey(next.toString(), Duration.ofSeconds(60)).isPresent(),
                    "the record after the poison one is tagged");
        }
    }

    @Test
    void classifyPreviewsTheEnrichment() {
        given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("text", "建议在千岛湖建设数字游民基地，联系人王女士 0571-88886666", "stationDistrict", "chunan"))
                .post("/api/v1/classify")
                .then().statusCode(200)
                .body("$", hasKey("primaryTopic"))
                .body("topics.size()", equalTo(9))
                .body("district", equalTo("chunan"))
                .body("redactedText", not(containsString("88886666")))
                .body("pii.type", hasItem("phone"))
                .body("$", hasKey("modelVersion"))
                .body("$", hasKey("taxonomyVersion"));
    }

    @Test
    void classifyRejectsBlankOrMalformedInputAsProblem() {
        given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON).body(Map.of("text", " "))
                .post("/api/v1/classify")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("text"));
        given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON).body("{\"text\":")
                .post("/api/v1/classify")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void englishTextGetsATagNotAnError() {
        given().auth().oauth2(TestTokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("text", "Please build more bike lanes and improve the metro."))
                .post("/api/v1/classify").then().statusCode(200).body("$", hasKey("primaryTopic"));
    }
}
