package io.planconsult.reporting.tally;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The change counter live streams poll: every transaction that changes a tally bumps it, on any instance, so a
 * client of any instance notices. It is spread over {@link #SLOTS} rows of {@code tally_version} (migration V4_2):
 * a transaction bumps the row of its first suggestion's slot, so transactions of different suggestions (and so of
 * different partitions and instances) rarely wait on the same row; the counter is the sum, which grows whenever any
 * slot does. The only place that reads or writes {@code tally_version}.
 */
@ApplicationScoped
public class TallyVersion {

    static final int SLOTS = 16;

    private final DataSource dataSource;

    TallyVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Bumps slot 1, for a change of the whole model (a rebuild). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        bump(null);
    }

    /** Bumps the slot of {@code suggestionId} (null: slot 1) in the caller's transaction, which commits it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump(UUID suggestionId) {
        int slot = suggestionId == null ? 1 : 1 + Math.floorMod(suggestionId.hashCode(), SLOTS);
        Panache.getEntityManager().createNativeQuery("UPDATE tally_version SET version = version + 1 WHERE id = ?1")
                .setParameter(1, slot).executeUpdate();
    }

    /**
     * The counter, read on a pooled connection of its own (autocommit, no transaction or ORM session): a dashboard
     * request costs this read and nothing else while the tallies have not changed.
     */
    public long current() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement sum = connection.prepareStatement(
                        "SELECT COALESCE(SUM(version), 0) FROM tally_version");
                ResultSet row = sum.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("tally change counter unreadable", e);
        }
    }
}
