package io.planconsult.intake.domain;

import static io.restassured.RestAssured.given;
import static io.planconsult.intake.domain.SuggestionChangesTest.awaitStatus;
import static io.planconsult.intake.domain.SuggestionChangesTest.suggestion;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.TestTokens;
import io.planconsult.intake.testing.TaggedTopic;
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

    private static String storedText(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Suggestion.<Suggestion>findById(UUID.fromString(id)).text);
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

    /** The tagging service's answer for a suggestion, as it appears on the public tagged topic. */
    private static void publishTagged(String id, String redacted) {
        TaggedTopic.publish(id, TaggedTopic.body(id, STATION, "linping", "urban", redacted, 0));
    }

    private static String awaitText(String id, String expected) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String text = suggestion(id).getString("text");
        while (!expected.equals(text) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            text = suggestion(id).getString("text");
        }
        return text;
    }

    @Test
    void erasureBeforeTheTextIsRedactedRemovesTheContactAtOnceAndTheTextWhenTheRedactionArrives() {
        String raw = "临平区社区医院夜间门诊建议，电话 " + PHONE + " " + UUID.randomUUID();
        String id = submitWithContact(raw);
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/erasure")
                .then().statusCode(202).body("contactRemoved", equalTo(true)).body("textRedacted", equalTo(false))
                .body("textRedactionPending", equalTo(true));
        assertNull(storedContact(id), "the contact is deleted at once");
        assertEquals(raw, storedText(id), "the text waits for its redaction");

        String redacted = raw.replace(PHONE, "[电话]");
        publishTagged(id, redacted);
        assertEquals(redacted, awaitText(id, redacted));
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id + "/audit").then()
                .body("action", equalTo(List.of("submitted", "erased", "erased")))
                .body("[1].fields", equalTo(List.of("contact")))
                .body("[2].fields", equalTo(List.of("text", "text-key")));
    }

    @Test
    void erasureOfASuggestionWithdrawnBeforeItWasTaggedReplacesTheTextWhenTheRedactionArrives() {
        String raw = "临平区老街夜市噪音扰民，电话 " + PHONE + " " + UUID.randomUUID();
        String id = submitWithContact(raw);
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/withdrawal").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/erasure")
                .then().statusCode(202).body("textRedactionPending", equalTo(true));

        String redacted = raw.replace(PHONE, "[电话]");
        publishTagged(id, redacted);
        assertEquals(redacted, awaitText(id, redacted));
        assertEquals("WITHDRAWN", suggestion(id).getString("status"), "a withdrawn suggestion stays withdrawn");
    }

    @Test
    void erasureRemovesTheContactAndReplacesTheTextWithItsRedactedForm() {
        String raw = "临平区公园增加健身设施，联系电话 " + PHONE + " " + UUID.randomUUID();
        String id = submitWithContact(raw);
        String redacted = raw.replace(PHONE, "[电话]");
        publishTagged(id, redacted);
        awaitStatus(id, "TAGGED");

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/suggestions/" + id + "/erasure")
                .then().statusCode(200).body("contactRemoved", equalTo(true)).body("textRedacted", equalTo(true))
                .body("textRedactionPending", equalTo(false));

        assertEquals(redacted, suggestion(id).getString("text"));
        assertNull(storedContact(id));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/contact").then().statusCode(404);
        String trail = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id + "/audit").then()
                .body("action", equalTo(List.of("submitted", "erased")))
                .body("[1].fields", equalTo(List.of("contact", "text", "text-key")))
                .body("[1].role", equalTo("admin"))
                .extract().asString();
        assertFalse(trail.contains(PHONE) || trail.contains("公园"), "the audit trail holds neither text nor contact");
    }
}
