package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any lifecycle stream, in any order and with redeliveries: applying it live, event by event (as the ledger does,
 * here against maps instead of tables), gives the same states and tallies as folding it for a replay and recounting;
 * and a rebuild that joins a replay of one part with the live states of another ends as the whole stream does.
 */
class LifecycleConvergenceTest {

    private static final List<UUID> SUGGESTIONS = ids(5);
    private static final List<UUID> CLUSTERS = ids(3);
    private static final List<UUID> FORUMS = ids(2);
    private static final String[] TOPICS = {"industry", "ai", "urban", "gaps"};
    private static final String[] DISTRICTS = {"xihu", "binjiang", "chunan"};
    private static final String[] CHANNELS = {"station", "forum", "deputy"};

    record Event(UUID id, Record body) {
    }

    /** The live ledger's algorithm against maps: record the id, join, fold, settle, add. */
    static final class LiveLedger {
        final Set<UUID> applied = new HashSet<>();
        final Map<UUID, TaggedSuggestion> rows = new HashMap<>();
        final Map<UUID, Forum> forums = new HashMap<>();
        final Map<TallyFold.MemberKey, Long> members = new HashMap<>();
        final Map<TallyFold.CellKey, List<Long>> cells = new TreeMap<>(
                java.util.Comparator.comparing(Object::toString));

        void apply(Event e) {
            if (!applied.add(e.id())) {
                return;
            }
            LifecycleEvent effect = LifecycleEvent.of(e.id(), e.body());
            TallyFold fold = new TallyFold();
            for (TaggedSuggestion said : effect.suggestions()) {
                TaggedSuggestion state = rows.computeIfAbsent(said.suggestionId, SuggestionLifecycle::placeholder);
                SuggestionLifecycle.apply(state, said).ifPresent(fold::add);
            }
            if (effect.forum() != null) {
                forums.put(effect.forum().forumId, Forum.later(forums.get(effect.forum().forumId), effect.forum()));
            }
            fold.settle(k -> members.getOrDefault(k, 0L));
            fold.members().forEach((k, m) -> {
                assertTrue(m[2] >= 0, "a membership never goes below zero");
                members.put(k, m[2]);
            });
            fold.cells().forEach((k, c) -> {
                List<Long> held = cells.getOrDefault(k, List.of(0L, 0L, 0L));
                cells.put(k, List.of(held.get(0) + c[0], held.get(1) + c[1], held.get(2) + c[2]));
            });
        }

        Map<String, List<Long>> tallies() {
            Map<String, List<Long>> nonZero = new TreeMap<>();
            cells.forEach((k, c) -> {
                if (!c.equals(List.of(0L, 0L, 0L))) {
                    nonZero.put(k.toString(), c);
                }
            });
            return nonZero;
        }
    }

    @Property(tries = 300)
    void liveApplicationAndReplayGiveTheSameTallies(@ForAll("deliveries") List<Event> deliveries) {
        LiveLedger live = new LiveLedger();
        deliveries.forEach(live::apply);
        ReplayFold replay = new ReplayFold();
        deliveries.forEach(e -> replay.apply(e.id(), e.body()));

        assertEquals(view(live.rows.values()), view(replay.suggestions()), "the same states");
        assertEquals(live.tallies(), tallies(replay.tallies()), "the same tallies");
        assertEquals(forums(live.forums), forums(replay.forums), "the same forums");
    }

    @Property(tries = 300)
    void aRebuildJoiningLiveStatesWithAReplayEndsAsTheWholeStream(@ForAll("deliveries") List<Event> deliveries,
            @ForAll("masks") List<Integer> mask) {
        LiveLedger whole = new LiveLedger();
        deliveries.forEach(whole::apply);
        LiveLedger live = new LiveLedger();
        ReplayFold replay = new ReplayFold();
        for (int i = 0; i < deliveries.size(); i++) {
            int where = mask.isEmpty() ? 2 : mask.get(i % mask.size());
            if (where != 0) {
                live.apply(deliveries.get(i));
            }
            if (where != 1) {
                replay.apply(deliveries.get(i).id(), deliveries.get(i).body());
            }
        }
        // As RebuildWriter.write: join the stored states and forums into the fold, then recount.
        live.rows.values().forEach(replay::join);
        live.forums.values().forEach(replay::join);

        assertEquals(view(whole.rows.values()), view(replay.suggestions()), "the same states");
        assertEquals(whole.tallies(), tallies(replay.tallies()), "the same tallies");
        assertEquals(forums(whole.forums), forums(replay.forums), "the same forums");
    }

    @Provide
    Arbitrary<List<Integer>> masks() {
        return Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(12);
    }

    /** A stream of distinct events, then some of them again, all shuffled. */
    @Provide
    Arbitrary<List<Event>> deliveries() {
        return event().list().ofMinSize(1).ofMaxSize(25).map(LifecycleConvergenceTest::uniqueSequences)
                .flatMap(events -> Arbitraries.integers()
                .between(0, events.size() - 1).list().ofMaxSize(8).flatMap(again -> {
                    List<Event> all = new ArrayList<>(events);
                    again.forEach(i -> all.add(events.get(i)));
                    return Arbitraries.shuffle(all);
                }));
    }

