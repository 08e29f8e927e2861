package io.planconsult.intake.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.PrometheusSamples;
import io.planconsult.infra.testing.TestTokens;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A small load, then a scrape of /q/metrics: every intake meter the runbook names moved or is present. */
@QuarkusTest
class IntakeMetricsTest {

    private static final String REQUESTS = "planconsult_intake_requests_total";

    static PrometheusSamples scrape() {
        return PrometheusSamples.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static String post(String station, String text) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("stationId", station, "text", text, "channel", "station"))
                .post("/api/v1/suggestions").then().extract().path("id");
    }

    @Test
    void acceptedAndRefusedPostsAreCountedByReasonWithoutSuggestionIds() {
        PrometheusSamples before = scrape();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post("st-xihu-01", "建议西湖区增加社区养老服务站点，第" + i + "条"));
        }
        post("st-nowhere-99", "建议增加公交线路");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"stationId\":")
                .post("/api/v1/suggestions").then().statusCode(400);

        PrometheusSamples after = scrape();
        Map<String, String> accepted = Map.of("endpoint", "suggestions", "outcome", "accepted");
        Map<String, String> unknownStation = Map.of("endpoint", "suggestions", "outcome", "refused", "reason",
                "unknown-station");
        Map<String, String> refused = Map.of("endpoint", "suggestions", "outcome", "refused");
        assertTrue(after.sum(REQUESTS, accepted) - before.sum(REQUESTS, accepted) >= 3, "accepted counted");
        assertTrue(after.sum(REQUESTS, unknownStation) - before.sum(REQUESTS, unknownStation) >= 1,
                "refusal by reason");
        assertTrue(after.sum(REQUESTS, refused) - before.sum(REQUESTS, refused) >= 2, "every refusal counted");
        String text = given().get("/q/metrics").then().extract().asString();
        ids.forEach(id -> assertFalse(text.contains(id), "no meter names a suggestion"));
    }

    @Test
    void outboxGaugesAndConsumerLagPerPartitionAreExposed() throws InterruptedException {
        post("st-binjiang-01", "建议滨江区建设更多口袋公园");
        PrometheusSamples samples = scrape();
        assertFalse(samples.find("planconsult_intake_outbox_backlog_rows", Map.of()).isEmpty(), "backlog gauge");
        assertFalse(samples.find("planconsult_intake_outbox_oldest_age_seconds", Map.of()).isEmpty(),
                "oldest age gauge");
        assertFalse(samples.find("planconsult_intake_outbox_parked_rows", Map.of()).isEmpty(), "parked gauge");
        double backlog = samples.sum("planconsult_intake_outbox_backlog_rows", Map.of());
        assertTrue(backlog >= 0, "backlog read from the table, not NaN: " + backlog);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<PrometheusSamples.Sample> lag;
        do {
            lag = scrape().find("kafka_consumer_fetch_manager_records_lag",
                    Map.of("topic", "planconsult.suggestions.tagged.v1"));
        } while (lag.isEmpty() && System.nanoTime() < deadline && sleep());
        assertFalse(lag.isEmpty(), "consumer lag of the tagged topic");
        assertTrue(lag.stream().allMatch(s -> s.labels().containsKey("partition")), "lag is per partition");
        // Kafka's per-topic producer meters appear after the first send; Micrometer picks new ones up once a minute.
        Map<String, String> submitted = Map.of("topic", "planconsult.suggestions.submitted.v1");
        PrometheusSamples last;
        do {
            last = scrape();
        } while (last.sum("kafka_producer_topic_record_send_total", submitted) < 1 && System.nanoTime() < deadline
                + 90_000_000_000L
                && sleep());
        assertTrue(last.sum("kafka_producer_topic_record_send_total", submitted) >= 1,
                "the outbox producer's sends per topic");
    }

    @Test
    void theStatusListenersDeadLettersAreCounted() {
        PrometheusSamples before = scrape();
        TopicProbe.send(KafkaBrokerTestResource.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED,
                UUID.randomUUID().toString(), "not json", Map.of());
        Map<String, String> poison = Map.of("channel", "suggestions-tagged", "kind", "poison");
        Await.await(() -> scrape().movedSince(before,
                "planconsult_consumer_dead_letters_total", poison) >= 1, "the unreadable record is counted");
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }

    @Test
    void asyncApiDocumentAndItsSchemasAreServedBesideOpenApi() {
        given().get("/q/openapi").then().statusCode(200);
        String doc = given().get("/asyncapi/asyncapi.yaml").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(doc.startsWith("asyncapi: 3.0.0"),
                doc.substring(0, Math.min(80, doc.length())));
        given().get("/asyncapi/schemas/suggestion-tagged.v1.json").then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("SuggestionTagged v1"));
    }
}
