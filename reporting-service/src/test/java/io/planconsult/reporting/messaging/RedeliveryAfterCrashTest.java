package io.planconsult.reporting.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.tally.TallyRecount;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A crash after the database committed but before the offsets did: after the restart Kafka hands the same records to
 * a new consumer. Here the very records on the topics, read back from offset 0, go through the consumer a second time,
 * and so does a whole batch (an unreadable record in it): each is recognised by its event id and nothing changes.
 */
@QuarkusTest
class RedeliveryAfterCrashTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ReadModelConsumer consumer;

    @Test
    void recordsRedeliveredAfterTheDatabaseCommitChangeNothing() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        for (UUID id : List.of(a, b, c)) {
            TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, id.toString(), UUID.randomUUID(),
                    EventTypes.SUGGESTION_TAGGED,
                    TestEvents.tagged(id, 0, "linan", "station", "gaps", EventIds.cluster(id)));
        }
        TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, c.toString(), UUID.randomUUID(),
                EventTypes.SUGGESTION_WITHDRAWN,
                new SuggestionWithdrawn(c, 0, "st-linan-01", "linan", Instant.now()));
        TestEvents.publish(mapper, Topics.CORRECTIONS, b.toString(), UUID.randomUUID(), EventTypes.SUGGESTION_RETAGGED,
                new SuggestionRetagged(b, 7, "culture", List.of("culture"), Instant.now()));
        Await.await(() -> state(b) != null && "culture".equals(state(b).primaryTopic()) && state(c) != null && state(c)
                .withdrawn()
                && state(a) != null, Duration.ofSeconds(60), "the records are applied and committed");
        TallyRecount.Snapshot before = TallyRecount.read(dataSource);

        Set<String> keys = Set.of(a.toString(), b.toString(), c.toString());
        int redelivered = 0;
        for (var channel : Map.of("suggestions-tagged", Topics.SUGGESTIONS_TAGGED, "corrections", Topics.CORRECTIONS)
                .entrySet()) {
            try (TopicProbe topic = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(),
                    channel.getValue())) {
                int expected = channel.getKey().equals("corrections") ? 1 : 4;
                for (ConsumerRecord<String, String> r : topic.awaitCount(r -> keys.contains(r.key()), expected,
                        Duration.ofSeconds(30))) {
                    ReadModelConsumer.Outcome outcome = consumer.apply(channel.getKey(),
                            TopicProbe.header(r, CloudEventAttributes.HEADER_ID),
                            TopicProbe.header(r, CloudEventAttributes.HEADER_TYPE), r.value());
                    assertEquals(ReadModelConsumer.Outcome.Applied.AGAIN, outcome, "recognised as applied");
                    redelivered++;
                }
            }
        }
        assertEquals(5, redelivered);
        assertNothingMovedSince(before);
    }

    @Test
    void aBatchAppliedTwiceChangesNothingTheSecondTime() throws Exception {
        Instant day = Instant.parse("2033-08-18T02:00:00Z");
        List<ReadModelConsumer.Received> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            batch.add(new ReadModelConsumer.Received(UUID.randomUUID().toString(), EventTypes.SUGGESTION_TAGGED,
                    mapper.writeValueAsString(TestEvents.tagged(id, 0, "jiande", "media", "culture",
                            EventIds.cluster(id), day))));
        }
        batch.add(3, new ReadModelConsumer.Received(UUID.randomUUID().toString(), EventTypes.SUGGESTION_TAGGED, "{"));

        List<ReadModelConsumer.Outcome> first = consumer.applyAll("suggestions-tagged", batch);
        assertInstanceOf(ReadModelConsumer.Outcome.Rejected.class, first.get(3), "the unreadable record alone");
        for (int i = 0; i < batch.size(); i++) {
            if (i != 3) {
                assertTrue(first.get(i) instanceof ReadModelConsumer.Outcome.Applied a && a.isNew(),
                        "record " + i + " applied: " + first.get(i));
            }
        }
        assertEquals(6, TallyRecount.countedOn(dataSource, "2033-08-18"));
        TallyRecount.Snapshot before = TallyRecount.read(dataSource);

        List<ReadModelConsumer.Outcome> again = consumer.applyAll("suggestions-tagged", batch);
        for (int i = 0; i < batch.size(); i++) {
            if (i != 3) {
                assertEquals(ReadModelConsumer.Outcome.Applied.AGAIN, again.get(i), "record " + i + " recognised");
            }
        }
        assertNothingMovedSince(before);
    }

    private void assertNothingMovedSince(TallyRecount.Snapshot before) throws java.sql.SQLException {
        TallyRecount.Snapshot after = TallyRecount.read(dataSource);
        assertEquals(before.cells(), after.cells(), "the tallies do not move");
        assertEquals(before.states(), after.states(), "no state moves");
    }

    private TallyRecount.State state(UUID id) {
        try {
            return TallyRecount.read(dataSource).states().get(id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
