package io.planconsult.reporting.rest;

import static io.planconsult.infra.testing.Await.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.SignedInAs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Runs as analyst: the endpoints under test need that role (README, "Who may do what"). */
@QuarkusTest
@SignedInAs("analyst")
class TallyFlowTest {

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    static Map<String, String> headers(UUID eventId) {
        return Map.of(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0", CloudEventAttributes.HEADER_ID,
                eventId.toString(),
                CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_TAGGED, CloudEventAttributes.HEADER_SOURCE,
                EventTypes.SOURCE_TAGGING,
                CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.JSON,
                CloudEventAttributes.HEADER_SCHEMA_VERSION, "1");
    }

    static String tagged(UUID suggestionId, String stationDistrict, String textDistrict, String topic,
            List<String> labels) {
        String labelJson = String.join(",", labels.stream().map(l -> "\"" + l + "\"").toList());
        return """
                {"suggestionId":"%s","sourceEventId":"%s","stationId":"st-%s-01","stationDistrict":"%s",
                 "channel":"station","submittedAt":"2026-11-20T01:30:00Z","primaryTopic":"%s",
                 "topics":[{"code":"%s","score":0.8}],"labels":[%s],
                 "textDistrict":%s,"redactedText":"联系人[姓名]，电话[电话]","piiTypes":["name","phone"],
                 "modelVersion":"m1","taxonomyVersion":"t1","needsReview":false,"keywords":["停车"]}
                """.formatted(suggestionId, UUID.randomUUID(), stationDistrict, stationDistrict, topic, topic,
                labelJson, textDistrict == null ? "null" : "\"" + textDistrict + "\"");
    }

