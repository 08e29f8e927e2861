package io.planconsult.intake.domain;

import static io.restassured.RestAssured.given;
import static io.planconsult.intake.domain.SuggestionChangesTest.awaitStatus;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.TestTokens;
import io.planconsult.intake.testing.TaggedTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Least privilege for people: the redacted text by default, the raw text for admins only, every raw read audited. */
@QuarkusTest
class RawTextAccessTest {

    private static final String STATION = "st-fuyang-02";
    private static final String PHONE = "13857162394";

    private static String submit(String text) {
        return given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON)
                .body(Map.of("stationId", STATION, "channel", "station", "text", text))
                .post("/api/v1/suggestions").then().statusCode(201).extract().path("id");
    }

    /** Publishes the tagging service's answer for revision 0 and waits until intake has it. */
    static void tag(String id, String redacted) {
        TaggedTopic.publish(id, TaggedTopic.body(id, STATION, "fuyang", "urban", redacted, 0));
        awaitStatus(id, "TAGGED");
    }

    @Test
    void analystsAndStaffSeeNoTextUntilItIsRedactedThenTheRedactedText() {
        String raw = "富阳区富春江绿道照明建议，电话 " + PHONE + " " + UUID.randomUUID();
        String id = submit(raw);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("text", nullValue());

        String redacted = raw.replace(PHONE, "[电话]");
        tag(id, redacted);
        for (String token : List.of(TestTokens.analyst(), TestTokens.staff(STATION), TestTokens.admin())) {
            String body = given().auth().oauth2(token).get("/api/v1/suggestions/" + id).then().statusCode(200)
                    .body("text", equalTo(redacted)).extract().asString();
            assertFalse(body.contains(PHONE), body);
        }
    }

    @Test
    void onlyAnAdminReadsTheRawTextAndEachReadIsAudited() {
        String raw = "富阳区银湖街道公交线路建议，电话 " + PHONE + " " + UUID.randomUUID();
        String id = submit(raw);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id + "/text").then().statusCode(403);
        given().auth().oauth2(TestTokens.staff(STATION)).get("/api/v1/suggestions/" + id + "/text").then()
                .statusCode(403);

        for (int read = 0; read < 2; read++) {
            given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/text").then().statusCode(200)
                    .body("text", equalTo(raw)).body("revision", equalTo(0));
        }
        String trail = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/suggestions/" + id + "/audit").then()
                .body("action", equalTo(List.of("submitted", "text-read", "text-read")))
                .body("[1].role", equalTo("admin"))
                .body("[1].fields", equalTo(List.of("text")))
                .extract().asString();
        assertFalse(trail.contains(PHONE) || trail.contains("银湖"), "the audit trail holds no text");
        assertEquals(404, given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/suggestions/" + UUID.randomUUID() + "/text")
                .statusCode());
    }
}
