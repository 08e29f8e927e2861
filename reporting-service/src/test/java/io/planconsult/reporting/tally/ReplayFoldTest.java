package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.planconsult.reporting.tally.LedgerConvergenceTest.Event;
import io.planconsult.reporting.tally.LedgerConvergenceTest.Generated;
import io.planconsult.reporting.tally.LedgerConvergenceTest.Truth;

/**
 * A rebuild folds the replay in memory and joins it with what live consumption stored: the fold must end where the
 * contract's rules say, and joining two states built from any two parts of a stream must equal folding it whole.
 */
class ReplayFoldTest {

    @Test
    void foldingAShuffledStreamWithRedeliveriesEndsAsTheRulesSay() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            Generated generated = LedgerConvergenceTest.generate(random);
            List<Event> stream = new ArrayList<>(generated.events());
            stream.addAll(generated.events().subList(0, generated.events().size() / 3));
            Collections.shuffle(stream, random);
            ReplayFold fold = fold(stream);
            assertEquals(generated.events().size(), fold.eventCount(), "each event id once");
            for (var entry : generated.truth().entrySet()) {
                TaggedSuggestion row = fold.suggestions.get(entry.getKey());
                Truth t = entry.getValue();
                String label = "seed " + seed + " suggestion " + entry.getKey();
                assertTrue(row != null, label);
                assertEquals(t.tagging != null, row.tagged, label);
                assertEquals(t.withdrawn, row.withdrawn, label);
                if (t.tagging != null) {
                    assertEquals(t.human != null ? t.human.primaryTopic() : t.tagging.primaryTopic(), row.primaryTopic,
                            label);
                    assertEquals(t.tagging.stationDistrict(), row.stationDistrict, label);
                    assertEquals(t.taggingId, row.taggingEventId, label);
                    assertEquals(t.mergedInto != null ? t.mergedInto : t.tagging.clusterId(), row.clusterId, label);
                }
            }
            assertFalse(fold.apply(stream.getFirst().id(), stream.getFirst().body()), "a folded id changes nothing");
        }
    }

    @Test
    void joiningTheStatesOfTwoPartsOfAStreamEqualsFoldingItWhole() {
        for (long seed = 10; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<Event> events = new ArrayList<>(LedgerConvergenceTest.generate(random).events());
            Collections.shuffle(events, random);
            List<Event> replayed = new ArrayList<>();
            List<Event> live = new ArrayList<>();
            for (Event e : events) {
                switch (random.nextInt(3)) {
                    case 0 -> replayed.add(e);
                    case 1 -> live.add(e);
                    default -> {
                        replayed.add(e);
                        live.add(e);
                    }
                }
            }
            Map<UUID, List<Object>> whole = view(fold(events));
            ReplayFold joined = fold(replayed);
            fold(live).suggestions().forEach(joined::join);
            assertEquals(whole, view(joined), "seed " + seed + ": replay joined with live");
            ReplayFold reversed = fold(live);
            fold(replayed).suggestions().forEach(reversed::join);
            assertEquals(whole, view(reversed), "seed " + seed + ": live joined with replay");
            ReplayFold again = fold(events);
            fold(events).suggestions().forEach(again::join);
            assertEquals(whole, view(again), "seed " + seed + ": joining a state with itself changes nothing");
        }
    }

    private static ReplayFold fold(List<Event> events) {
        ReplayFold fold = new ReplayFold();
        events.forEach(e -> fold.apply(e.id(), e.body()));
        return fold;
    }

    /** Every stored column but the bookkeeping ones (last event id, updated and withdrawn times). */
    private static Map<UUID, List<Object>> view(ReplayFold fold) {
        Map<UUID, List<Object>> view = new TreeMap<>();
        for (TaggedSuggestion s : fold.suggestions()) {
            view.put(s.suggestionId, java.util.Arrays.asList(s.tagged, s.revision, s.taggingEventId, s.stationId,
                    s.stationDistrict,
                    s.textDistrict, s.subjectDistrict, s.channel, s.redactedText, s.submittedAt, s.modelVersion,
                    s.taxonomyVersion,
                    s.needsReview, s.keywords, s.modelPrimaryTopic, s.modelLabels, s.modelClusterId, s.humanSequence,
                    s.humanPrimaryTopic,
                    s.humanLabels, s.mergeSequence, s.clusterId, s.clusterFirstSuggestionId, s.primaryTopic, s.labels,
                    s.withdrawn));
        }
        return view;
    }
}
