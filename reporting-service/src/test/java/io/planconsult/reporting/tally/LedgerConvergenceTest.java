package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;
import io.planconsult.reporting.messaging.RetryingApplier;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The proof that the tallies can be trusted: a random lifecycle stream (taggings of several revisions, withdrawals,
 * analysts' re-tags and merges, forums), applied shuffled, with redeliveries and from two threads at once through the
 * real ledger and PostgreSQL, ends with every suggestion in the state the contract's rules define and every tally
 * cell equal to a from-scratch recount of those states.
 */
@QuarkusTest
class LedgerConvergenceTest {

    private static final String[] DISTRICTS = {"shangcheng", "xihu", "binjiang", "xiaoshan", "chunan", "jiande"};
    private static final String[] TOPICS = {"industry", "ai", "opening", "consumption", "culture", "gaps", "urban",
            "rule-of-law", "other"};
    private static final String[] CHANNELS = {"station", "forum", "platform", "media", "deputy", "cppcc"};

    @Inject
    RetryingApplier applier;
    @Inject
    AgroalDataSource dataSource;

    record Event(UUID id, Record body) {
    }

    /** A generated lifecycle stream (each event once), what the rules say each suggestion ends as, and its forum. */
    record Generated(List<Event> events, Map<UUID, Truth> truth, UUID forumId) {
    }

    /** What the rules say a suggestion ends as, worked out from the generator's own knowledge. */
    static final class Truth {
        SuggestionTagged tagging;
        UUID taggingId;
        SuggestionRetagged human;
        long mergeSequence = -1;
        UUID mergedInto;
        boolean withdrawn;
    }

    @Test
    void shuffledStreamWithRedeliveriesEndsEqualToARecountOfTheFinalStates() throws Exception {
        Random random = new Random(20261123);
        Generated generated = generate(random);
        List<Event> events = generated.events();
        Map<UUID, Truth> truth = generated.truth();
        UUID forumId = generated.forumId();

        List<Event> stream = new ArrayList<>(events);
        for (Event e : events) {
            if (random.nextInt(3) == 0) {
                stream.add(e); // redelivery
            }
        }
        Collections.shuffle(stream, random);

        // Two consumers at once (two instances, or the live consumer and a rebuild), splitting the shuffled stream.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        int half = stream.size() / 2;
        for (List<Event> part : List.of(stream.subList(0, half), stream.subList(half, stream.size()))) {
            done.add(pool.submit(() -> part.forEach(e -> applier.apply(e.id(), e.body()))));
        }
        for (Future<?> f : done) {
            f.get(5, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        // Redeliver everything once more in order: nothing may change.
        TallyRecount.Snapshot first = TallyRecount.read(dataSource);
        events.forEach(e -> assertEquals(false, applier.apply(e.id(), e.body()), "an applied event is recorded"));
        TallyRecount.Snapshot snapshot = TallyRecount.read(dataSource);
        assertEquals(first.cells(), snapshot.cells(), "redelivery changes nothing");

        for (var entry : truth.entrySet()) {
            TallyRecount.State stored = snapshot.states().get(entry.getKey());
            Truth t = entry.getValue();
            String label = "suggestion " + entry.getKey();
            assertTrue(stored != null, label);
            assertEquals(t.tagging != null, stored.tagged(), label);
            assertEquals(t.withdrawn, stored.withdrawn(), label);
            if (t.tagging == null) {
                continue;
            }
            String expectedTopic = t.human != null ? t.human.primaryTopic() : t.tagging.primaryTopic();
            assertEquals(expectedTopic, stored.primaryTopic(), label);
            assertEquals(t.tagging.stationDistrict(), stored.stationDistrict(),
                    label + ": highest revision's district");
            assertEquals(t.tagging.channel(), stored.channel(), label + ": highest revision's channel");
            assertEquals(t.mergedInto != null ? t.mergedInto : t.tagging.clusterId(), stored.clusterId(), label);
        }
        assertEquals(TallyRecount.recount(snapshot.states().values()), snapshot.cells(),
                "every maintained cell equals a from-scratch recount of the final states");
        long counted = truth.values().stream().filter(t -> t.tagging != null && !t.withdrawn).count();
        assertTrue(counted > 100 && counted < 160, "the stream exercises withdrawals and never-tagged suggestions: "
                + counted);
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "SELECT suggestion_count FROM forum WHERE forum_id = ?")) {
            st.setObject(1, forumId);
            var rs = st.executeQuery();
            assertTrue(rs.next(), "the forum is stored");
            assertEquals(12, rs.getInt(1));
        }
    }

    /** 160 suggestions with revisions, withdrawals, re-tags (some before any tagging), 30 merges and one forum. */
    static Generated generate(Random random) {
        List<Event> events = new ArrayList<>();
        Map<UUID, Truth> truth = new HashMap<>();
        AtomicInteger sequence = new AtomicInteger(1_000);
        List<UUID> clusterPool = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            clusterPool.add(UUID.randomUUID());
        }
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < 160; n++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Truth t = new Truth();
            truth.put(id, t);
            boolean neverTagged = random.nextInt(20) == 0;
            int revisions = neverTagged ? 0 : 1 + random.nextInt(3);
            for (int revision = 0; revision < revisions; revision++) {
                UUID eventId = UUID.randomUUID();
                SuggestionTagged tagged = tagged(random, id, revision,
                        clusterPool.get(random.nextInt(clusterPool.size())));
                events.add(new Event(eventId, tagged));
                t.tagging = tagged;
                t.taggingId = eventId;
            }
            if (random.nextInt(5) == 0) {
                events.add(new Event(UUID.randomUUID(), new SuggestionWithdrawn(id, Math.max(0, revisions - 1), "st",
                        "xihu", Instant.now())));
                t.withdrawn = true;
            }
            int corrections = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
            for (int c = 0; c < corrections || neverTagged && c < 1; c++) {
                String topic = pick(random, TOPICS);
                SuggestionRetagged retag = new SuggestionRetagged(id, sequence.incrementAndGet(), topic,
                        random.nextBoolean() ? List.of(topic) : List.of(topic, pick(random, TOPICS)), Instant.now());
                events.add(new Event(UUID.randomUUID(), retag));
                t.human = retag;
            }
        }
        for (int m = 0; m < 30; m++) {
            List<UUID> members = new ArrayList<>();
            int size = 2 + random.nextInt(3);
            while (members.size() < size) {
                UUID id = ids.get(random.nextInt(ids.size()));
                if (!members.contains(id)) {
                    members.add(id);
                }
            }
            UUID first = members.getFirst();
            long seq = sequence.incrementAndGet();
            events.add(new Event(UUID.randomUUID(), new SuggestionsMerged(EventIds.cluster(first), first, members, seq,
                    Instant.now())));
            for (UUID id : members) {
                truth.get(id).mergeSequence = seq;
                truth.get(id).mergedInto = EventIds.cluster(first);
            }
        }
        UUID forumId = UUID.randomUUID();
        events.add(new Event(UUID.randomUUID(), new ForumRecorded(forumId, "萧山区十五五规划座谈会",
                java.time.LocalDate.of(2026, 11, 18),
                "xiaoshan", null, 35, 6, 12, Instant.parse("2026-11-19T02:00:00Z"))));
        return new Generated(events, truth, forumId);
    }

    private static SuggestionTagged tagged(Random random, UUID id, int revision, UUID cluster) {
        String topic = pick(random, TOPICS);
        String station = pick(random, DISTRICTS);
        List<String> labels = random.nextBoolean() ? List.of(topic) : List.of(topic, pick(random, TOPICS));
        Instant submitted = Instant.parse("2026-09-01T00:00:00Z")
                .plus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
        return new SuggestionTagged(id, UUID.randomUUID(), "st-" + station + "-01", station, pick(random, CHANNELS),
                submitted, topic,
                List.of(new SuggestionTagged.TopicScore(topic, 0.7)), labels,
                random.nextInt(3) == 0 ? pick(random, DISTRICTS) : null,
                "建议[电话]", List.of("phone"), "m1", "t1", false, List.of("停车"), cluster, id, revision);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

}
