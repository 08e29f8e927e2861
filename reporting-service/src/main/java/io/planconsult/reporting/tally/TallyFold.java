package io.planconsult.reporting.tally;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The one routine that folds tally changes into cells: the live ledger folds an event's (or a batch's) changes and
 * writes the result as increments; a rebuild folds every final state from nothing and writes the result as rows.
 * Cells sum suggestions and mentions; a cell's distinct clusters follow from its cluster memberships (it gains a
 * cluster when the first member arrives, loses it when the last leaves), settled against the memberships stored.
 * Keys are kept sorted (but in a recount): the ledger writes rows in this order, so concurrent transactions do not
 * deadlock.
 */
public final class TallyFold {

    public record CellKey(TallyDimension dimension, String bucket, String topic) {
    }

    public record MemberKey(TallyDimension dimension, String bucket, String topic, UUID clusterId) {
    }

    private static final Comparator<CellKey> CELL_ORDER = Comparator.comparing(CellKey::dimension)
            .thenComparing(CellKey::bucket).thenComparing(CellKey::topic);
    private static final Comparator<MemberKey> MEMBER_ORDER = Comparator.comparing(MemberKey::dimension)
            .thenComparing(MemberKey::bucket).thenComparing(MemberKey::topic).thenComparing(MemberKey::clusterId);

    /** Per cell: suggestions counted under its topic, mentions, distinct clusters (after {@link #settle}). */
    private final Map<CellKey, long[]> cells;
    /** Per membership: the net change, then (after {@link #settle}) the members before and after. */
    private final Map<MemberKey, long[]> members;
    private boolean settled;

    /** A fold whose keys are kept in lock order (the live ledger's). */
    public TallyFold() {
        this(true);
    }

    /**
     * @param ordered whether to keep the keys in lock order; a recount from nothing (a rebuild: hundreds of thousands
     *                of memberships) hashes them instead, and its writer orders the rows itself
     */
    private TallyFold(boolean ordered) {
        cells = ordered ? new TreeMap<>(CELL_ORDER) : new HashMap<>();
        members = ordered ? new TreeMap<>(MEMBER_ORDER) : new HashMap<>();
    }

    public void add(TallyArithmetic.Changes changes) {
        if (settled) {
            throw new IllegalStateException("a settled fold takes no more changes");
        }
        for (MemberDelta m : changes.members()) {
            MemberKey key = new MemberKey(m.dimension(), m.bucket(), m.topic(), m.clusterId());
            members.computeIfAbsent(key, k -> new long[3])[0] += m.members();
        }
        for (TallyDelta d : changes.cells()) {
            long[] cell = cell(d.dimension(), d.bucket(), d.topic());
            cell[0] += d.primary();
            cell[1] += d.mentions();
        }
    }

    /**
     * Settles the memberships against those stored (visited in key order) and adds the distinct-cluster changes they
     * make to the cells.
     *
     * @param stored members a membership had before this fold (0 for a fold from nothing)
     */
    public TallyFold settle(ToLongFunction<MemberKey> stored) {
        settled = true;
        members.forEach((key, m) -> {
            m[1] = stored.applyAsLong(key);
            m[2] = m[1] + m[0];
            cell(key.dimension(), key.bucket(), key.topic())[2] += TallyArithmetic.clusterDelta(m[1], m[2]);
        });
        return this;
    }

    /** The tallies of final states, counted from nothing by the same arithmetic the ledger applies change by change. */
    public static TallyFold recount(Iterable<TaggedSuggestion> states) {
        TallyFold fold = new TallyFold(false);
        for (TaggedSuggestion s : states) {
            Contribution c = Contribution.of(s);
            if (!c.isNone()) {
                fold.add(TallyArithmetic.diff(Contribution.NONE, c));
            }
        }
        return fold.settle(k -> 0);
    }

    /** Per cell, in lock order unless a recount: {primary, mentions, clusters} to add. */
    public Map<CellKey, long[]> cells() {
        return Collections.unmodifiableMap(cells);
    }

    /** Per membership, in lock order unless a recount: {net change, members before, members after}; once settled. */
    public Map<MemberKey, long[]> members() {
        return Collections.unmodifiableMap(members);
    }

    public boolean isEmpty() {
        return cells.isEmpty() && members.isEmpty();
    }

    private long[] cell(TallyDimension dimension, String bucket, String topic) {
        return cells.computeIfAbsent(new CellKey(dimension, bucket, topic), k -> new long[3]);
    }
}
