package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.outbox.OutboxEvent;
import io.planconsult.intake.testing.TaggedTopic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SuggestionResourceTest {

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    static String awaitStatus(String id, String wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            status = given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id).then().statusCode(200)
                    .extract().path("status");
        } while (!wanted.equals(status) && System.nanoTime() < deadline && pause());
        return status;
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void stationsCoverAllThirteenDistricts() {
        List<String> districts = given().get("/api/v1/stations").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(13))
                .extract().jsonPath().getList("district");
        assertEquals(13, Set.copyOf(districts).size());
    }

    @Test
    void acceptedSuggestionIsStoredAndPublishedWithCloudEventHeaders() {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("stationId", "st-binjiang-01", "text", "建议滨江区增加人工智能算力券覆盖面", "channel", "forum",
                        "submittedAt", "2026-11-20T09:30:00+08:00",
                        "submitter", Map.of("name", "李明", "phone", "13912345678")))
                .post("/api/v1/suggestions")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("RECEIVED"))
                .extract().path("id");

        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED)) {
            ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(30)).orElseThrow();
            assertEquals(EventTypes.SUGGESTION_SUBMITTED, TopicProbe.header(record, CloudEventAttributes.HEADER_TYPE));
            assertEquals("1.0", TopicProbe.header(record, CloudEventAttributes.HEADER_SPEC_VERSION));
            assertEquals(EventTypes.SOURCE_INTAKE, TopicProbe.header(record, CloudEventAttributes.HEADER_SOURCE));
            assertEquals(EventTypes.SCHEMA_VERSION, TopicProbe.header(record,
                    CloudEventAttributes.HEADER_SCHEMA_VERSION));
            assertTrue(TopicProbe.header(record, CloudEventAttributes.HEADER_ID).matches("[0-9a-f-]{36}"));
            assertTrue(TopicProbe.header(record, CloudEventAttributes.HEADER_TIME) != null);
            assertTrue(record.value().contains("\"stationDistrict\":\"binjiang\""), record.value());
            assertTrue(record.value().contains("2026-11-20T01:30:00Z"), record.value());
            assertFalse(record.value().contains("李明") || record.value().contains("13912345678"),
                    "contact data must not be in the event");
        }
        assertEquals("PUBLISHED", awaitStatus(id, "PUBLISHED"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("district", equalTo("binjiang"))
                .body("channel", equalTo("forum"));
    }

    @Test
    void taggedEventMovesStatusToTagged() {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("stationId", "st-xihu-01", "text", "西溪湿地周边停车难", "channel", "station"))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        TaggedTopic.publish(id, TaggedTopic.body(id, "st-xihu-01", "xihu", "urban", "西溪湿地周边停车难", 0));
        assertEquals("TAGGED", awaitStatus(id, "TAGGED"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id).then()
                .body("primaryTopic", equalTo("urban"));
    }

    static List<Object[]> badRequests() {
        return List.of(
                new Object[] {"{\"stationId\":\"no-such-station\",\"text\":\"建议\",\"channel\":\"station\"}", 422,
                "stationId"},
                new Object[] {"{\"stationId\":\"st-xihu-01\",\"text\":\"\",\"channel\":\"station\"}", 400, "text"},
                new Object[] {"{\"stationId\":\"st-xihu-01\",\"text\":\"" + "长".repeat(10_001)
                + "\",\"channel\":\"station\"}", 400, "text"},
                new Object[] {"{\"stationId\":\"st-xihu-01\",\"text\":\"建议\",\"channel\":\"fax\"}", 400, "channel"},
                new Object[] {"{\"stationId\":\"st-xihu-01\",\"text\":\"建议\",\"channel\":\"station\",\"submittedAt\""
                + ":\"yesterday\"}", 400, "submittedAt"},
                new Object[] {"{\"stationId\":\"st-xihu-01\",\"text\":\"建议\",", 400, "$"},
                new Object[] {"[1,2,3]", 400, "$"},
                new Object[] {"{\"stationId\":\"st-xihu-01\",\"text\":[\"a\"],\"channel\":\"station\"}", 400, "text"});
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void invalidSuggestionIsRejectedAsProblemNamingTheFieldAndNothingIsStored(String body, int status, String field) {
        long suggestionsBefore = storedSuggestions();
        awaitOutboxDrained();

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/suggestions")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://planconsult.io/problems/"))
                .body("errors.field", hasItem(field));

        assertEquals(suggestionsBefore, storedSuggestions());
        assertEquals(0, storedEvents(), "no event was queued");
    }

    private static long storedSuggestions() {
        return QuarkusTransaction.requiringNew().call(() -> Suggestion.count());
    }

    private static void awaitOutboxDrained() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (storedEvents() > 0 && System.nanoTime() < deadline && pause()) {
            // the relay deletes rows once Kafka has them
        }
        assertEquals(0, storedEvents(), "the outbox drains");
    }

    private static long storedEvents() {
        // Rows another test parked on purpose (OutboxRelayTest) are not backlog.
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("parkedAt is null"));
    }

    @Test
    void emptyBodyIsAProblem() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/api/v1/suggestions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownSuggestionIsNotFound() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eachEventIsPublishedOnceUnderItsOwnKey() {
        List<String> ids = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("stationId", "st-chunan-01", "text", "千岛湖旅游交通建议 " + i, "channel", "station"))
                .post("/api/v1/suggestions").then().statusCode(201).extract().<String>path("id")).toList();
        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED)) {
            List<ConsumerRecord<String, String>> records = probe.awaitCount(r -> ids.contains(r.key()), ids.size(),
                    Duration.ofSeconds(30));
            assertEquals(ids.size(), records.size());
            Map<String, Long> perKey = records.stream().collect(
                    Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertTrue(perKey.values().stream().allMatch(n -> n == 1), perKey.toString());
        }
    }
}
