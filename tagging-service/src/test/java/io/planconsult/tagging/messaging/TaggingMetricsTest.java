package io.planconsult.tagging.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.PrometheusSamples;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A small load through the real consumer (suggestions, one with a number the detectors miss, one poison record), then
 * a scrape of /q/metrics: each tagging meter the runbook names moved, the consumer's lag is there per partition, and
 * the tagged record continues the submitted record's trace.
 */
@QuarkusTest
class TaggingMetricsTest {

    private static final String TAGGED = "planconsult_tagging_tagged_total";
    private static final String RESIDUAL = "planconsult_tagging_residual_pii_total";
    private static final String STAGE_COUNT = "planconsult_tagging_stage_seconds_count";
    private static final String DEAD_LETTERS = "planconsult_consumer_dead_letters_total";

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    private static PrometheusSamples scrape() {
        return PrometheusSamples.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static Map<String, String> headers(UUID eventId, String traceparent) {
        Map<String, String> headers = new HashMap<>(TopicProbe.cloudEventHeaders(eventId,
                EventTypes.SUGGESTION_SUBMITTED,
                EventTypes.SOURCE_INTAKE));
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        return headers;
    }

    private static String submitted(UUID suggestionId, String text) {
        return SubmittedBodies.of(suggestionId, "xihu", text);
    }

    @Test
    void taggingStagesReviewFlagsResidualPiiAndDeadLettersAreMetered() {
        PrometheusSamples before = scrape();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        List<UUID> suggestions = new ArrayList<>();
        List<String> texts = List.of("建议西湖区增加社区养老服务站点，方便老人就近用餐。",
                "建议加快老旧小区加装电梯，业务编号12345678901234567890123。",
                "一是加强人工智能算力建设，二是推进老旧小区改造，三是发展夜间经济。");
        for (int i = 0; i < texts.size(); i++) {
            UUID suggestion = UUID.randomUUID();
            suggestions.add(suggestion);
            String traceparent = i == 0 ? "00-" + traceId + "-00f067aa0ba902b7-01" : null;
            TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, suggestion.toString(),
                    submitted(suggestion, texts.get(i)), headers(UUID.randomUUID(), traceparent));
        }
        // Poison: a type the submitted topic never carries.
        Map<String, String> poison = new HashMap<>(headers(UUID.randomUUID(), null));
        poison.put(CloudEventAttributes.HEADER_TYPE, "planconsult.unknown.v1");
        String poisonKey = UUID.randomUUID().toString();
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, poisonKey, "{}", poison);

        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED);
                TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            List<ConsumerRecord<String, String>> out = tagged.awaitCount(
                    r -> suggestions.stream().anyMatch(s -> s.toString().equals(r.key())), 3, Duration.ofSeconds(90));
            assertEquals(3, out.size(), "all three tagged");
            ConsumerRecord<String, String> first = out.stream()
                    .filter(r -> suggestions.getFirst().toString().equals(r.key())).findFirst().orElseThrow();
            String traceparent = TopicProbe.header(first, "traceparent");
            assertTrue(traceparent != null && traceparent.split("-")[1].equals(traceId),
                    "the tagged record continues the submitted record's trace: " + traceparent);
            assertTrue(dlq.awaitKey(poisonKey, Duration.ofSeconds(60)).isPresent(),
                    "the poison record reached the dead-letter topic");
        }

        PrometheusSamples after = scrape();
        assertTrue(after.movedSince(before, TAGGED, Map.of()) >= 3, "tagged counted");
        assertTrue(after.movedSince(before, TAGGED, Map.of("needs_review", "true")) >= 1, "the flagged one");
        assertFalse(after.find(TAGGED, Map.of()).stream().anyMatch(s -> !s.labels().containsKey("model_version")),
                "every tagged count names its model version");
        assertTrue(after.movedSince(before, RESIDUAL, Map.of()) >= 1, "the number the detectors missed");
        for (String stage : TaggingEngine.STAGES) {
            assertTrue(after.movedSince(before, STAGE_COUNT, Map.of("stage", stage)) >= 1, "stage " + stage + " timed");
        }
        assertTrue(after.movedSince(before, STAGE_COUNT, Map.of("stage", "dedup")) >= 3, "near-duplicate stage timed");
        assertFalse(after.find("planconsult_tagging_stage_seconds_bucket", Map.of("stage", "topics")).isEmpty(),
                "stage times are histograms (the dashboard's p95)");
        assertTrue(after.movedSince(before, DEAD_LETTERS,
                Map.of("channel", "suggestions-submitted", "kind", "poison")) >= 1,
                "dead letters counted");
        List<PrometheusSamples.Sample> lag = PrometheusSamples.await(TaggingMetricsTest::scrape,
                "kafka_consumer_fetch_manager_records_lag", Map.of("topic", Topics.SUGGESTIONS_SUBMITTED),
                Duration.ofSeconds(90));
        assertFalse(lag.isEmpty(), "the consumer's lag on the submitted topic");
        assertTrue(lag.stream().allMatch(s -> s.labels().containsKey("partition")), "lag is per partition");
        String text = given().get("/q/metrics").then().extract().asString();
        suggestions.forEach(s -> assertFalse(text.contains(s.toString()), "no meter names a suggestion"));
    }

}
