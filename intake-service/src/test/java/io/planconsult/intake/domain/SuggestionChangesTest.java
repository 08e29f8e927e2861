package io.planconsult.intake.domain;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.infra.testing.TestTokens;
import io.planconsult.intake.testing.TaggedTopic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Amendments and withdrawals, on the real broker and PostgreSQL. */
@QuarkusTest
class SuggestionChangesTest {

    private static final String STATION = "st-tonglu-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    static String submit(String station, String text) {
        return given().auth().oauth2(TestTokens.staff(station)).contentType(ContentType.JSON)
                .body(Map.of("stationId", station, "text", text, "channel", "station"))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
    }

    static ConsumerRecord<String, String> awaitEvent(String topic, String key, String type) {
        try (TopicProbe probe = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(), topic)) {
            return probe.await(r -> key.equals(r.key()) && type.equals(
                    TopicProbe.header(r, CloudEventAttributes.HEADER_TYPE)),
                    Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no " + type + " for " + key + " on "
                    + topic));
        }
    }

    static JsonPath suggestion(String id) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void anAmendmentRaisesTheRevisionAndPublishesTheWholeCurrentState() throws Exception {
        String id = submit(STATION, "桐庐县富春江沿岸骑行道建设建义，联系电话 13857162394");
        String fixed = "桐庐县富春江沿岸骑行道建设建议，联系电话 13857162394";

        given().auth().oauth2(TestTokens.staff(STATION)).contentType("application/merge-patch+json; charset=UTF-8")
                .body(Map.of("text", fixed, "channel", "forum"))
                .patch("/api/v1/suggestions/" + id)
                .then().statusCode(200).body("revision", equalTo(1)).body("text", equalTo(null))
                .body("channel", equalTo("forum"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/text").then()
                .body("text", equalTo(fixed));

        ConsumerRecord<String, String> record = awaitEvent(Topics.SUGGESTIONS_SUBMITTED, id,
                EventTypes.SUGGESTION_AMENDED);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(1, event.get("revision").asInt());
        assertFalse(event.has("text") || record.value().contains("13857162394"), "the raw text travels sealed only");
        byte[] key = QuarkusTransaction.requiringNew().call(() -> java.util.Base64.getDecoder().decode(
                TextKey.<TextKey>findById(UUID.fromString(id)).keyBase64));
        assertEquals(fixed, io.planconsult.contract.SealedText.open(key, UUID.fromString(id),
                event.get("sealedText").asText()));
        assertEquals("forum", event.get("channel").asText());
        assertEquals("tonglu", event.get("stationDistrict").asText());
        assertEquals(STATION, event.get("stationId").asText());

        String trail = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id + "/audit").then()
                .statusCode(200)
                .body("action", equalTo(List.of("submitted", "amended", "text-read")))
                .body("[1].fields", equalTo(List.of("text", "channel")))
                .body("[1].actor", equalTo("staff-" + STATION))
                .body("[1].role", equalTo("station-staff"))
                .extract().asString();
        assertFalse(trail.contains("富春江") || trail.contains("13857162394"), "the audit trail never holds the text");
    }

    @Test
    void anAmendmentGivingTheSameValuesChangesNothing() {
        String id = submit(STATION, "桐庐县城公共停车位不足 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("channel", "station"))
                .patch("/api/v1/suggestions/" + id).then().statusCode(200).body("revision", equalTo(0));
    }

    @Test
    void anEmptyAmendmentIsAProblem() {
        String id = submit(STATION, "桐庐县乡村民宿规范建议 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON).body("{}")
                .patch("/api/v1/suggestions/" + id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON).body(Map.of("channel", "fax"))
                .patch("/api/v1/suggestions/" + id).then().statusCode(400).body("errors[0].field", equalTo("channel"));
        assertEquals(0, suggestion(id).getInt("revision"));
    }

    @Test
    void aWithdrawalIsPublishedAndFinal() {
        String id = submit(STATION, "桐庐县快递进村建议 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.staff(STATION)).post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        ConsumerRecord<String, String> record = awaitEvent(Topics.SUGGESTIONS_SUBMITTED, id,
                EventTypes.SUGGESTION_WITHDRAWN);
        assertFalse(record.value().contains("快递"), "a withdrawal carries no text");

        given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON).body(Map.of("text", "改"))
                .patch("/api/v1/suggestions/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://planconsult.io/problems/withdrawn"));
        given().auth().oauth2(TestTokens.staff(STATION)).post("/api/v1/suggestions/" + id + "/withdrawal").then()
                .statusCode(409);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(Map.of("primaryTopic", "urban"))
                .put("/api/v1/suggestions/" + id + "/topics").then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/audit").then()
                .body("action", equalTo(List.of("submitted", "withdrawn")));
    }

    @Test
    void aTaggedEventNeverMovesAWithdrawnSuggestionBackToTagged() {
        String withdrawn = submit(STATION, "桐庐县垃圾分类宣传建议 " + UUID.randomUUID());
        String control = submit(STATION, "桐庐县图书馆延长开放时间建议 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + withdrawn + "/withdrawal").then()
                .statusCode(200);
        // Same record key: one partition, so once the control is TAGGED the earlier record was handled too.
        sendTagged(withdrawn, withdrawn, 0, "urban");
        sendTagged(withdrawn, control, 0, "culture");
        awaitStatus(control, "TAGGED");
        assertEquals("WITHDRAWN", suggestion(withdrawn).getString("status"));
    }

    @Test
    void aTaggingOfAnOlderRevisionDoesNotCountForTheAmendedText() {
        String id = submit(STATION, "桐庐县公交线路优化建义 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("text", "桐庐县公交线路优化建议"))
                .patch("/api/v1/suggestions/" + id).then().statusCode(200);
        String control = submit(STATION, "桐庐县夜间公交建议 " + UUID.randomUUID());
        sendTagged(id, id, 0, "urban");
        sendTagged(id, control, 0, "urban");
        awaitStatus(control, "TAGGED");
        assertNotEquals("TAGGED", suggestion(id).getString("status"), "revision 0's tagging is stale");
        sendTagged(id, id, 1, "urban");
        awaitStatus(id, "TAGGED");
    }

    static void sendTagged(String recordKey, String id, int revision, String topic) {
        TaggedTopic.publish(recordKey, TaggedTopic.body(id, STATION, "tonglu", topic, "redacted " + id, revision));
    }

    static void awaitStatus(String id, String wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!wanted.equals(suggestion(id).getString("status"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " did not become " + wanted);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
