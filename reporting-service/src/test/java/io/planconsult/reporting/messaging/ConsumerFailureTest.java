package io.planconsult.reporting.messaging;

import io.planconsult.infra.testing.Await;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.tally.FaultInjectingLedger;
import io.planconsult.reporting.tally.TallyRecount;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An unexpected failure in any of the three consumers (a bug injected into the ledger for marked event ids,
 * {@link FaultInjectingLedger}) is retried a bounded number of times, then dead-lettered with the exception's class
 * and message; the record behind it on the same partition is applied, and readiness stays UP.
 */
@QuarkusTest
class ConsumerFailureTest {

    private static final String FLOWING = "reporting consumers flowing";

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUnexpectedFailureOnTheTaggedTopicIsDeadLetteredAndTheNextRecordIsApplied() throws Exception {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        publishFaulty(Topics.SUGGESTIONS_TAGGED, bad, EventTypes.SUGGESTION_TAGGED,
                TestEvents.tagged(bad, 0, "jiande", "station",
                "urban", EventIds.cluster(bad)));
        publish(Topics.SUGGESTIONS_TAGGED, bad, EventTypes.SUGGESTION_TAGGED,
                TestEvents.tagged(good, 0, "jiande", "station", "urban",
                EventIds.cluster(good)));
        Await.await(() -> stored(good), Duration.ofSeconds(60), "the record behind the failing one is applied");
        assertDeadLettered(bad);
    }

    @Test
    void anUnexpectedFailureOnTheCorrectionsTopicIsDeadLetteredAndTheNextRecordIsApplied() throws Exception {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        publishFaulty(Topics.CORRECTIONS, bad, EventTypes.SUGGESTION_RETAGGED, new SuggestionRetagged(bad, 1, "gaps",
                List.of("gaps"), Instant.now()));
        publish(Topics.CORRECTIONS, bad, EventTypes.SUGGESTION_RETAGGED,
                new SuggestionRetagged(good, 1, "gaps", List.of("gaps"),
                Instant.now()));
        Await.await(() -> stored(good), Duration.ofSeconds(60), "the record behind the failing one is applied");
        assertDeadLettered(bad);
    }

    @Test
    void anUnexpectedFailureOnTheForumsTopicIsDeadLetteredAndTheNextRecordIsApplied() throws Exception {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        publishFaulty(Topics.FORUMS, bad, EventTypes.FORUM_RECORDED,
                new ForumRecorded(bad, "西湖区座谈会", LocalDate.of(2026, 11, 18),
                "xihu", null, 30, 4, 9, Instant.now()));
        publish(Topics.FORUMS, bad, EventTypes.FORUM_RECORDED,
                new ForumRecorded(good, "西湖区座谈会", LocalDate.of(2026, 11, 18),
                "xihu", null, 30, 4, 9, Instant.now()));
        Await.await(() -> forumStored(good), Duration.ofSeconds(60), "the record behind the failing one is applied");
        assertDeadLettered(bad);
    }

    @Test
    void aValueLongerThanTheReadModelKeepsIsPoisonAndTheNextRecordIsApplied() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        publish(Topics.SUGGESTIONS_TAGGED, bad, EventTypes.SUGGESTION_TAGGED,
                TestEvents.tagged(bad, 0, "d".repeat(40), "station",
                "urban", EventIds.cluster(bad)));
        publish(Topics.SUGGESTIONS_TAGGED, bad, EventTypes.SUGGESTION_TAGGED,
                TestEvents.tagged(good, 0, "jiande", "station", "urban",
                EventIds.cluster(good)));
        Await.await(() -> stored(good), Duration.ofSeconds(60), "the record behind the poison one is applied");
        try (TopicProbe dlq = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(),
                Topics.REPORTING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(bad.toString(), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("not dead-lettered"));
            String reason = TopicProbe.header(dead, "dead-letter-reason");
            assertTrue(reason.contains("stationDistrict is longer than 32 characters"), reason);
        }
    }

    private void assertDeadLettered(UUID key) {
        try (TopicProbe dlq = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(),
                Topics.REPORTING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(key.toString(), Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("not dead-lettered"));
            String reason = TopicProbe.header(dead, "dead-letter-reason");
            assertTrue(reason.contains("failed 5 times") && reason.contains("IllegalStateException: injected fault"),
                    reason);
            assertEquals(1, dlq.awaitCount(r -> key.toString().equals(r.key()), 2, Duration.ofSeconds(2)).size(),
                    "dead-lettered once");
        }
        assertEquals("UP", given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == '" + FLOWING + "' }.status"), "the consumers are flowing");
    }

    private void publish(String topic, UUID key, String type, Object body) {
        TestEvents.publish(mapper, topic, key.toString(), UUID.randomUUID(), type, body);
    }

    private void publishFaulty(String topic, UUID key, String type, Object body) {
        TestEvents.publish(mapper, topic, key.toString(), FaultInjectingLedger.faultyEventId(), type, body);
    }

    private boolean stored(UUID suggestion) {
        try {
            return TallyRecount.read(dataSource).states().containsKey(suggestion);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean forumStored(UUID forum) {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "SELECT 1 FROM forum WHERE forum_id = ?")) {
            st.setObject(1, forum);
            return st.executeQuery().next();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