    private Arbitrary<Event> event() {
        Arbitrary<UUID> suggestion = Arbitraries.of(SUGGESTIONS);
        Arbitrary<String> topic = Arbitraries.of(TOPICS);
        Arbitrary<Long> sequence = Arbitraries.longs().between(1, 6);
        Arbitrary<Record> tagged = Combinators.combine(suggestion, Arbitraries.integers().between(0, 2), topic, topic,
                Arbitraries.of(DISTRICTS), Arbitraries.of(DISTRICTS).injectNull(0.5), Arbitraries.of(CHANNELS),
                Arbitraries.of(CLUSTERS)).as((id, revision, primary, second, station, text, channel, cluster) ->
                        new SuggestionTagged(id, UUID.randomUUID(), "st-" + station + "-01", station, channel,
                                Instant.parse("2026-11-20T01:30:00Z").plusSeconds(86_400L * revision), primary,
                                List.of(), List.of(primary, second), text, "建议", List.of(), "m1", "t1", false,
                                List.of("停车"), cluster, id, revision));
        Arbitrary<Record> withdrawn = suggestion.map(id -> new SuggestionWithdrawn(id, 0, "st", "xihu", Instant.EPOCH));
        Arbitrary<Record> retagged = Combinators.combine(suggestion, sequence, topic)
                .as((id, seq, t) -> new SuggestionRetagged(id, seq, t, List.of(t), Instant.EPOCH));
        Arbitrary<Record> merged = Combinators.combine(Arbitraries.of(SUGGESTIONS).set().ofMinSize(2).ofMaxSize(3),
                sequence, Arbitraries.of(CLUSTERS)).as((ids, seq, cluster) -> {
                    List<UUID> members = new ArrayList<>(ids);
                    return new SuggestionsMerged(cluster, members.getFirst(), members, seq, Instant.EPOCH);
                });
        Arbitrary<Record> forum = Combinators.combine(Arbitraries.of(FORUMS), Arbitraries.integers().between(1, 30),
                Arbitraries.integers().between(0, 3)).as((id, count, hour) ->
                        new ForumRecorded(id, "座谈会", LocalDate.of(2026, 11, 18), "xihu", null, 30, 5, count,
                                Instant.parse("2026-11-19T00:00:00Z").plusSeconds(3600L * hour)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, tagged), net.jqwik.api.Tuple.of(1, withdrawn),
                net.jqwik.api.Tuple.of(2, retagged), net.jqwik.api.Tuple.of(2, merged),
                net.jqwik.api.Tuple.of(1, forum))
                .map(body -> new Event(UUID.randomUUID(), body));
    }

    /**
     * Analysts' corrections carry distinct sequence numbers (the contract's correction sequence); the order stays
     * random.
     */
    private static List<Event> uniqueSequences(List<Event> events) {
        List<Event> unique = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Record body = switch (e.body()) {
                case SuggestionRetagged r -> new SuggestionRetagged(r.suggestionId(), r.sequence() * 100 + i,
                        r.primaryTopic(), r.labels(),
                        r.correctedAt());
                case SuggestionsMerged m -> new SuggestionsMerged(m.clusterId(), m.clusterFirstSuggestionId(),
                        m.suggestionIds(),
                        m.sequence() * 100 + i, m.mergedAt());
                default -> e.body();
            };
            unique.add(new Event(e.id(), body));
        }
        return unique;
    }

    private static Map<String, List<Long>> tallies(TallyFold fold) {
        Map<String, List<Long>> nonZero = new TreeMap<>();
        fold.cells().forEach((k, c) -> {
            if (c[0] != 0 || c[1] != 0 || c[2] != 0) {
                nonZero.put(k.toString(), List.of(c[0], c[1], c[2]));
            }
        });
        return nonZero;
    }

    /** Every stored column but the bookkeeping ones (last event id, update time). */
    private static Map<UUID, List<Object>> view(Iterable<TaggedSuggestion> states) {
        Map<UUID, List<Object>> view = new TreeMap<>();
        for (TaggedSuggestion s : states) {
            view.put(s.suggestionId, java.util.Arrays.asList(s.tagged, s.revision, s.taggingEventId, s.stationDistrict,
                    s.textDistrict,
                    s.subjectDistrict, s.channel, s.submittedAt, s.modelPrimaryTopic, s.modelLabels, s.modelClusterId,
                    s.humanSequence,
                    s.humanPrimaryTopic, s.humanLabels, s.mergeSequence, s.clusterId, s.clusterFirstSuggestionId,
                    s.primaryTopic,
                    s.labels, s.withdrawn, s.withdrawnAt));
        }
        return view;
    }

    private static Map<UUID, List<Object>> forums(Map<UUID, Forum> forums) {
        Map<UUID, List<Object>> kept = new TreeMap<>();
        forums.forEach((id, f) -> kept.put(id, List.of(f.suggestionCount, f.recordedAt)));
        return kept;
    }

    private static List<UUID> ids(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
