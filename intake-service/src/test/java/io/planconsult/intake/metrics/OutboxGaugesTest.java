package io.planconsult.intake.metrics;

import static io.planconsult.infra.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.PrometheusSamples;
import io.planconsult.intake.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The outbox gauges read the table as the relay sees it: rows written here with known states and times (pending but
 * leased by "another instance", so the relay leaves them alone; pending behind a parked row; parked) must move the
 * backlog, oldest-age and parked gauges by exactly what they are.
 */
@QuarkusTest
class OutboxGaugesTest {

    private static final String BACKLOG = "planconsult_intake_outbox_backlog_rows";
    private static final String OLDEST = "planconsult_intake_outbox_oldest_age_seconds";
    private static final String PARKED = "planconsult_intake_outbox_parked_rows";

    @Inject
    DataSource dataSource;

    @Test
    void backlogCountsPendingRowsOnlyAndParkedRowsAreCountedApart() throws Exception {
        // Nothing of other tests in flight, so the deltas below are this test's rows alone.
        await(() -> QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("parkedAt is null")) == 0,
                Duration.ofSeconds(30), "the outbox drains");
        PrometheusSamples before = scrapeFresh();
        Instant now = Instant.now();
        String leasedKey = "gauge-test-" + UUID.randomUUID();
        String parkedKey = "gauge-test-" + UUID.randomUUID();
        try {
            // Pending, leased for an hour by another instance: waiting for two hours.
            insert(leasedKey, now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), null);
            // Parked five hours ago and the row of its key waiting behind it (pending, never claimable).
            insert(parkedKey, now.minus(Duration.ofHours(5)), null, now.minus(Duration.ofHours(4)));
            insert(parkedKey, now.minus(Duration.ofMinutes(30)), null, null);

            PrometheusSamples after = scrapeFresh();
            assertEquals(2, after.sum(BACKLOG, Map.of()) - before.sum(BACKLOG, Map.of()),
                    "the two pending rows are backlog; the parked one is not");
            assertEquals(1, after.sum(PARKED, Map.of()) - before.sum(PARKED, Map.of()), "the parked row");
            double oldest = after.sum(OLDEST, Map.of());
            // The oldest pending row is two hours old; the parked row (five hours) must not count.
            assertTrue(oldest >= 7_200 && oldest < 7_300, "oldest pending row's age: " + oldest);
        } finally {
            delete(leasedKey);
            delete(parkedKey);
        }
        PrometheusSamples cleared = scrapeFresh();
        assertEquals(before.sum(PARKED, Map.of()), cleared.sum(PARKED, Map.of()), "parked gauge back");
        assertTrue(cleared.sum(OLDEST, Map.of()) < 7_200, "oldest age back");
    }

    /** A scrape after the gauges' one-second cache has expired, so it reads the table now. */
    private static PrometheusSamples scrapeFresh() throws InterruptedException {
        Thread.sleep(1_100);
        return IntakeMetricsTest.scrape();
    }

    private void insert(String key, Instant occurredAt, Instant claimedUntil, Instant parkedAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outbox_event (seq, event_id, event_type, topic, message_key, payload, occurred_at,
                    attempts, claimed_until, parked_at, last_error)
                VALUES (nextval('outbox_event_seq'), ?, 'gauge.test', 'planconsult.gauge-test', ?, '{}', ?, 0, ?, ?, ?)
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(occurredAt));
            insert.setTimestamp(4, claimedUntil == null ? null : Timestamp.from(claimedUntil));
            insert.setTimestamp(5, parkedAt == null ? null : Timestamp.from(parkedAt));
            insert.setString(6, parkedAt == null ? null : "GaugeTest");
            insert.executeUpdate();
        }
    }

    private void delete(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE message_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }
}
