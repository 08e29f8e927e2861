package io.planconsult.intake.domain;

import static io.restassured.RestAssured.given;
import static io.planconsult.intake.domain.SuggestionChangesTest.awaitEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SealedText;
import io.planconsult.contract.Topics;
import io.planconsult.intake.ServiceTokenTestResource;
import io.planconsult.intake.rest.TextKeyResource;
import io.planconsult.infra.testing.TestTokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Crypto-shredding: the raw text is on the internal topic only sealed; the tagging service's token gets the key that
 * opens it; erasure deletes the key, so the event already on the topic no longer opens.
 */
@QuarkusTest
class TextKeyTest {

    private static final String STATION = "st-tonglu-02";
    private static final String PHONE = "13857162394";

    private static String keyOf(String id) {
        return given().header("Authorization", "Bearer " + ServiceTokenTestResource.token())
                .get("/internal/v1/text-keys/" + id).then().statusCode(200).extract().path("key");
    }

    @Test
    void theSubmittedEventCarriesTheTextSealedAndOnlyTheSuggestionsKeyOpensIt() throws Exception {
        String raw = "桐庐县城公交站台遮阳棚建议，电话 " + PHONE + " " + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("stationId", STATION, "channel", "station", "text", raw))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> record = awaitEvent(Topics.SUGGESTIONS_SUBMITTED, id,
                EventTypes.SUGGESTION_SUBMITTED);
        assertFalse(record.value().contains(PHONE) || record.value().contains("遮阳棚"), "no raw text on the topic");
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertFalse(event.has("text"));
        assertEquals(raw, SealedText.open(Base64.getDecoder().decode(keyOf(id)), UUID.fromString(id),
                event.get("sealedText").asText()));
    }

    @Test
    void erasureShredsTheKeySoTheEventAlreadyOnTheTopicNoLongerOpens() {
        String raw = "桐庐县富春江游步道建议，电话 " + PHONE + " " + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("stationId", STATION, "channel", "station", "text", raw))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        keyOf(id);
        RawTextAccessTest.tag(id, raw.replace(PHONE, "[电话]"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/erasure").then().statusCode(200);
        given().header("Authorization", "Bearer " + ServiceTokenTestResource.token())
                .get("/internal/v1/text-keys/" + id).then().statusCode(404);
        assertEquals(0L, (long) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> TextKey.count("suggestionId", UUID.fromString(id))));
    }

    @Test
    void theKeyNeedsTheServiceTokenNotAPeoplesToken() {
        String id = given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("stationId", STATION, "channel", "station", "text", "桐庐县图书馆延长开放时间建议"))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
        given().get("/internal/v1/text-keys/" + id).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/internal/v1/text-keys/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer " + ServiceTokenTestResource.token() + "x")
                .get("/internal/v1/text-keys/" + id)
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + ServiceTokenTestResource.token())
                .get("/internal/v1/text-keys/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void oneLookupAnswersABatchsKeysAndLeavesOutTheErasedAndTheUnknown() {
        String kept = post("桐庐县城区增设公共充电桩建议 " + UUID.randomUUID());
        String erased = post("桐庐县江南镇村道路灯建议，电话 " + PHONE + " " + UUID.randomUUID());
        RawTextAccessTest.tag(erased, "桐庐县江南镇村道路灯建议，电话 [电话]");
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + erased + "/erasure").then()
                .statusCode(200);
        String unknown = UUID.randomUUID().toString();

        List<Map<String, String>> keys = given().header("Authorization", "Bearer " + ServiceTokenTestResource.token())
                .contentType(ContentType.JSON).body(Map.of("suggestionIds", List.of(unknown, kept, erased)))
                .post("/internal/v1/text-keys/lookup").then().statusCode(200).extract().path("keys");

        assertEquals(List.of(kept), keys.stream().map(k -> k.get("suggestionId")).toList());
        assertEquals(keyOf(kept), keys.get(0).get("key"));
    }

    @Test
    void theLookupNeedsTheServiceTokenAndABoundedListOfIds() {
        given().contentType(ContentType.JSON).body(Map.of("suggestionIds", List.of(UUID.randomUUID())))
                .post("/internal/v1/text-keys/lookup").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("suggestionIds", List.of(UUID.randomUUID()))).post("/internal/v1/text-keys/lookup")
                .then().statusCode(401);
        List<String> tooMany = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString())
                .limit(TextKeyResource.MAX_LOOKUP + 1).toList();
        for (Object body : List.of(Map.of("suggestionIds", tooMany), Map.of("ids", List.of()))) {
            given().header("Authorization", "Bearer " + ServiceTokenTestResource.token()).contentType(ContentType.JSON)
                    .body(body).post("/internal/v1/text-keys/lookup").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("suggestionIds"));
        }
    }

    private static String post(String text) {
        return given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("stationId", STATION, "channel", "station", "text", text))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
    }
}
