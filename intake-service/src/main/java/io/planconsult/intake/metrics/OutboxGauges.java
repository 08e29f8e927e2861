package io.planconsult.intake.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gauges over the outbox table, read when Prometheus scrapes (at most once a second): rows waiting to be relayed,
 * the age of the oldest, and rows parked by the relay. The queries are configuration so that the relay's own notion of
 * "pending" and "parked" stays the one source of truth ({@code intake.metrics.outbox-*-sql}).
 */
@ApplicationScoped
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);
    private static final long MAX_STALENESS_NANOS = Duration.ofSeconds(1).toNanos();

    private final DataSource dataSource;
    private final String backlogSql;
    private final String parkedSql;

    private long readAt = Long.MIN_VALUE;
    private double backlog = Double.NaN;
    private double oldestAgeSeconds = Double.NaN;
    private double parked = Double.NaN;
    private boolean parkedWarned;

    OutboxGauges(DataSource dataSource,
            @ConfigProperty(name = "intake.metrics.outbox-backlog-sql") String backlogSql,
            @ConfigProperty(name = "intake.metrics.outbox-parked-sql") String parkedSql) {
        this.dataSource = dataSource;
        this.backlogSql = backlogSql;
        this.parkedSql = parkedSql;
    }

    void register(@Observes StartupEvent ignored, MeterRegistry registry) {
        Gauge.builder("planconsult.intake.outbox.backlog", this, g -> g.read().backlog)
                .description("Outbox rows not yet acknowledged by the broker (parked rows excluded)")
                .baseUnit("rows").register(registry);
        Gauge.builder("planconsult.intake.outbox.oldest.age", this, g -> g.read().oldestAgeSeconds)
                .description("Age of the oldest outbox row waiting to be relayed; 0 when none waits")
                .baseUnit("seconds").register(registry);
        Gauge.builder("planconsult.intake.outbox.parked", this, g -> g.read().parked)
                .description("Outbox rows the relay parked after repeated failures").baseUnit("rows")
                .register(registry);
    }

    private synchronized OutboxGauges read() {
        long now = System.nanoTime();
        if (readAt != Long.MIN_VALUE && now - readAt < MAX_STALENESS_NANOS) {
            return this;
        }
        readAt = now;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(backlogSql)) {
                rows.next();
                backlog = rows.getLong(1);
                Timestamp oldest = rows.getTimestamp(2);
                oldestAgeSeconds = oldest == null ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
            }
            parked = readParked(statement);
        } catch (SQLException e) {
            LOG.warnf("outbox gauges unavailable: %s", e.getClass().getSimpleName());
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
        }
        return this;
    }

    private double readParked(Statement statement) {
        try (ResultSet rows = statement.executeQuery(parkedSql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            if (!parkedWarned) {
                parkedWarned = true;
                LOG.warnf("parked-rows gauge unavailable (%s); check intake.metrics.outbox-parked-sql", e.getMessage());
            }
            return Double.NaN;
        }
    }
}
