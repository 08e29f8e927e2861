package io.planconsult.reporting.messaging;

import static io.planconsult.infra.testing.Await.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.PrometheusSamples;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.reporting.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A small load through the real consumers (new events, a redelivery, a poison record) and tally reads, then a scrape of
 * /q/metrics: applied events, duplicates, dead letters and tally query time moved, and each consumer's lag is there
 * per partition.
 */
@QuarkusTest
class ReportingMetricsTest {

    private static final String APPLIED = "planconsult_reporting_events_applied_total";
    private static final String DEAD_LETTERS = "planconsult_consumer_dead_letters_total";
    private static final String QUERY_COUNT = "planconsult_reporting_tally_query_seconds_count";
    private static final String LAG = "kafka_consumer_fetch_manager_records_lag";
    private static final String TAGGED = "suggestions-tagged";

    @Inject
    ObjectMapper mapper;

    private static PrometheusSamples scrape() {
        return PrometheusSamples.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    @Test
    void appliedEventsDuplicatesDeadLettersAndTallyQueryTimeAreMetered() {
        PrometheusSamples before = scrape();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID redelivered = UUID.randomUUID();
        for (UUID id : ids) {
            UUID eventId = id.equals(ids.getFirst()) ? redelivered : UUID.randomUUID();
            TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, id.toString(), eventId, EventTypes.SUGGESTION_TAGGED,
                    TestEvents.tagged(id, 0, "xihu", "station", "urban", id));
        }
        TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, ids.getFirst().toString(), redelivered,
                EventTypes.SUGGESTION_TAGGED,
                TestEvents.tagged(ids.getFirst(), 0, "xihu", "station", "urban", ids.getFirst()));
        // Poison: no CloudEvents id.
        TopicProbe.send(KafkaBrokerTestResource.broker().bootstrapServers(), Topics.SUGGESTIONS_TAGGED,
                UUID.randomUUID().toString(), "{}",
                Map.of(CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_TAGGED));

        await(() -> {
            PrometheusSamples now = scrape();
            return now.movedSince(before, APPLIED, Map.of("channel", TAGGED, "outcome", "applied")) >= 3
                    && now.movedSince(before, APPLIED, Map.of("channel", TAGGED, "outcome", "duplicate")) >= 1
                    && now.movedSince(before, DEAD_LETTERS, Map.of("channel", TAGGED, "kind", "poison")) >= 1;
        }, Duration.ofSeconds(90), "the consumer applied the events, skipped the redelivery, dead-lettered the poison");

        given().queryParam("by", "station").get("/api/v1/tallies").then().statusCode(200);
        given().queryParam("by", "week").get("/api/v1/tallies").then().statusCode(200);
        PrometheusSamples after = scrape();
        assertTrue(after.movedSince(before, QUERY_COUNT, Map.of("query", "tallies", "by", "station")) >= 1, "station");
        assertTrue(after.movedSince(before, QUERY_COUNT, Map.of("query", "tallies", "by", "week")) >= 1, "by week");
        assertFalse(after.find("planconsult_reporting_tally_query_seconds_bucket", Map.of("by", "week")).isEmpty(),
                "query time is a histogram (the dashboard's p95)");

        for (String topic : List.of(Topics.SUGGESTIONS_TAGGED, Topics.CORRECTIONS, Topics.FORUMS)) {
            List<PrometheusSamples.Sample> lag = PrometheusSamples.await(ReportingMetricsTest::scrape, LAG,
                    Map.of("topic", topic), Duration.ofSeconds(90));
            assertFalse(lag.isEmpty(), "lag of the consumer of " + topic);
            assertTrue(lag.stream().allMatch(s -> s.labels().containsKey("partition")), "per partition: " + topic);
        }
        String text = given().get("/q/metrics").then().extract().asString();
        ids.forEach(id -> assertFalse(text.contains(id.toString()), "no meter names a suggestion"));
    }

}
