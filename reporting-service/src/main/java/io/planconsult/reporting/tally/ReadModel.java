package io.planconsult.reporting.tally;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The whole read model at once: emptied for a rebuild, and the runs that rebuild it. */
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    /** Everything a rebuild recreates from the topics. */
    private static final String TABLES = "applied_event, tagged_suggestion, tally_cell, tally_cluster_member, forum";

    /**
     * Starts a run and empties the read model, unless a run is already going (one that still reports progress).
     * On PostgreSQL one TRUNCATE takes every table at once: it waits for transactions in flight on any instance and
     * holds new ones back until it commits, so no live event is half-wiped.
     */
    @Transactional
    public Optional<RebuildRun> startRebuild(String groupPrefix, Duration staleAfter) {
        Instant now = Instant.now();
        long running = RebuildRun.count("state = ?1 and updatedAt > ?2", RebuildRun.State.RUNNING, now.minus(staleAfter));
        if (running > 0) {
            return Optional.empty();
        }
        RebuildRun run = new RebuildRun();
        run.runId = UUID.randomUUID();
        run.consumerGroup = groupPrefix + "-rebuild-" + run.runId.toString().substring(0, 8);
        run.state = RebuildRun.State.RUNNING;
        run.startedAt = now;
        run.updatedAt = now;
        run.endOffsets = "";
        run.persist();
        EntityManager em = Panache.getEntityManager();
        String database = em.unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName());
        if (database.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            em.createNativeQuery("TRUNCATE TABLE " + TABLES).executeUpdate();
        } else {
            // H2 (one instance on a laptop): table by table.
            for (String table : TABLES.split(", ")) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE tally_version SET version = version + 1 WHERE id = 1").executeUpdate();
        LOG.infof("rebuild %s: read model emptied, replaying with group %s", run.runId, run.consumerGroup);
        return Optional.of(run);
    }

    @Transactional
    public void progress(UUID runId, long target, String endOffsets, long done, long skipped, RebuildRun.State state, String failure) {
        RebuildRun run = RebuildRun.findById(runId);
        run.recordsTarget = target;
        run.endOffsets = endOffsets;
        run.recordsDone = done;
        run.recordsSkipped = skipped;
        run.state = state;
        run.failure = failure;
        run.updatedAt = Instant.now();
        if (state == RebuildRun.State.CAUGHT_UP && run.caughtUpAt == null) {
            run.caughtUpAt = run.updatedAt;
        }
    }

    @Transactional
    public Optional<RebuildRun> run(UUID runId) {
        return RebuildRun.findByIdOptional(runId);
    }

    /** The change counter live streams poll. */
    @Transactional
    public long version() {
        return ((Number) Panache.getEntityManager().createNativeQuery("SELECT version FROM tally_version WHERE id = 1").getSingleResult()).longValue();
    }
}
