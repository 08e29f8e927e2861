package io.planconsult.intake.domain;

import static io.restassured.RestAssured.given;
import static io.planconsult.intake.domain.SuggestionChangesTest.awaitEvent;
import static io.planconsult.intake.domain.SuggestionChangesTest.submit;
import static io.planconsult.intake.domain.SuggestionChangesTest.suggestion;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Analysts' re-tags and merges, read back from the real corrections topic. */
@QuarkusTest
class CorrectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonPath retag(String id, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/suggestions/" + id + "/topics").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aHumanRetagIsStoredAuditedAndPublishedWithARisingSequence() throws Exception {
        String id = submit("st-jiande-01", "建德市新安江沿岸算力中心建设建议 " + UUID.randomUUID());
        long first = retag(id, Map.of("primaryTopic", "ai", "labels", List.of("industry"))).getLong("sequence");
        JsonPath second = retag(id, Map.of("primaryTopic", "ai", "labels", List.of("ai", "gaps")));
        assertTrue(second.getLong("sequence") > first, "sequence rises");
        assertEquals(List.of("ai", "gaps"), second.getList("labels"));

        ConsumerRecord<String, String> record = awaitEvent(Topics.CORRECTIONS, id, EventTypes.SUGGESTION_RETAGGED);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(first, event.get("sequence").asLong(), "the first re-tag is the first record under this key");
        assertEquals("ai", event.get("primaryTopic").asText());
        assertEquals(List.of("ai", "industry"), List.of(event.get("labels").get(0).asText(),
                event.get("labels").get(1).asText()));
        assertTrue(!record.value().contains("新安江"), "no text on the public corrections topic");

        JsonPath view = suggestion(id);
        assertEquals("ai", view.getString("humanPrimaryTopic"));
        assertEquals(List.of("ai", "gaps"), view.getList("humanLabels"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/audit").then()
                .body("action", equalTo(List.of("submitted", "retagged", "retagged")))
                .body("[2].role", equalTo("analyst"));
    }

    @Test
    void aRetagWithUnknownCodesIsAProblemNamingThemAndChangesNothing() {
        String id = submit("st-jiande-01", "建德草莓小镇农旅融合建议 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(Map.of("primaryTopic", "tourism", "labels", List.of("ai", "weather")))
                .put("/api/v1/suggestions/" + id + "/topics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("primaryTopic")).body("errors.field", hasItem("labels[1]"));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(Map.of("primaryTopic", "ai", "labels", List.of("industry", "gaps", "urban")))
                .put("/api/v1/suggestions/" + id + "/topics")
                .then().statusCode(400).body("errors.field", hasItem("labels"));
        assertNull(suggestion(id).getString("humanPrimaryTopic"));
    }

    @Test
    void aMergeMakesTheEarliestReceivedTheClusterFirstAndPublishesUnderTheClusterId() throws Exception {
        String a = submit("st-jiande-01", "建德到杭州的城际铁路班次建议 " + UUID.randomUUID());
        String b = submit("st-jiande-02", "建议增加建德至杭州城际列车班次 " + UUID.randomUUID());
        String c = submit("st-tonglu-01", "杭州至建德城际铁路加密班次 " + UUID.randomUUID());
        String cluster = EventIds.cluster(UUID.fromString(a)).toString();

        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(Map.of("suggestionIds", List.of(c, a, b)))
                .post("/api/v1/duplicates/merges")
                .then().statusCode(200)
                .body("clusterId", equalTo(cluster))
                .body("clusterFirstSuggestionId", equalTo(a))
                .body("suggestionIds", equalTo(List.of(a, b, c)));

        ConsumerRecord<String, String> record = awaitEvent(Topics.CORRECTIONS, cluster, EventTypes.SUGGESTIONS_MERGED);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(a, event.get("clusterFirstSuggestionId").asText());
        assertEquals(3, event.get("suggestionIds").size());
        assertTrue(event.get("sequence").asLong() > 0);
        for (String id : List.of(a, b, c)) {
            assertEquals(cluster, suggestion(id).getString("mergedClusterId"));
            given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/audit").then()
                    .body("action", hasItem("merged"));
        }
    }

    @Test
    void aMergeOfUnknownOrTooFewOrWithdrawnSuggestionsIsRefused() {
        String a = submit("st-jiande-01", "建德市民卡乘车优惠建议 " + UUID.randomUUID());
        String b = submit("st-jiande-01", "建德市民卡公交优惠 " + UUID.randomUUID());
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(Map.of("suggestionIds", List.of(a, unknown)))
                .post("/api/v1/duplicates/merges").then().statusCode(400)
                .body("errors.field", hasItem("suggestionIds[1]"));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(Map.of("suggestionIds", List.of(a, a)))
                .post("/api/v1/duplicates/merges").then().statusCode(400)
                .body("errors.field", hasItem("suggestionIds"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + b + "/withdrawal").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON)
                .body(Map.of("suggestionIds", List.of(a, b)))
                .post("/api/v1/duplicates/merges").then().statusCode(409);
        assertNull(suggestion(a).getString("mergedClusterId"));
    }
}
