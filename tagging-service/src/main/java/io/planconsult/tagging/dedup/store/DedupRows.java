package io.planconsult.tagging.dedup.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The near-duplicate index's rows read and written over the transaction's own JDBC connection. Plain statements, not
 * entities: a batch of suggestions would otherwise leave thousands of band and candidate entities in the persistence
 * context, and Hibernate's flush before each candidate query walks all of them (the flush grew with the square of the
 * batch and was most of tagging's CPU). PostgreSQL: band keys travel as one {@code bigint[]}.
 */
final class DedupRows {

    /** One stored entry as the cluster rule needs it. */
    record Row(String suggestionId, String clusterId, String similarTo, double similarity, boolean everyday,
            String shingles) {
    }

    private final Connection connection;

    DedupRows(Connection connection) {
        this.connection = connection;
    }

    /** Locks the index's clock row until the transaction ends and returns the last position handed out. */
    long lockClock() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT last_position FROM dedup_clock WHERE id = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("dedup_clock has no row 1 (the migration inserts it)");
            }
            return rs.getLong(1);
        }
    }

    void advanceClock(long position) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE dedup_clock SET last_position = ? WHERE id = 1")) {
            s.setLong(1, position);
            s.executeUpdate();
        }
    }

    Optional<Row> find(String suggestionId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT suggestion_id, cluster_id, similar_to, similarity, everyday, shingles FROM dedup_entry WHERE "
                + "suggestion_id = ?")) {
            s.setString(1, suggestionId);
            List<Row> rows = rows(s);
            return rows.stream().findFirst();
        }
    }

    /**
     * {@link io.planconsult.tagging.dedup.ClusterRule#shortlist} in SQL: of the entries (representatives: only they
     * have band rows) sharing at least one of the newcomer's distinct band keys, the {@code limit} sharing the most,
     * the earlier on equal counts; oldest first.
     * <p>The band rows are read one key at a time through the primary key ({@code LATERAL}, with {@code OFFSET 0} so
     * the planner cannot fold it into a join), not with {@code band_key = ANY (?)}: a table without statistics (a
     * fresh campaign schema before its first ANALYZE, or a server with autovacuum off) rates {@code = ANY} of 192 keys
     * at most of the table and scans all of it for every newcomer, a cost that grows with the index. One index probe
     * per key costs the same with or without statistics ({@code DedupRowsPlanTest}).
     */
    static final String SHORTLIST = "SELECT e.suggestion_id, e.cluster_id, e.similar_to, e.similarity, e.everyday,"
            + " e.shingles FROM (SELECT b.position FROM unnest(?::bigint[]) AS k(band_key)"
            + " CROSS JOIN LATERAL (SELECT position FROM dedup_band WHERE band_key = k.band_key OFFSET 0) AS b"
            + " GROUP BY b.position ORDER BY count(*) DESC, b.position LIMIT ?) AS chosen"
            + " JOIN dedup_entry e ON e.position = chosen.position ORDER BY e.position";

    List<Row> shortlist(long[] bandKeys, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(SHORTLIST)) {
            s.setArray(1, longs(bandKeys));
            s.setInt(2, limit);
            return rows(s);
        }
    }

    int representatives(String clusterId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT count(*) FROM dedup_entry WHERE cluster_id = ? AND representative")) {
            s.setString(1, clusterId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void insert(Row row, long position, boolean representative, Instant createdAt) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO dedup_entry (suggestion_id, position, cluster_id,"
                + " similar_to, similarity, everyday, representative, shingles, created_at) VALUES (?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)")) {
            s.setString(1, row.suggestionId());
            s.setLong(2, position);
            s.setString(3, row.clusterId());
            s.setString(4, row.similarTo());
            s.setDouble(5, row.similarity());
            s.setBoolean(6, row.everyday());
            s.setBoolean(7, representative);
            s.setString(8, row.shingles());
            s.setTimestamp(9, Timestamp.from(createdAt));
            s.executeUpdate();
        }
    }

    /** A representative's band rows, in one statement. */
    void insertBands(String suggestionId, long position, long[] bandKeys) throws SQLException {
        if (bandKeys.length == 0) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO dedup_band (band_key, suggestion_id, position) SELECT k, ?, ? FROM unnest(?) AS k")) {
            s.setString(1, suggestionId);
            s.setLong(2, position);
            s.setArray(3, longs(bandKeys));
            s.executeUpdate();
        }
    }

    private Array longs(long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }

    private static List<Row> rows(PreparedStatement s) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getBoolean(5),
                        rs.getString(6)));
            }
        }
        return rows;
    }
}
