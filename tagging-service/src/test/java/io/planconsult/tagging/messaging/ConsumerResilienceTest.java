package io.planconsult.tagging.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.tagging.dedup.store.DatabaseDedupIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Redelivery, bugs and outages never stop the submitted-topic consumer, and health says what happens. */
@QuarkusTest
class ConsumerResilienceTest {

    private static final String LETTER = "建议在钱塘区新建一所公办高中，缓解下沙片区学生跨区上学难的问题，并配套建设公交专线";

    @Inject
    DatabaseDedupIndex index;

    @AfterEach
    void clearInjectedFailures() {
        FailureInjectingDedupIndex.FAILING.clear();
    }

    @Test
    void redeliveryAfterTheIndexRowsCommittedReEmitsTheSameTaggedEventAndTheStreamGoesOn() {
        UUID suggestion = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        send(suggestion, event, LETTER);
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            tagged.awaitKey(suggestion.toString(), Duration.ofSeconds(60)).orElseThrow();
        }
        // Kafka redelivers the record after a crash that came after the commit but before the offset commit.
        send(suggestion, event, LETTER);
        UUID next = UUID.randomUUID();
        send(next, UUID.randomUUID(), LETTER + "，谢谢");

        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            List<ConsumerRecord<String, String>> twice = tagged.awaitCount(r -> suggestion.toString().equals(r.key()),
                    2, Duration.ofSeconds(60));
            assertEquals(2, twice.size());
            String id = EventIds.derived(event, EventTypes.SUGGESTION_TAGGED).toString();
            assertEquals(id, TopicProbe.header(twice.get(0), CloudEventAttributes.HEADER_ID));
            assertEquals(id, TopicProbe.header(twice.get(1), CloudEventAttributes.HEADER_ID));
            assertEquals(twice.get(0).value(), twice.get(1).value(), "the same event, cluster included");
            ConsumerRecord<String, String> after = tagged.awaitKey(next.toString(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the stream stopped after the redelivery"));
            assertEquals(clusterId(twice.get(0).value()), clusterId(after.value()),
                    "the near-duplicate after it joins its cluster");
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.count("suggestionId",
                suggestion.toString())));
    }

    @Test
    void suggestionIndexedBeforeItsEventWasRecordedKeepsItsClusterAndIsTagged() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String letter = "希望在滨江区建设人工智能算力公共服务平台，为中小企业提供低价算力券和大模型训练数据开放服务";
        index.add(first.toString(), letter);
        // An index row committed by a version without the ledger, or by a crash between two steps of one.
        index.add(second.toString(), letter + "。");
        send(second, UUID.randomUUID(), letter + "。");
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            String body = tagged.awaitKey(second.toString(), Duration.ofSeconds(60)).orElseThrow().value();
            String firstsCluster = index.clusterOf(first.toString()).orElseThrow();
            assertEquals(EventIds.cluster(UUID.fromString(firstsCluster)).toString(), clusterId(body),
                    "the second keeps the cluster it was indexed in, beside the first");
        }
    }

    @Test
    void unexpectedExceptionIsDeadLetteredWithItsClassButNoTextAndConsumptionContinues() {
        UUID broken = UUID.randomUUID();
        FailureInjectingDedupIndex.FAILING.put(broken.toString(), FailureInjectingDedupIndex.Failure.BUG);
        send(broken, UUID.randomUUID(), "地铁站出口太远，联系电话 13857162394");
        UUID next = UUID.randomUUID();
        send(next, UUID.randomUUID(), "建议增加社区食堂，方便独居老人吃饭");

        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            ConsumerRecord<String, String> dead = dlq.awaitKey(broken.toString(), Duration.ofSeconds(60)).orElseThrow();
            String reason = TopicProbe.header(dead, "dead-letter-reason");
            assertTrue(reason.contains("java.lang.IllegalStateException"), reason);
            assertFalse(reason.contains("13857162394") || reason.contains("地铁"), "no text in the reason: " + reason);
        }
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            assertTrue(tagged.awaitKey(next.toString(), Duration.ofSeconds(60)).isPresent(), "consumption continues");
        }
    }

    @Test
    void outageIsWaitedOutWithReadinessDownAndNothingDeadLettered() {
        UUID waiting = UUID.randomUUID();
        FailureInjectingDedupIndex.FAILING.put(waiting.toString(), FailureInjectingDedupIndex.Failure.OUTAGE);
        send(waiting, UUID.randomUUID(), "建议延长公交夜班线路的运营时间");

        awaitReadiness(503, Duration.ofSeconds(60));
        given().get("/q/health/live").then().statusCode(200);
        FailureInjectingDedupIndex.FAILING.remove(waiting.toString());

        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            assertTrue(tagged.awaitKey(waiting.toString(), Duration.ofSeconds(90)).isPresent(),
                    "tagged once the outage is over");
        }
        awaitReadiness(200, Duration.ofSeconds(30));
        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            assertTrue(dlq.awaitKey(waiting.toString(), Duration.ofSeconds(3)).isEmpty(), "never dead-lettered");
        }
    }

    private static String clusterId(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("clusterId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReadiness(int status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = given().get("/q/health/ready").statusCode();
            if (last == status) {
                return;
            }
            sleep();
        }
        throw new AssertionError("readiness stayed " + last + ", expected " + status);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(UUID suggestion, UUID event, String text) {
        String body = """
                {"suggestionId":"%s","stationId":"st-qiantang-01","stationDistrict":"qiantang","channel":"station",
                 "text":"%s","submittedAt":"2026-11-20T01:30:00Z","receivedAt":"2026-11-20T01:31:00Z"}
                """.formatted(suggestion, text);
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, suggestion.toString(), body,
                TopicProbe.cloudEventHeaders(event, EventTypes.SUGGESTION_SUBMITTED, EventTypes.SOURCE_INTAKE));
    }

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }
}
