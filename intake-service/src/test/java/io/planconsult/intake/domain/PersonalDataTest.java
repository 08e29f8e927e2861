package io.planconsult.intake.domain;

import static io.restassured.RestAssured.given;
import static io.planconsult.intake.domain.SuggestionChangesTest.awaitStatus;
import static io.planconsult.intake.domain.SuggestionChangesTest.suggestion;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.planconsult.infra.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Contact data at rest: admin-only reads, and erasure with the redacted text from the tagged topic. */
@QuarkusTest
class PersonalDataTest {

    private static final String STATION = "st-linping-01";
    private static final String PHONE = "13857162394";

    private static String submitWithContact(String text) {
        return given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("stationId", STATION, "channel", "station", "text", text,
                        "submitter", Map.of("name", "王芳", "phone", PHONE)))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
    }

    private static SubmitterContact storedContact(String id) {
        return QuarkusTransaction.requiringNew().call(() -> SubmitterContact.findById(UUID.fromString(id)));
    }

    @Test
    void anAdminReadsTheContactAndTheReadIsAudited() {
        String id = submitWithContact("临平区塘栖古镇停车建议 " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/contact")
                .then().statusCode(200).body("name", equalTo("王芳")).body("phone", equalTo(PHONE));
        String trail = given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/audit")
                .then().body("action", hasItem("contact-read")).extract().asString();
        assertFalse(trail.contains(PHONE) || trail.contains("王芳"), "the audit trail holds no contact data");
        given().auth().oauth2(TestTokens.staff(STATION)).get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("submitter")));
    }

    @Test
    void erasureBeforeTheTextIsRedactedIsAConflictAndChangesNothing() {
        String id = submitWithContact("临平区社区医院夜间门诊建议，电话 " + PHONE + " " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/erasure")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://planconsult.io/problems/not-yet-redacted"));
        assertNotNull(storedContact(id));
    }

    @Test
    void erasureRemovesTheContactAndReplacesTheTextWithItsRedactedForm() {
        String raw = "临平区公园增加健身设施，联系电话 " + PHONE + " " + UUID.randomUUID();
        String id = submitWithContact(raw);
        String redacted = raw.replace(PHONE, "[电话]");
        String tagged = """
                {"suggestionId":"%s","sourceEventId":"%s","stationId":"%s","stationDistrict":"linping","channel":"station",
                 "submittedAt":"2026-11-20T01:30:00Z","primaryTopic":"urban","topics":[{"code":"urban","score":0.9}],
                 "labels":["urban"],"textDistrict":"linping","redactedText":"%s","piiTypes":["phone"],"modelVersion":"m",
                 "taxonomyVersion":"t","needsReview":false,"keywords":[],"revision":0}
                """.formatted(id, UUID.randomUUID(), STATION, redacted);
        TopicProbe.send(KafkaBrokerTestResource.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED, id, tagged,
                Map.of(CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_TAGGED, CloudEventAttributes.HEADER_SPEC_VERSION, "1.0",
                        CloudEventAttributes.HEADER_ID, UUID.randomUUID().toString(), CloudEventAttributes.HEADER_SOURCE, "/test"));
        awaitStatus(id, "TAGGED");

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/erasure")
                .then().statusCode(200).body("contactRemoved", equalTo(true)).body("textRedacted", equalTo(true));

        assertEquals(redacted, suggestion(id).getString("text"));
        assertNull(storedContact(id));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/contact").then().statusCode(404);
        String trail = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id + "/audit").then()
                .body("action", equalTo(List.of("submitted", "erased")))
                .body("[1].fields", equalTo(List.of("contact", "text")))
                .body("[1].role", equalTo("admin"))
                .extract().asString();
        assertFalse(trail.contains(PHONE) || trail.contains("公园"), "the audit trail holds neither text nor contact");
    }
}
