package io.planconsult.intake.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.planconsult.infra.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.intake.domain.Suggestion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class IdempotencyTest {

    private static final String STATION = "st-linan-01";

    @Inject
    IdempotencyKeys keys;
    @ConfigProperty(name = "intake.idempotency.ttl")
    Duration ttl;

    private static String body(String text) {
        return "{\"stationId\":\"" + STATION + "\",\"channel\":\"station\",\"text\":\"" + text + "\"}";
    }

    private static ExtractableResponse<Response> post(String token, String key, String body) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/suggestions").then().extract();
    }

    private static long storedWithText(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Suggestion.count("text", text));
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAndStoresNothingNew() {
        String text = "临安天目山景区公交班次太少，建议加密 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String token = TestTokens.staff(STATION);
        ExtractableResponse<Response> first = post(token, key, body(text));
        ExtractableResponse<Response> retry = post(token, key, body(text));

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.<String>path("id"), retry.path("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.body().asString(), retry.body().asString());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, storedWithText(text));
        assertEquals(1, eventsFor(first.path("id")), "one event only");
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String token = TestTokens.staff(STATION);
        String firstText = "临安山核桃产业链延伸建议 " + UUID.randomUUID();
        String otherText = "临安山核桃品牌推广建议 " + UUID.randomUUID();
        assertEquals(201, post(token, key, body(firstText)).statusCode());
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body(otherText))
                .post("/api/v1/suggestions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://planconsult.io/problems/idempotency-key-reused"))
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(0, storedWithText(otherText));
    }

    @Test
    void twoConcurrentIdenticalPostsMakeOneSuggestionAndOneEvent() throws Exception {
        String text = "临安城区到青山湖科技城的通勤公交建议 " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String token = TestTokens.staff(STATION);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<ExtractableResponse<Response>>> calls = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return post(token, key, body(text));
                    }, pool)).toList();
            ExtractableResponse<Response> a = calls.get(0).get();
            ExtractableResponse<Response> b = calls.get(1).get();
            assertEquals(201, a.statusCode(), a.body().asString());
            assertEquals(201, b.statusCode(), b.body().asString());
            assertEquals(a.<String>path("id"), b.path("id"), "both callers get the same suggestion");
            assertEquals(1, storedWithText(text));
            assertEquals(1, eventsFor(a.path("id")), "one outbox event reached the topic");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String text = "临安区农村电商物流网点建议 " + UUID.randomUUID();
        String viaStaff = post(TestTokens.staff(STATION), key, body(text)).path("id");
        String viaAdmin = post(TestTokens.admin(), key, body(text)).path("id");
        assertNotEquals(viaStaff, viaAdmin, "another caller's key never answers for us");
        assertEquals(2, storedWithText(text));
    }

    @Test
    void anExpiredKeyIsPurgedAndMayBeUsedAgain() {
        // %test.intake.idempotency.ttl is a few seconds: wait until this key has outlived it
        String key = UUID.randomUUID().toString();
        String token = TestTokens.staff(STATION);
        Instant expires = Instant.now().plus(ttl);
        String first = post(token, key, body("临安区老旧小区加装电梯建议 " + UUID.randomUUID())).path("id");
        Await.await(() -> Instant.now().isAfter(expires), ttl.plusSeconds(30), "the key's time to live is over");
        assertTrue(keys.purgeExpired() >= 1, "the expired key was purged");
        ExtractableResponse<Response> again = post(token, key, body("临安区社区食堂建议 " + UUID.randomUUID()));
        assertEquals(201, again.statusCode());
        assertNotEquals(first, again.path("id"));
    }

    @Test
    void aMalformedKeyIsAProblem() {
        given().auth().oauth2(TestTokens.staff(STATION)).header("Idempotency-Key", "has spaces in it")
                .contentType(ContentType.JSON)
                .body(body("临安建议")).post("/api/v1/suggestions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    private static long eventsFor(String id) {
        try (TopicProbe probe = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(),
                Topics.SUGGESTIONS_SUBMITTED)) {
            probe.awaitKey(id, Duration.ofSeconds(30)).orElseThrow();
            // wait a little for a second copy, which must never come
            List<ConsumerRecord<String, String>> all = probe.awaitCount(r -> id.equals(r.key()), 2,
                    Duration.ofSeconds(3));
            return all.size();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
