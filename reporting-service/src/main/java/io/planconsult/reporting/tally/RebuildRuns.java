package io.planconsult.reporting.tally;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Rebuild runs: starting one (single-flight across instances), its progress and heartbeat, and reading it back.
 * A run that has not reported for {@code staleAfter} is taken to be dead (its instance stopped) and is failed when
 * the next run starts.
 */
@ApplicationScoped
public class RebuildRuns {

    private static final Logger LOG = Logger.getLogger(RebuildRuns.class);

    private final RebuildWriter writer;
    private final TallyVersion version;

    RebuildRuns(RebuildWriter writer, TallyVersion version) {
        this.writer = writer;
        this.version = version;
    }

    /**
     * Starts a run and empties the read model, unless a live run is going. Starts are serialised across instances by
     * a lock on the one {@code rebuild_guard} row, held until this transaction commits: two concurrent starts cannot
     * both see no run going (a count-then-insert without it could).
     *
     * @return the new run, or empty while another run is going
     */
    @Transactional
    public Optional<RebuildRun> start(String groupPrefix, Duration staleAfter) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery("SELECT id FROM rebuild_guard WHERE id = 1 FOR UPDATE").getSingleResult();
        Instant now = Instant.now();
        List<RebuildRun> running = RebuildRun.list("state", RebuildRun.State.RUNNING);
        for (RebuildRun other : running) {
            if (other.updatedAt.isAfter(now.minus(staleAfter))) {
                return Optional.empty();
            }
            other.state = RebuildRun.State.FAILED;
            other.failure = "abandoned: no heartbeat since " + other.updatedAt;
            other.updatedAt = now;
            LOG.warnf("rebuild %s abandoned (no heartbeat since %s)", other.runId, other.updatedAt);
        }
        RebuildRun run = new RebuildRun();
        run.runId = UUID.randomUUID();
        run.consumerGroup = groupPrefix + "-rebuild-" + run.runId.toString().substring(0, 8);
        run.state = RebuildRun.State.RUNNING;
        run.startedAt = now;
        run.updatedAt = now;
        run.endOffsets = "";
        run.persist();
        writer.empty(em);
        version.bump();
        LOG.infof("rebuild %s: read model emptied, replaying with group %s", run.runId, run.consumerGroup);
        return Optional.of(run);
    }

    @Transactional
    public void progress(UUID runId, long target, String endOffsets, long done, long skipped, RebuildRun.State state,
            String failure) {
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

    /** Shows the run alive while it writes (a long transaction of its own that reports no progress). */
    @Transactional
    public void heartbeat(UUID runId) {
        RebuildRun.update("updatedAt = ?1 where runId = ?2 and state = ?3", Instant.now(), runId,
                RebuildRun.State.RUNNING);
    }

    @Transactional
    public Optional<RebuildRun> run(UUID runId) {
        return RebuildRun.findByIdOptional(runId);
    }
}
