package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TallyArithmeticTest {

    private static long primary(List<TallyDelta> deltas, Perspective p, String district, String topic) {
        return deltas.stream().filter(d -> d.perspective() == p && d.district().equals(district) && d.topic().equals(topic))
                .mapToLong(TallyDelta::primary).sum();
    }

    @Test
    void firstTaggingCountsOncePerPerspective() {
        var deltas = TallyArithmetic.diff(Contribution.NONE, Contribution.of("xihu", null, "urban", List.of("urban")));
        assertEquals(1, primary(deltas, Perspective.STATION, "xihu", "urban"));
        assertEquals(1, primary(deltas, Perspective.SUBJECT, "xihu", "urban"));
        assertEquals(2, deltas.size());
    }

    @Test
    void subjectDistrictIsTheOneNamedInTheText() {
        var deltas = TallyArithmetic.diff(Contribution.NONE, Contribution.of("xihu", "chunan", "gaps", List.of("gaps")));
        assertEquals(1, primary(deltas, Perspective.STATION, "xihu", "gaps"));
        assertEquals(1, primary(deltas, Perspective.SUBJECT, "chunan", "gaps"));
        assertEquals(0, primary(deltas, Perspective.SUBJECT, "xihu", "gaps"));
    }

    @Test
    void secondLabelAddsAMentionButNoPrimaryCount() {
        var deltas = TallyArithmetic.diff(Contribution.NONE, Contribution.of("binjiang", null, "ai", List.of("ai", "industry")));
        assertEquals(0, primary(deltas, Perspective.STATION, "binjiang", "industry"));
        assertTrue(deltas.stream().anyMatch(d -> d.topic().equals("industry") && d.mentions() == 1 && d.primary() == 0));
    }

    @Test
    void sameStateTwiceChangesNothing() {
        Contribution c = Contribution.of("fuyang", "tonglu", "culture", List.of("culture", "opening"));
        assertEquals(List.of(), TallyArithmetic.diff(c, c));
    }

    @Test
    void retagMovesTheCountBetweenCells() {
        var deltas = TallyArithmetic.diff(Contribution.of("xihu", null, "urban", List.of("urban")),
                Contribution.of("xihu", null, "gaps", List.of("gaps")));
        assertEquals(-1, primary(deltas, Perspective.STATION, "xihu", "urban"));
        assertEquals(1, primary(deltas, Perspective.STATION, "xihu", "gaps"));
    }

    @Test
    void anySequenceOfStatesEndsEqualToARecountOfTheLastStates() {
        String[] districts = {"xihu", "binjiang", "chunan"};
        String[] topics = {"ai", "urban", "gaps", "other"};
        Random random = new Random(42);
        Map<Integer, Contribution> current = new HashMap<>();
        Map<String, long[]> cells = new HashMap<>();
        for (int step = 0; step < 2_000; step++) {
            int suggestion = random.nextInt(50);
            String primaryTopic = topics[random.nextInt(topics.length)];
            Contribution next = Contribution.of(districts[random.nextInt(3)], random.nextBoolean() ? null : districts[random.nextInt(3)],
                    primaryTopic, random.nextBoolean() ? List.of(primaryTopic) : List.of(primaryTopic, topics[random.nextInt(topics.length)]));
            for (TallyDelta d : TallyArithmetic.diff(current.getOrDefault(suggestion, Contribution.NONE), next)) {
                long[] cell = cells.computeIfAbsent(d.perspective() + "/" + d.district() + "/" + d.topic(), k -> new long[2]);
                cell[0] += d.primary();
                cell[1] += d.mentions();
            }
            current.put(suggestion, next);
        }
        Map<String, long[]> recount = new HashMap<>();
        for (Contribution c : current.values()) {
            for (TallyDelta d : TallyArithmetic.diff(Contribution.NONE, c)) {
                long[] cell = recount.computeIfAbsent(d.perspective() + "/" + d.district() + "/" + d.topic(), k -> new long[2]);
                cell[0] += d.primary();
                cell[1] += d.mentions();
            }
        }
        cells.values().removeIf(v -> v[0] == 0 && v[1] == 0);
        assertEquals(recount.keySet(), cells.keySet());
        recount.forEach((k, v) -> assertEquals(List.of(v[0], v[1]), List.of(cells.get(k)[0], cells.get(k)[1]), k));
        long total = cells.entrySet().stream().filter(e -> e.getKey().startsWith("STATION")).mapToLong(e -> e.getValue()[0]).sum();
        assertEquals(current.size(), total, "primary counts add up to the number of suggestions");
    }
}
