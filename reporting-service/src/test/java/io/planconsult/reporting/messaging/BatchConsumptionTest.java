package io.planconsult.reporting.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.Await;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.tally.FaultInjectingLedger;
import io.planconsult.reporting.tally.TallyRecount;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Records are consumed in batches, one transaction each: a poison record and a record that fails unexpectedly in the
 * middle of a batch go alone to the dead-letter topic with their reasons, and every good record of the batch is
 * applied exactly once, also when the batch holds the same event twice and when the whole batch is redelivered
 * ({@link RedeliveryAfterCrashTest} applies a batch twice straight through the consumer).
 */
@QuarkusTest
class BatchConsumptionTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonInTheMiddleOfABatchIsDeadLetteredAloneAndEveryGoodRecordIsAppliedOnce() throws Exception {
        Instant day = Instant.parse("2033-07-14T02:00:00Z");
        String key = UUID.randomUUID().toString();
        List<TopicProbe.Outgoing> batch = new ArrayList<>();
        List<UUID> good = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            good.add(id);
            batch.add(TestEvents.record(mapper, key, UUID.randomUUID(), EventTypes.SUGGESTION_TAGGED,
                    TestEvents.tagged(id, 0, "tonglu", "station", "gaps", EventIds.cluster(id), day)));
        }
        UUID poison = UUID.randomUUID();
        UUID faulty = UUID.randomUUID();
        batch.add(5, TestEvents.record(mapper, poison.toString(), UUID.randomUUID(), EventTypes.SUGGESTION_TAGGED,
                TestEvents.tagged(poison, 0, "d".repeat(40), "station", "gaps", EventIds.cluster(poison), day)));
        batch.add(9, TestEvents.record(mapper, faulty.toString(), FaultInjectingLedger.faultyEventId(),
                EventTypes.SUGGESTION_TAGGED, TestEvents.tagged(faulty, 0, "tonglu", "station", "gaps",
                        EventIds.cluster(faulty), day)));
        batch.add(3, batch.get(2)); // the same event twice in one batch
        String bootstrap = KafkaBrokerTestResource.broker().bootstrapServers();

        TopicProbe.sendAll(bootstrap, Topics.SUGGESTIONS_TAGGED, batch);
        try (TopicProbe dlq = TopicProbe.of(bootstrap, Topics.REPORTING_DEAD_LETTER)) {
            var dead = dlq.awaitKey(poison.toString(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the poison record is not dead-lettered"));
            String reason = TopicProbe.header(dead, "dead-letter-reason");
            assertTrue(reason.contains("stationDistrict is longer than 32 characters"), reason);
            var failed = dlq.awaitKey(faulty.toString(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the failing record is not dead-lettered"));
            String failure = TopicProbe.header(failed, "dead-letter-reason");
            assertTrue(failure.contains("IllegalStateException: injected fault"), failure);
            Await.await(() -> TallyRecount.countedOn(dataSource, "2033-07-14") == 12, Duration.ofSeconds(60),
                    "every good record is counted");
            assertTrue(dlq.awaitCount(r -> key.equals(r.key()), 1, Duration.ofSeconds(3)).isEmpty(),
                    "no good record dead-lettered");
        }

        // The whole batch again, as after a crash before the offsets were committed.
        TopicProbe.sendAll(bootstrap, Topics.SUGGESTIONS_TAGGED, batch);
        try (TopicProbe dlq = TopicProbe.of(bootstrap, Topics.REPORTING_DEAD_LETTER)) {
            dlq.awaitCount(r -> poison.toString().equals(r.key()), 2, Duration.ofSeconds(60));
        }
        Thread.sleep(1_000);
        assertEquals(12, TallyRecount.countedOn(dataSource, "2033-07-14"), "each good record counted once");
        TallyRecount.Snapshot snapshot = TallyRecount.read(dataSource);
        assertTrue(snapshot.states().keySet().containsAll(good), "every good suggestion stored");
        assertEquals(TallyRecount.recount(snapshot.states().values()), snapshot.cells(),
                "the counters equal a recount of the states");
    }
}
