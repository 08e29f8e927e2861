package io.planconsult.reporting.tally;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;

/**
 * The live ledger's writes of a batch's fold, a constant number of statements per batch whatever its size: the
 * cluster memberships it touches are claimed (a placeholder row for each new one) and read and locked in one query,
 * changed in one update and one delete, and the cells are added to in one upsert. Each statement sends its rows as
 * arrays ({@code unnest}), in key order, so concurrent batches lock rows in the same order. Claiming first means two
 * instances whose batches bring the same new membership queue on its row instead of one failing on its primary key
 * (which made the whole batch be applied again one event at a time). Plain JDBC on the transaction's connection.
 */
final class ClusterMemberships {

    /** A placeholder (0 members) for each key without a row, so that the lock below holds every key. */
    private static final String CLAIM = "INSERT INTO tally_cluster_member (perspective, district, topic, cluster_id, "
            + "members) SELECT p, d, t, c, 0 FROM unnest(?::text[], ?::text[], ?::text[], ?::uuid[]) AS k(p, d, t, c) "
            + "ORDER BY p, d, t, c ON CONFLICT DO NOTHING";
    private static final String LOCK = "SELECT m.perspective, m.district, m.topic, m.cluster_id, m.members "
            + "FROM tally_cluster_member m JOIN unnest(?::text[], ?::text[], ?::text[], ?::uuid[]) AS k(p, d, t, c) "
            + "ON m.perspective = k.p AND m.district = k.d AND m.topic = k.t AND m.cluster_id = k.c "
            + "ORDER BY m.perspective, m.district, m.topic, m.cluster_id FOR UPDATE OF m";
    private static final String UPDATE = "UPDATE tally_cluster_member m SET members = k.n "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::uuid[], ?::bigint[]) AS k(p, d, t, c, n) "
            + "WHERE m.perspective = k.p AND m.district = k.d AND m.topic = k.t AND m.cluster_id = k.c";
    private static final String DELETE = "DELETE FROM tally_cluster_member m "
            + "USING unnest(?::text[], ?::text[], ?::text[], ?::uuid[], ?::bigint[]) AS k(p, d, t, c, n) "
            + "WHERE m.perspective = k.p AND m.district = k.d AND m.topic = k.t AND m.cluster_id = k.c";
    private static final String ADD_TO_CELLS = "INSERT INTO tally_cell (perspective, district, topic, primary_count, "
            + "mention_count, cluster_count) SELECT p, d, t, pc, mc, cc FROM unnest(?::text[], ?::text[], ?::text[], "
            + "?::bigint[], ?::bigint[], ?::bigint[]) WITH ORDINALITY AS k(p, d, t, pc, mc, cc, o) ORDER BY o "
            + "ON CONFLICT (perspective, district, topic) DO UPDATE SET "
            + "primary_count = tally_cell.primary_count + EXCLUDED.primary_count, "
            + "mention_count = tally_cell.mention_count + EXCLUDED.mention_count, "
            + "cluster_count = tally_cell.cluster_count + EXCLUDED.cluster_count";

    private ClusterMemberships() {
    }

    /**
     * How often a batch claims again the memberships that a concurrent transaction deleted between its claim and its
     * lock (the last member left there); each round means another transaction committed, so more rounds than this is a
     * fault, not a race.
     */
    private static final int CLAIM_ROUNDS = 8;

    /**
     * Claims and locks every key. A key's row can vanish between the claim and the lock: the claim found a committed
     * row, another transaction holding its lock took its last member away and deleted it, and the lock then skips it.
     * Such keys are claimed again (a new placeholder) until every key is held, so no batch writes a membership that
     * has no row (an update of nothing would lose the member, and the cell's cluster count with it).
     *
     * @return the members stored for each of {@code keys} (0 for a new one), every key's row locked for update
     */
    static Map<TallyFold.MemberKey, Long> lockAll(EntityManager em, Collection<TallyFold.MemberKey> keys) {
        Map<TallyClusterMember.Key, TallyFold.MemberKey> byRow = new HashMap<>();
        keys.forEach(k -> byRow.put(row(k), k));
        Map<TallyFold.MemberKey, Long> held = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            Collection<TallyFold.MemberKey> missing = keys;
            for (int round = 0; !missing.isEmpty(); round++) {
                if (round == CLAIM_ROUNDS) {
                    throw new IllegalStateException(missing.size() + " cluster memberships vanished " + CLAIM_ROUNDS
                            + " times between their claim and their lock");
                }
                claimAndLock(c, missing, byRow, held);
                missing = keys.stream().filter(k -> !held.containsKey(k)).toList();
            }
        });
        return held;
    }

    private static void claimAndLock(Connection c, Collection<TallyFold.MemberKey> keys,
            Map<TallyClusterMember.Key, TallyFold.MemberKey> byRow, Map<TallyFold.MemberKey, Long> held)
            throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
            bindKeys(c, claim, keys);
            claim.executeUpdate();
        }
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            bindKeys(c, lock, keys);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    TallyClusterMember.Key stored = new TallyClusterMember.Key(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getObject(4, UUID.class));
                    held.put(byRow.get(stored), rs.getLong(5));
                }
            }
        }
    }

    /**
     * Stores a settled fold's memberships ({net change, before, after} each) over the rows {@link #lockAll} claimed:
     * a row only while after > 0, so a placeholder that stays at 0 goes again.
     */
    static void store(EntityManager em, Map<TallyFold.MemberKey, long[]> members) {
        em.unwrap(Session.class).doWork(c -> {
            change(c, UPDATE, members, m -> m[2] > 0 && m[1] != m[2]);
            change(c, DELETE, members, m -> m[2] == 0);
        });
    }

    /** Adds {primary, mentions, clusters} to each cell, creating the cells not stored yet. */
    static void addToCells(EntityManager em, Map<TallyFold.CellKey, long[]> cells) {
        List<Map.Entry<TallyFold.CellKey, long[]>> changed = cells.entrySet().stream()
                .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0 || e.getValue()[2] != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement add = c.prepareStatement(ADD_TO_CELLS)) {
                add.setArray(1, text(c, changed.stream().map(e -> e.getKey().dimension().code())));
                add.setArray(2, text(c, changed.stream().map(e -> e.getKey().bucket())));
                add.setArray(3, text(c, changed.stream().map(e -> e.getKey().topic())));
                for (int i = 0; i < 3; i++) {
                    int column = i;
                    add.setArray(4 + i, c.createArrayOf("bigint",
                            changed.stream().map(e -> e.getValue()[column]).toArray(Long[]::new)));
                }
                add.executeUpdate();
            }
        });
    }

    private static void change(Connection c, String sql, Map<TallyFold.MemberKey, long[]> members,
            Predicate<long[]> which) throws SQLException {
        List<TallyFold.MemberKey> keys = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        members.forEach((k, m) -> {
            if (which.test(m)) {
                keys.add(k);
                after.add(m[2]);
            }
        });
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bindKeys(c, statement, keys);
            statement.setArray(5, c.createArrayOf("bigint", after.toArray(Long[]::new)));
            statement.executeUpdate();
        }
    }

    private static void bindKeys(Connection c, PreparedStatement statement, Collection<TallyFold.MemberKey> keys)
            throws SQLException {
        statement.setArray(1, text(c, keys.stream().map(k -> k.dimension().code())));
        statement.setArray(2, text(c, keys.stream().map(TallyFold.MemberKey::bucket)));
        statement.setArray(3, text(c, keys.stream().map(TallyFold.MemberKey::topic)));
        statement.setArray(4, c.createArrayOf("uuid", keys.stream().map(TallyFold.MemberKey::clusterId)
                .toArray(UUID[]::new)));
    }

    private static java.sql.Array text(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }

    private static TallyClusterMember.Key row(TallyFold.MemberKey key) {
        return new TallyClusterMember.Key(key.dimension().code(), key.bucket(), key.topic(), key.clusterId());
    }
}