    static void send(UUID eventId, UUID suggestionId, String body) {
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_TAGGED, suggestionId.toString(), body, headers(eventId));
    }

    static Map<String, Long> cells(String by) {
        JsonPath json = given().queryParam("by", by).get("/api/v1/tallies").then().statusCode(200).extract().jsonPath();
        Map<String, Long> cells = new HashMap<>();
        for (Map<String, Object> c : json.<Map<String, Object>>getList("cells")) {
            cells.put(c.get("district") + "/" + c.get("topic"), ((Number) c.get("count")).longValue());
        }
        return cells;
    }

    static long total() {
        return given().get("/api/v1/tallies").then().statusCode(200).extract().jsonPath().getLong("total");
    }


    @Test
    void taggedEventsAreCountedPerDistrictAndTopicAndRedeliveryIsCountedOnce() {
        long before = total();
        Map<String, Long> stationBefore = cells("station");
        Map<String, Long> subjectBefore = cells("subject");

        UUID a = UUID.randomUUID();
        UUID eventA = UUID.randomUUID();
        send(eventA, a, tagged(a, "gongshu", "chunan", "gaps", List.of("gaps", "urban")));
        UUID b = UUID.randomUUID();
        UUID eventB = UUID.randomUUID();
        send(eventB, b, tagged(b, "gongshu", null, "gaps", List.of("gaps")));
        send(eventA, a, tagged(a, "gongshu", "chunan", "gaps", List.of("gaps", "urban")));

        await(() -> total() == before + 2, "both suggestions are counted");
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID(), marker, tagged(marker, "jiande", null, "other", List.of("other")));
        await(() -> total() == before + 3, "the marker after the redelivery is counted");

        Map<String, Long> station = cells("station");
        Map<String, Long> subject = cells("subject");
        assertEquals(stationBefore.getOrDefault("gongshu/gaps", 0L) + 2, station.get("gongshu/gaps"));
        assertEquals(subjectBefore.getOrDefault("chunan/gaps", 0L) + 1, subject.get("chunan/gaps"));
        assertEquals(subjectBefore.getOrDefault("gongshu/gaps", 0L) + 1, subject.get("gongshu/gaps"));
        assertEquals(total(), station.values().stream().mapToLong(Long::longValue).sum(), "cells add up to the total");

        given().get("/api/v1/tallies/districts/gongshu").then().statusCode(200)
                .body("cells.find { it.topic == 'urban' }.mentions", equalTo((int) (mentions("gongshu", "urban"))));
        given().queryParam("district", "chunan").queryParam("by", "subject").queryParam("topic", "gaps")
                .get("/api/v1/suggestions").then().statusCode(200)
                .body("items.suggestionId", hasItem(a.toString()))
                .body("items.find { it.suggestionId == '" + a + "' }.redactedText", equalTo("联系人[姓名]，电话[电话]"));
    }

    private static long mentions(String district, String topic) {
        return given().get("/api/v1/tallies").then().extract().jsonPath().<Map<String, Object>>getList("cells").stream()
                .filter(c -> c.get("district").equals(district) && c.get("topic").equals(topic))
                .mapToLong(c -> ((Number) c.get("mentions")).longValue()).sum();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillCounted() {
        long before = total();
        UUID poisonKey = UUID.randomUUID();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_TAGGED, poisonKey.toString(), "{not json",
                headers(UUID.randomUUID()));
        UUID noId = UUID.randomUUID();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_TAGGED, noId.toString(),
                tagged(noId, "xihu", null, "urban", List.of("urban")), Map.of());
        UUID good = UUID.randomUUID();
        send(UUID.randomUUID(), good, tagged(good, "xihu", null, "urban", List.of("urban")));

        await(() -> total() == before + 1, "the good event after the poison ones is counted");
        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.REPORTING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(poisonKey.toString(), Duration.ofSeconds(30)).orElseThrow();
            assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("SuggestionTagged"),
                    TopicProbe.header(dead, "dead-letter-reason"));
            var missingId = dlq.awaitKey(noId.toString(), Duration.ofSeconds(30)).orElseThrow();
            assertTrue(TopicProbe.header(missingId, "dead-letter-reason").contains("ce_id"));
        }
    }

    @Test
    void unknownEventTypeOnTheCorrectionsTopicGoesToTheDeadLetterTopic() {
        String key = "unknown-" + UUID.randomUUID();
        Map<String, String> headers = new HashMap<>(headers(UUID.randomUUID()));
        headers.put(CloudEventAttributes.HEADER_TYPE, "io.planconsult.suggestion.praised");
        TopicProbe.send(bootstrap(), Topics.CORRECTIONS, key, "{}", headers);
        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.REPORTING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(key, Duration.ofSeconds(30)).orElseThrow();
            assertTrue(TopicProbe.header(dead, "dead-letter-reason")
                    .contains("unknown ce_type io.planconsult.suggestion.praised"),
                    TopicProbe.header(dead, "dead-letter-reason"));
        }
    }

    @Test
    void talliesByChannelDayAndWeekCountTheSameSuggestions() {
        long before = total();
        UUID id = UUID.randomUUID();
        send(UUID.randomUUID(), id, tagged(id, "linping", null, "consumption", List.of("consumption")));
        await(() -> total() == before + 1, "the suggestion is counted");
        // submitted 2026-11-20T01:30:00Z: 09:30 on Friday 20 November in Hangzhou, ISO week 47
        given().queryParam("by", "day").get("/api/v1/tallies").then().statusCode(200)
                .body("cells.find { it.day == '2026-11-20' && it.topic == 'consumption' }.count",
                org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("cells.find { it.day == '2026-11-20' && it.topic == 'consumption' }.clusters",
                org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().queryParam("by", "week").get("/api/v1/tallies").then().statusCode(200)
                .body("cells.week", hasItem("2026-W47"));
        given().queryParam("by", "channel").get("/api/v1/tallies").then().statusCode(200)
                .body("cells.channel", hasItem("station"));
        for (String by : List.of("channel", "day", "week")) {
            var json = given().queryParam("by", by).get("/api/v1/tallies").then().statusCode(200).extract().jsonPath();
            assertEquals(total(), json.getLong("total"), by + " cells add up to the same total");
        }
    }

    @Test
    void talliesAreServedGzippedToClientsThatAcceptItWithTheSameContent() throws Exception {
        UUID id = UUID.randomUUID();
        long before = total();
        send(UUID.randomUUID(), id, tagged(id, "xihu", null, "urban", List.of("urban")));
        await(() -> total() == before + 1, "the suggestion is counted");
        // RestAssured decompresses by default: ask for raw bytes with an explicit Accept-Encoding instead.
        var config = io.restassured.config.RestAssuredConfig.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        var gzipped = given().config(config).header("Accept-Encoding", "gzip").get("/api/v1/tallies")
                .then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding")
                .extract().asByteArray();
        var plain = given().config(config).header("Accept-Encoding", "identity").get("/api/v1/tallies")
                .then().statusCode(200).extract();
        assertEquals(null, plain.header("Content-Encoding"), "no encoding unless asked for");
        byte[] inflated;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            inflated = in.readAllBytes();
        }
        assertEquals(new String(plain.asByteArray(), java.nio.charset.StandardCharsets.UTF_8),
                new String(inflated, java.nio.charset.StandardCharsets.UTF_8), "the same tallies either way");
        assertTrue(gzipped.length < plain.asByteArray().length, "compressed: " + gzipped.length + " bytes");
    }

    @Test
    void badParametersAreProblems() {
        given().get("/api/v1/tallies/districts/atlantis").then().statusCode(404).contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
        given().queryParam("by", "planet").get("/api/v1/tallies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("by"));
        given().queryParam("size", 1000).get("/api/v1/suggestions").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }
}
