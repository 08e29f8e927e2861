package io.planconsult.reporting.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The interleaving a shuffled two-consumer stream once hit in CI: a batch claims a membership whose row exists (one
 * member), another transaction holding that row's lock takes the last member away and deletes the row, and the batch's
 * lock then finds no row. The batch must claim the membership again and hold it, so the member it adds is stored
 * (before the fix its update touched no row: the member was lost, and a later removal found fewer than no members).
 */
@QuarkusTest
class ClusterMembershipsRaceTest {

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMembershipDeletedBetweenClaimAndLockIsClaimedAgainAndKeepsTheNewMember() throws Exception {
        UUID cluster = UUID.randomUUID();
        TallyFold.MemberKey key = new TallyFold.MemberKey(TallyDimension.STATION, "xihu", "urban", cluster);
        try (Connection c = dataSource.getConnection()) {
            execute(c, "INSERT INTO tally_cluster_member (perspective, district, topic, cluster_id, members) "
                    + "VALUES ('station', 'xihu', 'urban', ?, 1)", cluster);
        }
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "SELECT members FROM tally_cluster_member WHERE cluster_id = ? FOR UPDATE", cluster);

            CompletableFuture<Long> batch = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                    .call(() -> {
                Map<TallyFold.MemberKey, Long> held = ClusterMemberships.lockAll(em, List.of(key));
                Map<TallyFold.MemberKey, long[]> members = new TreeMap<>(
                        java.util.Comparator.comparing(TallyFold.MemberKey::clusterId));
                members.put(key, new long[] {1, held.get(key), held.get(key) + 1});
                ClusterMemberships.store(em, members);
                return held.get(key);
            }));
            awaitBlockedOnALock();
            execute(other, "DELETE FROM tally_cluster_member WHERE cluster_id = ?", cluster);
            other.commit();

            assertEquals(0L, batch.get(30, TimeUnit.SECONDS),
                    "the batch holds a fresh placeholder, not the deleted row");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT members FROM tally_cluster_member WHERE cluster_id = ?")) {
            st.setObject(1, cluster);
            ResultSet rs = st.executeQuery();
            assertTrue(rs.next(), "the membership the batch added is stored");
            assertEquals(1, rs.getLong(1));
            // The membership has no cell or suggestion behind it: leave the model a recount agrees with.
            execute(c, "DELETE FROM tally_cluster_member WHERE cluster_id = ?", cluster);
        }
    }

    private void awaitBlockedOnALock() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND query LIKE '%FOR UPDATE OF m%'")) {
            while (System.nanoTime() < deadline) {
                ResultSet rs = st.executeQuery();
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the batch never waited for the membership's lock");
    }

    private static void execute(Connection c, String sql, UUID cluster) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, cluster);
            st.execute();
        }
    }
}
