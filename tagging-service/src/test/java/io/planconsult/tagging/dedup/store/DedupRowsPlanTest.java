package io.planconsult.tagging.dedup.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The newcomer's shortlist must read the band index, not the whole band table, even where PostgreSQL has no
 * statistics yet: a fresh campaign schema before autovacuum's first ANALYZE, or a server with autovacuum off. The
 * test shadows {@code dedup_band} with a temporary copy (same columns and primary key) that was never analysed,
 * fills it like an index of about 2,000 representatives, and reads the plans.
 */
@QuarkusTest
class DedupRowsPlanTest {

    private static final int KEYS = 192;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theShortlistProbesTheBandIndexOnATableWithoutStatistics() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE dedup_band (LIKE dedup_band INCLUDING ALL) ON COMMIT DROP");
                s.execute("INSERT INTO pg_temp.dedup_band (band_key, suggestion_id, position)"
                        + " SELECT (random() * 1e15)::bigint, 's' || g, g FROM generate_series(1, 2000) AS g,"
                        + " generate_series(1, 100) AS band");
            }
            Long[] keys = new Long[KEYS];
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT band_key FROM pg_temp.dedup_band LIMIT " + KEYS)) {
                for (int i = 0; rs.next(); i++) {
                    keys[i] = rs.getLong(1);
                }
            }
            String premise = plan(c, "SELECT position FROM dedup_band WHERE band_key = ANY (?::bigint[])", keys);
            assertTrue(premise.contains("Seq Scan on dedup_band"),
                    "premise: without statistics '= ANY' of " + KEYS + " keys reads the whole table\n" + premise);

            String shortlist = plan(c, DedupRows.SHORTLIST, keys, 32);
            assertFalse(shortlist.contains("Seq Scan on dedup_band"), shortlist);
            assertTrue(shortlist.contains("Index Cond: (band_key = k.band_key)"), shortlist);
            c.rollback();
        }
    }

    @Test
    void theServicesConnectionsNeverCompileQueries() throws SQLException {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW jit")) {
            rs.next();
            assertEquals("off", rs.getString(1));
        }
    }

    private static String plan(Connection c, String sql, Long[] keys, Object... more) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            s.setArray(1, c.createArrayOf("bigint", keys));
            for (int i = 0; i < more.length; i++) {
                s.setObject(i + 2, more[i]);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        }
    }
}
