package io.planconsult.tagging.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The submitted topic is consumed in batches: a poison record and a record that fails every time in the middle of a
 * batch go alone to the dead-letter topic, and every good record of the batch is tagged exactly once (one ledger row,
 * one tagged event), near-duplicates in one batch share a cluster, and a source event twice in the batch is published
 * twice with the same CloudEvents id and body.
 */
@QuarkusTest
class BatchTaggingTest {

    /** A template letter no other test sends: its only near-duplicate in the index is its copy in this batch. */
    private static final String LETTER = "建议在城区河道两岸统一设置夜间安全警示牌和救生设施，夏季傍晚戏水的人多。";

    @AfterEach
    void clearInjectedFailures() {
        FailureInjectingDedupIndex.FAILING.clear();
    }

    @Test
    void poisonInTheMiddleOfABatchIsDeadLetteredAloneAndEveryGoodRecordIsTaggedOnce() throws Exception {
        List<UUID> good = new ArrayList<>();
        List<TopicProbe.Outgoing> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            good.add(id);
            batch.add(record(id, UUID.randomUUID(), EventTypes.SUGGESTION_SUBMITTED,
                    submitted(id, i < 2 ? LETTER + "。".repeat(i) : "建议第" + i + "号公交线路延长到" + i * 7 + "号地铁站")));
        }
        UUID poison = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        FailureInjectingDedupIndex.FAILING.put(broken.toString(), FailureInjectingDedupIndex.Failure.BUG);
        batch.add(4, record(poison, UUID.randomUUID(), EventTypes.SUGGESTION_SUBMITTED, "{\"suggestionId\":"));
        batch.add(7, record(broken, UUID.randomUUID(), EventTypes.SUGGESTION_SUBMITTED, submitted(broken, "地铁站出口太远")));
        batch.add(9, batch.get(8)); // the same source event twice in one batch

        TopicProbe.sendAll(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, batch);

        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            ConsumerRecord<String, String> dead = dlq.awaitKey(poison.toString(), Duration.ofSeconds(90)).orElseThrow();
            assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("SuggestionSubmitted"),
                    TopicProbe.header(dead, "dead-letter-reason"));
            String bug = TopicProbe.header(dlq.awaitKey(broken.toString(), Duration.ofSeconds(90)).orElseThrow(),
                    "dead-letter-reason");
            assertTrue(bug.contains("java.lang.IllegalStateException"), bug);
            for (UUID id : good) {
                assertTrue(dlq.seen().stream().noneMatch(r -> id.toString().equals(r.key())),
                        "good record dead-lettered");
            }
        }
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            for (UUID id : good) {
                assertTrue(tagged.awaitKey(id.toString(), Duration.ofSeconds(90)).isPresent(), "tagged: " + id);
            }
            UUID twice = good.get(6);
            List<ConsumerRecord<String, String>> both = tagged.awaitCount(r -> twice.toString().equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertEquals(2, both.size(), "the source event twice is published twice");
            assertEquals(TopicProbe.header(both.get(0), CloudEventAttributes.HEADER_ID),
                    TopicProbe.header(both.get(1), CloudEventAttributes.HEADER_ID));
            assertEquals(both.get(0).value(), both.get(1).value(), "the same event, cluster included");
            for (UUID id : good) {
                if (!id.equals(twice)) {
                    assertEquals(1, tagged.seen().stream().filter(r -> id.toString().equals(r.key())).count(),
                            "published once: " + id);
                }
            }
            ConsumerRecord<String, String> firstLetter = tagged.awaitKey(good.get(0).toString(), Duration.ofSeconds(5))
                    .orElseThrow();
            ConsumerRecord<String, String> secondLetter = tagged.awaitKey(good.get(1).toString(), Duration.ofSeconds(5))
                    .orElseThrow();
            String cluster = field(firstLetter.value(), "clusterId");
            assertEquals(cluster, field(secondLetter.value(), "clusterId"),
                    "a near-duplicate later in the batch joins the earlier one's cluster");
            // The records are keyed by suggestion id, so the two letters sit on two of the topic's partitions, and a
            // poll hands over a batch partition by partition: either letter may be tagged first. That one founds the
            // cluster and the other joins it; neither joins anything older.
            String founder = field(firstLetter.value(), "clusterFirstSuggestionId");
            assertTrue(founder.equals(good.get(0).toString()) || founder.equals(good.get(1).toString()),
                    "one of the two letters (partitions " + firstLetter.partition() + " and "
                            + secondLetter.partition() + ") founds the cluster, not " + founder);
            assertEquals(EventIds.cluster(UUID.fromString(founder)).toString(), cluster);
        }
        for (UUID id : good) {
            assertEquals(1L, QuarkusTransaction.requiringNew()
                    .call(() -> ProcessedEvent.count("suggestionId", id.toString())),
                    "one ledger row: " + id);
        }
    }

    private static TopicProbe.Outgoing record(UUID suggestion, UUID event, String type, String body) {
        return new TopicProbe.Outgoing(suggestion.toString(), body,
                TopicProbe.cloudEventHeaders(event, type, EventTypes.SOURCE_INTAKE));
    }

    private static String submitted(UUID suggestionId, String text) {
        return SubmittedBodies.of(suggestionId, "linping", text);
    }

    private static String field(String body, String name) throws java.io.IOException {
        return new ObjectMapper().readTree(body).get(name).asText();
    }

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }
}
