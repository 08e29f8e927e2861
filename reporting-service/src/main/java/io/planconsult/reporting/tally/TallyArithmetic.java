package io.planconsult.reporting.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The changes that replace one contribution of a suggestion by another (a first tagging replaces
 * {@link Contribution#NONE}; a re-tag, an amendment that moves cells or a withdrawal replaces the old state).
 * Applying the changes of every state change keeps each cell equal to a from-scratch recount. Distinct cluster counts
 * follow from the memberships: a cell gains a cluster when its first member arrives and loses it when the last leaves
 * ({@link TallyFold} folds changes into cells).
 */
public final class TallyArithmetic {

    /** The cell changes (without cluster counts, which depend on stored memberships) and the membership changes. */
    public record Changes(List<TallyDelta> cells, List<MemberDelta> members) {
        public boolean isEmpty() {
            return cells.isEmpty() && members.isEmpty();
        }
    }

    private TallyArithmetic() {
    }

    public static Changes diff(Contribution before, Contribution after) {
        Map<Cell, long[]> cells = new LinkedHashMap<>();
        Map<Member, int[]> members = new LinkedHashMap<>();
        add(cells, members, before, -1);
        add(cells, members, after, +1);
        List<TallyDelta> cellDeltas = new ArrayList<>();
        cells.forEach((cell, counts) -> {
            if (counts[0] != 0 || counts[1] != 0) {
                cellDeltas.add(new TallyDelta(cell.dimension(), cell.bucket(), cell.topic(), counts[0], counts[1], 0));
            }
        });
        List<MemberDelta> memberDeltas = new ArrayList<>();
        members.forEach((m, count) -> {
            if (count[0] != 0) {
                memberDeltas.add(new MemberDelta(m.dimension(), m.bucket(), m.topic(), m.clusterId(), count[0]));
            }
        });
        return new Changes(cellDeltas, memberDeltas);
    }

    /**
     * How a cell's distinct cluster count changes when one cluster's members there go from {@code before} to {@code
     * after}.
     */
    public static int clusterDelta(long before, long after) {
        if (before < 0 || after < 0) {
            throw new IllegalStateException("a cluster cannot have fewer than no members in a cell");
        }
        return (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    }

    private record Cell(TallyDimension dimension, String bucket, String topic) {
    }

    private record Member(TallyDimension dimension, String bucket, String topic, UUID clusterId) {
    }

    private static void add(Map<Cell, long[]> cells, Map<Member, int[]> members, Contribution c, int sign) {
        if (c.isNone()) {
            return;
        }
        for (TallyDimension d : TallyDimension.values()) {
            if (!d.countsSuggestions()) {
                continue;
            }
            String bucket = d.bucket(c);
            String primary = d.perTopic() || !c.isSuggestion() ? c.primaryTopic() : TallyDimension.EVERYTHING;
            cells.computeIfAbsent(new Cell(d, bucket, primary), k -> new long[2])[0] += sign;
            for (String label : c.labels()) {
                String topic = d.perTopic() || !c.isSuggestion() ? label : TallyDimension.EVERYTHING;
                cells.computeIfAbsent(new Cell(d, bucket, topic), k -> new long[2])[1] += sign;
            }
            members.computeIfAbsent(new Member(d, bucket, primary, c.clusterId()), k -> new int[1])[0] += sign;
        }
        for (Contribution.PointCell p : c.points()) {
            cells.computeIfAbsent(new Cell(TallyDimension.POINTS_STATION, c.stationDistrict(), p.topic()),
                    k -> new long[2])[0] += sign;
            String district = p.district() != null ? p.district() : c.subjectDistrict();
            cells.computeIfAbsent(new Cell(TallyDimension.POINTS_SUBJECT, district, p.topic()),
                    k -> new long[2])[0] += sign;
        }
        if (c.flagged()) {
            for (TallyDimension d : List.of(TallyDimension.FLAGGED_STATION, TallyDimension.FLAGGED_SUBJECT)) {
                cells.computeIfAbsent(new Cell(d, d.bucket(c), c.primaryTopic()), k -> new long[2])[0] += sign;
            }
        }
    }
}
