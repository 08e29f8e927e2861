package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.planconsult.reporting.messaging.RetryingApplier;
import io.planconsult.reporting.tally.LedgerConvergenceTest.Event;
import io.planconsult.reporting.tally.LedgerConvergenceTest.Generated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The rebuild's bulk write on PostgreSQL: a replay folded in memory, written over a model into which live consumption
 * applied part of the stream (some events both replayed and live, some live only) after it was emptied, ends with
 * the states of the whole stream, its event ids recorded, and every cell equal to a recount; live events after the
 * write carry on incrementally from there.
 */
@QuarkusTest
class BulkRebuildTest {

    @Inject
    RebuildRuns runs;
    @Inject
    RebuildWriter writer;
    @Inject
    RetryingApplier applier;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void bulkWriteJoinsWhatLiveConsumptionStoredAndEqualsARecount() throws Exception {
        Random random = new Random(6);
        Generated generated = LedgerConvergenceTest.generate(random);
        List<Event> events = new ArrayList<>(generated.events());
        Collections.shuffle(events, random);
        List<Event> replayed = new ArrayList<>();
        List<Event> liveBefore = new ArrayList<>();
        List<Event> liveAfter = new ArrayList<>();
        for (Event e : events) {
            switch (random.nextInt(5)) {
                case 0 -> liveBefore.add(e);
                case 1 -> {
                    replayed.add(e);
                    liveBefore.add(e);
                }
                case 2 -> liveAfter.add(e);
                default -> replayed.add(e);
            }
        }
        RebuildRun run = runs.start("bulk-rebuild-test", Duration.ZERO).orElseThrow();
        runs.progress(run.runId, 0, "", 0, 0, RebuildRun.State.CAUGHT_UP, null); // a direct write, not a run to follow
        liveBefore.forEach(e -> applier.apply(e.id(), e.body()));
        ReplayFold fold = new ReplayFold();
        replayed.forEach(e -> fold.apply(e.id(), e.body()));

        writer.write(fold);
        for (Event e : replayed) {
            assertFalse(applier.apply(e.id(), e.body()), "a replayed event is recorded as applied");
        }
        for (Event e : liveBefore) {
            assertFalse(applier.apply(e.id(), e.body()), "a live event applied before the write stays recorded");
        }
        liveAfter.forEach(e -> assertTrue(applier.apply(e.id(), e.body()), "a live event after the write is new"));

        ReplayFold whole = new ReplayFold();
        events.forEach(e -> whole.apply(e.id(), e.body()));
        Map<UUID, TallyRecount.State> expected = new HashMap<>();
        for (TaggedSuggestion s : whole.suggestions()) {
            expected.put(s.suggestionId, new TallyRecount.State(s.suggestionId, s.tagged, s.withdrawn,
                    s.stationDistrict, s.textDistrict,
                    s.channel, s.submittedAt, s.primaryTopic, s.labelList(), s.clusterId, s.points, s.awaitsReview()));
        }
        TallyRecount.Snapshot stored = TallyRecount.read(dataSource);
        assertEquals(expected, stored.states(), "every suggestion ends as the whole stream makes it");
        assertEquals(TallyRecount.recount(expected.values()), stored.cells(),
                "every cell equals a recount of the final states");
        try (var c = dataSource.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*), (SELECT suggestion_count FROM forum) FROM applied_event")) {
            assertTrue(rs.next());
            assertEquals(events.size(), rs.getLong(1), "every event id is recorded once");
            assertEquals(12, rs.getInt(2), "the forum is stored");
        }
    }
}
