package io.planconsult.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.TestTokens;
import io.planconsult.intake.domain.Suggestion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** One test per class of hostile or broken input: each a problem+json 4xx naming the field, and nothing stored. */
@QuarkusTest
class HostileInputTest {

    private static final String STATION = "st-xiaoshan-02";

    private static long stored() {
        return QuarkusTransaction.requiringNew().call(() -> Suggestion.count());
    }

    private static ValidatableResponse post(Object body) {
        var request = given().auth().oauth2(TestTokens.staff(STATION)).contentType(ContentType.JSON);
        return (body instanceof byte[] bytes ? request.body(bytes) : request.body(body)).post("/api/v1/suggestions")
                .then();
    }

    /** Runs a request that must be refused and checks that nothing was stored. */
    private static ValidatableResponse refused(int status, Supplier<ValidatableResponse> call) {
        long before = stored();
        ValidatableResponse response = call.get().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("type", startsWith("https://planconsult.io/problems/"));
        assertEquals(before, stored(), "nothing stored");
        return response;
    }

    private static String json(String text) {
        return "{\"stationId\":\"" + STATION + "\",\"channel\":\"station\",\"text\":\"" + text + "\"}";
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        String huge = json("长".repeat(400_000)); // 1.2 MB in UTF-8, over the 1M limit
        refused(413, () -> post(huge.getBytes(StandardCharsets.UTF_8)))
                .body("type", equalTo("https://planconsult.io/problems/body-too-large"));
    }

    @Test
    void aTextOverTheLengthLimitIs400() {
        refused(400, () -> post(json("长".repeat(10_001)))).body("errors.field", hasItem("text"));
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        refused(400, () -> post("{\"stationId\":\"" + STATION + "\",\"chanel\":\"station\",\"text\":\"萧山建议\"}"))
                .body("type", equalTo("https://planconsult.io/problems/unknown-field"))
                .body("errors.field", hasItem("chanel"));
    }

    @Test
    void invalidUtf8Is400() {
        byte[] prefix = ("{\"stationId\":\"" + STATION + "\",\"channel\":\"station\",\"text\":\"萧山")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // a lead byte followed by no continuation
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        refused(400, () -> post(body)).body("type", equalTo("https://planconsult.io/problems/invalid-encoding"));
    }

    @Test
    void controlCharactersAre400() {
        refused(400, () -> post(json("萧山建议\\u0007响铃"))).body("errors.field", hasItem("text"))
                .body("errors[0].message", startsWith("must not contain control characters (U+0007"));
        refused(400, () -> post(json("萧山建议\\u0085"))).body("errors.field", hasItem("text"));
    }

    @Test
    void htmlIsStoredAsTextAndOnlyEverServedAsJson() {
        String text = "<script>alert('x')</script><img src=x onerror=alert(1)> 萧山建议";
        String id = post(Map.of("stationId", STATION, "channel", "station", "text", text)).statusCode(201).extract()
                .path("id");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/text")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body("text", equalTo(text));
    }

    @Test
    void emojiSupplementaryCharactersAndDirectionMarksAreAcceptedAsTheyAre() {
        String text = "建议👨‍👩‍👧‍👦👍🏽 𠀀𪚥 café (e\u0301) مرحبا\u200F 萧山";
        String id = post(Map.of("stationId", STATION, "channel", "station", "text", text)).statusCode(201).extract()
                .path("id");
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/suggestions/" + id + "/text").then()
                .body("text", equalTo(text));
    }

    @Test
    void bidiOverridesUnpairedSurrogatesAndStackedMarksAre400() {
        refused(400, () -> post(json("萧山\\u202Egnp.exe"))).body("errors[0].message",
                startsWith("must not contain bidirectional"));
        refused(400, () -> post(json("萧山\\ud800建议"))).body("errors[0].message",
                startsWith("must not contain an unpaired surrogate"));
        refused(400, () -> post(json("萧" + "\\u0301".repeat(20)))).body("errors.field", hasItem("text"));
    }

    @Test
    void numbersWhereStringsBelongAre400() {
        refused(400, () -> post("{\"stationId\":12,\"channel\":\"station\",\"text\":\"萧山建议\"}"))
                .body("errors.field", hasItem("stationId"));
        refused(400, () -> post("{\"stationId\":\"" + STATION + "\",\"channel\":\"station\",\"text\":12345}"))
                .body("errors.field", hasItem("text"));
        refused(400, () -> post("{\"stationId\":\"" + STATION + "\",\"channel\":true,\"text\":\"萧山建议\"}"))
                .body("errors.field", hasItem("channel"));
    }

    @Test
    void aStationInTheBodyOtherThanTheTokensIs403() {
        refused(403, () -> post(Map.of("stationId", "st-binjiang-01", "channel", "station", "text", "滨江建议")))
                .body("type", equalTo("https://planconsult.io/problems/forbidden-station"))
                .body("errors.field", hasItem("stationId"));
    }

    @Test
    void aStationOverItsRateLimitGets429WithRetryAfter() {
        // %test: st-qiantang-02 may write 3 times a minute
        String station = "st-qiantang-02";
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.staff(station)).contentType(ContentType.JSON)
                    .body(Map.of("stationId", station, "channel", "station", "text", "下沙大学城交通建议 " + i))
                    .post("/api/v1/suggestions").then().statusCode(201);
        }
        refused(429, () -> given().auth().oauth2(TestTokens.staff(station)).contentType(ContentType.JSON)
                .body(Map.of("stationId", station, "channel", "station", "text", "下沙大学城交通建议 3"))
                .post("/api/v1/suggestions").then())
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .body("type", equalTo("https://planconsult.io/problems/rate-limited"));
        post(Map.of("stationId", STATION, "channel", "station", "text", "萧山另一站点不受影响")).statusCode(201);
    }
}
