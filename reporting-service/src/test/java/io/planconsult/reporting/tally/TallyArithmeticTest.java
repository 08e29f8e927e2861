package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TallyArithmeticTest {

    private static final UUID SUGGESTION = UUID.randomUUID();
    private static final UUID CLUSTER = UUID.randomUUID();
    /** 2026-11-20 01:30 UTC = 09:30 in Hangzhou. */
    private static final Instant MORNING = Instant.parse("2026-11-20T01:30:00Z");

    private static Contribution of(String station, String text, String topic, List<String> labels) {
        return Contribution.of(SUGGESTION, station, text, "station", MORNING, topic, labels, CLUSTER);
    }

    private static long primary(TallyArithmetic.Changes changes, TallyDimension d, String bucket, String topic) {
        return changes.cells().stream().filter(c -> c.dimension() == d && c.bucket().equals(bucket) && c.topic()
                .equals(topic))
                .mapToLong(TallyDelta::primary).sum();
    }

    @Test
    void firstTaggingCountsOnceInEveryDimension() {
        var changes = TallyArithmetic.diff(Contribution.NONE, of("xihu", null, "urban", List.of("urban")));
        assertEquals(1, primary(changes, TallyDimension.STATION, "xihu", "urban"));
        assertEquals(1, primary(changes, TallyDimension.SUBJECT, "xihu", "urban"));
        assertEquals(1, primary(changes, TallyDimension.CHANNEL, "station", "urban"));
        assertEquals(1, primary(changes, TallyDimension.DAY, "2026-11-20", "urban"));
        assertEquals(1, primary(changes, TallyDimension.WEEK, "2026-W47", "urban"));
        assertEquals(1, primary(changes, TallyDimension.ALL, "*", "*"));
        assertEquals(8, changes.cells().size(), "six breakdowns and the two points cells (a text not split is one)");
        assertEquals(6, changes.members().size(), "its cluster joins the primary cell of every dimension");
        assertTrue(changes.members().stream().allMatch(m -> m.clusterId().equals(CLUSTER) && m.members() == 1));
    }

    @Test
    void dayIsTheDayInHangzhouNotInUtc() {
        // 2026-11-22 17:00 UTC is Monday 2026-11-23 01:00 in Hangzhou: a new day and a new ISO week.
        var late = Contribution.of(SUGGESTION, "xihu", null, "forum", Instant.parse("2026-11-22T17:00:00Z"), "ai",
                List.of("ai"), CLUSTER);
        var changes = TallyArithmetic.diff(Contribution.NONE, late);
        assertEquals(1, primary(changes, TallyDimension.DAY, "2026-11-23", "ai"));
        assertEquals(1, primary(changes, TallyDimension.WEEK, "2026-W48", "ai"));
        assertEquals(1, primary(changes, TallyDimension.CHANNEL, "forum", "ai"));
    }

    @Test
    void isoWeeksFollowTheWeekBasedYear() {
        assertEquals("2026-W53", TallyDimension.isoWeek(java.time.LocalDate.of(2027, 1, 1)), "2026 has 53 ISO weeks");
        assertEquals("2025-W01", TallyDimension.isoWeek(java.time.LocalDate.of(2024, 12, 30)));
        assertEquals("2026-W01", TallyDimension.isoWeek(java.time.LocalDate.of(2026, 1, 1)));
    }

    @Test
    void subjectDistrictIsTheOneNamedInTheText() {
        var changes = TallyArithmetic.diff(Contribution.NONE, of("xihu", "chunan", "gaps", List.of("gaps")));
        assertEquals(1, primary(changes, TallyDimension.STATION, "xihu", "gaps"));
        assertEquals(1, primary(changes, TallyDimension.SUBJECT, "chunan", "gaps"));
        assertEquals(0, primary(changes, TallyDimension.SUBJECT, "xihu", "gaps"));
    }

    @Test
    void secondLabelAddsAMentionButNoPrimaryCount() {
        var changes = TallyArithmetic.diff(Contribution.NONE, of("binjiang", null, "ai", List.of("ai", "industry")));
        assertEquals(0, primary(changes, TallyDimension.STATION, "binjiang", "industry"));
        assertTrue(changes.cells().stream().anyMatch(d -> d.topic().equals("industry") && d.mentions() == 1
                && d.primary() == 0));
        assertTrue(changes.cells().stream().anyMatch(d -> d.dimension() == TallyDimension.ALL && d.mentions() == 2
                && d.primary() == 1));
    }

    @Test
    void sameStateTwiceChangesNothing() {
        Contribution c = of("fuyang", "tonglu", "culture", List.of("culture", "opening"));
        assertTrue(TallyArithmetic.diff(c, c).isEmpty());
    }

    @Test
    void retagMovesTheCountBetweenCellsAndNotTheTotal() {
        var changes = TallyArithmetic.diff(of("xihu", null, "urban", List.of("urban")),
                of("xihu", null, "gaps", List.of("gaps")));
        assertEquals(-1, primary(changes, TallyDimension.STATION, "xihu", "urban"));
        assertEquals(1, primary(changes, TallyDimension.STATION, "xihu", "gaps"));
        assertEquals(0, primary(changes, TallyDimension.ALL, "*", "*"));
        assertTrue(changes.cells().stream().noneMatch(c -> c.dimension() == TallyDimension.ALL),
                "the all cell is unchanged");
    }

    @Test
    void mergeMovesOnlyTheClusterMembership() {
        Contribution before = of("xihu", null, "urban", List.of("urban"));
        UUID merged = UUID.randomUUID();
        Contribution after = Contribution.of(SUGGESTION, "xihu", null, "station", MORNING, "urban", List.of("urban"),
                merged);
        var changes = TallyArithmetic.diff(before, after);
        assertTrue(changes.cells().isEmpty(), "counts do not move");
        assertEquals(12, changes.members().size(), "leaves one cluster and joins the other in six cells");
    }

    @Test
    void aCellCountsAClusterWhileItHasMembers() {
        assertEquals(1, TallyArithmetic.clusterDelta(0, 1));
        assertEquals(0, TallyArithmetic.clusterDelta(1, 12));
        assertEquals(0, TallyArithmetic.clusterDelta(12, 11));
        assertEquals(-1, TallyArithmetic.clusterDelta(1, 0));
        assertThrows(IllegalStateException.class, () -> TallyArithmetic.clusterDelta(0, -1));
    }

    @Test
    void withoutAClusterASuggestionIsItsOwn() {
        UUID id = UUID.randomUUID();
        var c = Contribution.of(id, "xihu", null, "station", MORNING, "urban", List.of(), null);
        assertEquals(io.planconsult.contract.EventIds.cluster(id), c.clusterId());
        assertEquals(List.of("urban"), c.labels());
    }

    @Test
    void anySequenceOfStatesEndsEqualToARecountOfTheLastStates() {
        String[] districts = {"xihu", "binjiang", "chunan"};
        String[] topics = {"ai", "urban", "gaps", "other"};
        String[] channels = {"station", "forum", "media"};
        UUID[] clusters = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        Random random = new Random(42);
        Map<Integer, Contribution> current = new HashMap<>();
        Map<String, long[]> cells = new HashMap<>();
        Map<String, Long> members = new HashMap<>();
        for (int step = 0; step < 3_000; step++) {
            int suggestion = random.nextInt(50);
            String primaryTopic = topics[random.nextInt(topics.length)];
            Contribution next = random.nextInt(10) == 0 ? Contribution.NONE : Contribution.of(UUID.randomUUID(),
                    districts[random.nextInt(3)], random.nextBoolean() ? null : districts[random.nextInt(3)],
                    channels[random.nextInt(3)],
                    MORNING.plusSeconds(random.nextInt(20) * 86_400L), primaryTopic,
                    random.nextBoolean() ? List.of(primaryTopic) : List.of(primaryTopic,
                    topics[random.nextInt(topics.length)]),
                    clusters[random.nextInt(3)]);
            apply(cells, members, TallyArithmetic.diff(current.getOrDefault(suggestion, Contribution.NONE), next));
            current.put(suggestion, next);
        }
        Map<String, long[]> recount = new HashMap<>();
        Map<String, Long> recountMembers = new HashMap<>();
        for (Contribution c : current.values()) {
            apply(recount, recountMembers, TallyArithmetic.diff(Contribution.NONE, c));
        }
        cells.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0);
        recount.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0);
        assertEquals(recount.keySet(), cells.keySet());
        recount.forEach((k, v) -> assertEquals(List.of(v[0], v[1], v[2]),
                List.of(cells.get(k)[0], cells.get(k)[1], cells.get(k)[2]), k));
        long counted = current.values().stream().filter(c -> !c.isNone()).count();
        long total = cells.entrySet().stream().filter(e -> e.getKey().startsWith("STATION"))
                .mapToLong(e -> e.getValue()[0]).sum();
        assertEquals(counted, total, "primary counts add up to the number of suggestions");
    }

    /** What the ledger does with a change, in memory: cluster counts follow the memberships. */
    private static void apply(Map<String, long[]> cells, Map<String, Long> members, TallyArithmetic.Changes changes) {
        for (TallyDelta d : changes.cells()) {
            long[] cell = cells.computeIfAbsent(d.dimension() + "/" + d.bucket() + "/" + d.topic(), k -> new long[3]);
            cell[0] += d.primary();
            cell[1] += d.mentions();
        }
        for (MemberDelta m : changes.members()) {
            String cellKey = m.dimension() + "/" + m.bucket() + "/" + m.topic();
            long before = members.getOrDefault(cellKey + "/" + m.clusterId(), 0L);
            long after = before + m.members();
            members.put(cellKey + "/" + m.clusterId(), after);
            cells.computeIfAbsent(cellKey, k -> new long[3])[2] += TallyArithmetic.clusterDelta(before, after);
        }
    }
}
