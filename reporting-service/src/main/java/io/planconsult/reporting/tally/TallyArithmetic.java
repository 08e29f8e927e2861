package io.planconsult.reporting.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cell changes that replace one contribution of a suggestion by another (a first tagging
 * replaces {@link Contribution#NONE}; a re-tag or a move replaces the old state). Applying the
 * deltas of every state change keeps each cell equal to a from-scratch recount.
 */
public final class TallyArithmetic {

    private TallyArithmetic() {
    }

    public static List<TallyDelta> diff(Contribution before, Contribution after) {
        Map<Cell, long[]> changes = new LinkedHashMap<>();
        add(changes, before, -1);
        add(changes, after, +1);
        List<TallyDelta> deltas = new ArrayList<>();
        changes.forEach((cell, counts) -> {
            if (counts[0] != 0 || counts[1] != 0) {
                deltas.add(new TallyDelta(cell.perspective(), cell.district(), cell.topic(), counts[0], counts[1]));
            }
        });
        return deltas;
    }

    private record Cell(Perspective perspective, String district, String topic) {
    }

    private static void add(Map<Cell, long[]> changes, Contribution c, int sign) {
        if (c.isNone()) {
            return;
        }
        for (Perspective p : Perspective.values()) {
            String district = c.district(p);
            changes.computeIfAbsent(new Cell(p, district, c.primaryTopic()), k -> new long[2])[0] += sign;
            for (String label : c.labels()) {
                changes.computeIfAbsent(new Cell(p, district, label), k -> new long[2])[1] += sign;
            }
        }
    }
}
