package io.planconsult.intake.forum;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.Topics;
import io.planconsult.intake.domain.Actor;
import io.planconsult.intake.domain.FieldError;
import io.planconsult.intake.domain.Suggestion;
import io.planconsult.intake.domain.SuggestionService;
import io.planconsult.intake.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The transactions of an import job. Each chunk stores its valid rows (suggestion, contact data,
 * submitted event, forum link via {@link SuggestionService#submit}), records its invalid rows'
 * errors, deletes the rows from the staging table and advances the job's progress, all in one
 * transaction: a crash leaves every row either fully done or still staged. The job row is locked
 * first and must still be leased to the caller, so two instances never process the same job.
 */
@ApplicationScoped
public class ImportProcessor {

    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);
    /** Hibernate's lock-timeout value for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    /** What a step left to do. */
    public enum Step {
        MORE, FINISHED, LOST
    }

    private record StagedRow(int number, ImportRow row) {
    }

    private final EntityManager em;
    private final SuggestionService suggestions;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ImportConfig config;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    ImportProcessor(EntityManager em, SuggestionService suggestions, Outbox outbox, ObjectMapper mapper,
            ImportConfig config) {
        this.em = em;
        this.suggestions = suggestions;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        this.zone = ZoneId.of(config.zone());
    }

    /**
     * Takes the oldest job that is queued, or running under a lease that has expired (its worker
     * crashed or was stopped), and leases it to {@code owner}. A job that has been started
     * {@code max-attempts} times already is failed instead.
     */
    @Transactional
    public Optional<UUID> claim(UUID owner) {
        Instant now = clock.instant();
        List<ForumImport> open = ForumImport.<ForumImport>find(
                "status in ?1 and (leaseUntil is null or leaseUntil < ?2) order by createdAt",
                List.of(ImportStatus.QUEUED, ImportStatus.RUNNING), now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, 1)
                .list();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        ForumImport job = open.get(0);
        if (job.attempts >= config.maxAttempts()) {
            int discarded = em.createNativeQuery("DELETE FROM forum_import_row WHERE import_id = ?1")
                    .setParameter(1, job.id).executeUpdate();
            complete(job, ImportStatus.FAILED, "interrupted " + job.attempts + " times; the " + discarded
                    + " rows not processed by then were discarded: import them again");
            return Optional.empty();
        }
        if (job.status == ImportStatus.RUNNING) {
            LOG.warnf("forum import resumed id=%s after an interrupted attempt; rows done=%d of %d", job.id,
                    job.rowsDone, job.totalRows);
        }
        job.status = ImportStatus.RUNNING;
        job.attempts++;
        job.leaseOwner = owner;
        job.leaseUntil = now.plus(config.lease());
        job.updatedAt = now;
        return Optional.of(job.id);
    }

    /** Stores or rejects the next {@code limit} rows; when none is left, completes the job. */
    @Transactional
    public Step processChunk(UUID importId, UUID owner, int limit) {
        ForumImport job = held(importId, owner);
        if (job == null) {
            return Step.LOST;
        }
        List<StagedRow> rows = staged(importId, limit);
        if (rows.isEmpty()) {
            complete(job, ImportStatus.COMPLETED, null);
            return Step.FINISHED;
        }
        Forum forum = Forum.findById(job.forumId);
        Instant now = clock.instant();
        Instant forumDay = RowRules.startOf(forum.heldOn, zone);
        for (StagedRow staged : rows) {
            RowRules.Checked checked = RowRules.check(staged.row(), forum.hostStationId, forumDay, zone, now);
            if (checked.valid()) {
                Suggestion stored = suggestions.submit(checked.suggestion(),
                        new Actor(job.requestedBy, job.requestedRole));
                ForumSuggestion link = new ForumSuggestion();
                link.suggestionId = stored.id;
                link.forumId = forum.id;
                link.importId = importId;
                link.rowNumber = staged.number();
                link.persist();
                job.accepted++;
            } else {
                reject(importId, staged.number(), checked.errors());
                job.rejected++;
            }
        }
        consumed(job, rows.get(rows.size() - 1).number(), rows.size(), now);
        return Step.MORE;
    }

    /** Rejects the next row with the given errors: used when storing it alone failed. */
    @Transactional
    public Step rejectNext(UUID importId, UUID owner, List<FieldError> errors) {
        ForumImport job = held(importId, owner);
        if (job == null) {
            return Step.LOST;
        }
        List<StagedRow> rows = staged(importId, 1);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no staged row left to reject in import " + importId);
        }
        reject(importId, rows.get(0).number(), errors);
        job.rejected++;
        consumed(job, rows.get(0).number(), 1, clock.instant());
        LOG.warnf("forum import row rejected after a storage failure id=%s row=%d", importId, rows.get(0).number());
        return Step.MORE;
    }

    private ForumImport held(UUID importId, UUID owner) {
        ForumImport job = ForumImport.findById(importId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status != ImportStatus.RUNNING || !owner.equals(job.leaseOwner)) {
            return null;
        }
        return job;
    }

    private List<StagedRow> staged(UUID importId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT row_number, payload FROM forum_import_row WHERE import_id = ?1 ORDER BY row_number")
                .setParameter(1, importId)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new StagedRow(((Number) r[0]).intValue(), read((String) r[1]))).toList();
    }

    private void consumed(ForumImport job, int lastRow, int count, Instant now) {
        em.createNativeQuery("DELETE FROM forum_import_row WHERE import_id = ?1 AND row_number <= ?2")
                .setParameter(1, job.id)
                .setParameter(2, lastRow)
                .executeUpdate();
        job.rowsDone += count;
        job.leaseUntil = now.plus(config.lease());
        job.updatedAt = now;
    }

    private void reject(UUID importId, int rowNumber, List<FieldError> errors) {
        for (int i = 0; i < errors.size(); i++) {
            FieldError error = errors.get(i);
            em.createNativeQuery(
                    "INSERT INTO forum_import_rejection (import_id, row_number, seq_no, field, message) VALUES (?1, "
                    + "?2, ?3, ?4, ?5)")
                    .setParameter(1, importId)
                    .setParameter(2, rowNumber)
                    .setParameter(3, i)
                    .setParameter(4, truncate(error.field(), 64))
                    .setParameter(5, truncate(error.message(), 500))
                    .executeUpdate();
        }
    }

    /** Ends the job and queues the one forum event, with counts only, in the same transaction. */
    private void complete(ForumImport job, ImportStatus status, String failure) {
        Instant now = clock.instant();
        Forum forum = Forum.findById(job.forumId);
        job.status = status;
        job.failure = failure;
        job.finishedAt = now;
        job.updatedAt = now;
        job.leaseOwner = null;
        job.leaseUntil = null;
        ForumRecorded event = new ForumRecorded(forum.id, forum.name, forum.heldOn, forum.district, forum.stationId,
                forum.participants,
                forum.deputiesPresent, job.accepted, now);
        outbox.add(Topics.FORUMS, forum.id.toString(), EventTypes.FORUM_RECORDED, event, now);
        LOG.infof("forum import finished id=%s forum=%s status=%s accepted=%d rejected=%d attempts=%d", job.id,
                forum.id, status,
                job.accepted, job.rejected, job.attempts);
    }

    private ImportRow read(String payload) {
        try {
            return mapper.readValue(payload, ImportRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable staged import row", e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
