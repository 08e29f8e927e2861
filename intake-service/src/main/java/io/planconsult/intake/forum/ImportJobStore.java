package io.planconsult.intake.forum;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.intake.domain.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Creates import jobs with their forum and staged rows, and reads them back for the API. */
@ApplicationScoped
public class ImportJobStore {

    private static final Logger LOG = Logger.getLogger(ImportJobStore.class);

    /** Fired when a queued job commits, so the worker starts at once. */
    public record ImportQueued(UUID importId) {
    }

    /** Where the forum's suggestions go: the station named (or {@code null}), the host station, its district. */
    public record Placement(String stationId, String hostStationId, String district) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Event<ImportQueued> queued;
    private final ImportConfig config;
    private final Clock clock = Clock.systemUTC();

    ImportJobStore(EntityManager em, ObjectMapper mapper, Event<ImportQueued> queued, ImportConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.queued = queued;
        this.config = config;
    }

    /**
     * Stores the forum, its deputies' names, the job and every row to process, in one transaction: the
     * job exists with all its rows or not at all. The rows are single narrow inserts sent as one JDBC
     * batch; the expensive part (suggestion, contact, outbox event per row) runs later in chunks.
     *
     * @param inlineOwner when not null the job is created RUNNING and leased to the caller, which processes it at once
     */
    @Transactional
    public ForumImport create(Requester requester, ForumMetadata metadata, Placement placement, ImportFormat format,
            String encoding, List<ImportRow> rows, List<String> ignoredColumns, UUID inlineOwner) {
        Instant now = clock.instant();
        Forum forum = new Forum();
        forum.id = UUID.randomUUID();
        forum.name = metadata.name();
        forum.heldOn = metadata.heldOn();
        forum.district = placement.district();
        forum.stationId = placement.stationId();
        forum.hostStationId = placement.hostStationId();
        forum.participants = metadata.participants();
        forum.deputiesPresent = metadata.deputyCount();
        forum.createdAt = now;
        forum.persist();

        ForumImport job = new ForumImport();
        job.id = UUID.randomUUID();
        job.forumId = forum.id;
        job.format = format;
        job.encoding = encoding;
        job.totalRows = rows.size();
        job.ignoredColumns = ignoredColumns.isEmpty() ? null : String.join("\n", ignoredColumns);
        job.requestedBy = requester.subject();
        job.requestedRole = requester.role();
        job.createdAt = now;
        job.updatedAt = now;
        if (inlineOwner != null) {
            job.status = ImportStatus.RUNNING;
            job.attempts = 1;
            job.leaseOwner = inlineOwner;
            job.leaseUntil = now.plus(config.lease());
        } else {
            job.status = ImportStatus.QUEUED;
        }
        job.persist();
        em.flush();

        List<String> deputies = metadata.deputyNames();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO forum_deputy (forum_id, seq_no, name) VALUES (?, ?, ?)")) {
                for (int i = 0; i < deputies.size(); i++) {
                    insert.setObject(1, forum.id);
                    insert.setInt(2, i);
                    insert.setString(3, deputies.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO forum_import_row (import_id, row_number, payload) VALUES (?, ?, ?)")) {
                int pending = 0;
                for (ImportRow row : rows) {
                    insert.setObject(1, job.id);
                    insert.setInt(2, row.row());
                    insert.setString(3, json(row));
                    insert.addBatch();
                    if (++pending % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        if (inlineOwner == null) {
            queued.fire(new ImportQueued(job.id));
        }
        LOG.infof("forum import created id=%s forum=%s format=%s rows=%d station=%s", job.id, forum.id, format,
                rows.size(), forum.hostStationId);
        return job;
    }

    @Transactional
    public Optional<ImportJobView> view(UUID importId) {
        ForumImport job = ForumImport.findById(importId);
        if (job == null) {
            return Optional.empty();
        }
        Forum forum = Forum.findById(job.forumId);
        boolean finished = job.status == ImportStatus.COMPLETED || job.status == ImportStatus.FAILED;
        return Optional.of(new ImportJobView(job.id, job.forumId, forum.hostStationId, job.status.name(),
                job.format.name(), job.encoding,
                job.totalRows, job.rowsDone, job.accepted, job.rejected, Math.max(0, job.attempts - 1),
                job.ignoredColumns == null ? List.of() : Arrays.asList(job.ignoredColumns.split("\n")),
                job.createdAt, job.updatedAt, job.finishedAt, job.failure, finished ? rejections(importId) : null));
    }

    private List<ImportJobView.RejectedRow> rejections(UUID importId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT row_number, field, message FROM forum_import_rejection WHERE import_id = ?1 ORDER BY "
                + "row_number, seq_no")
                .setParameter(1, importId)
                .getResultList();
        Map<Integer, List<FieldError>> byRow = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byRow.computeIfAbsent(((Number) r[0]).intValue(), n -> new ArrayList<>())
                    .add(new FieldError((String) r[1], (String) r[2]));
        }
        return byRow.entrySet().stream().map(e -> new ImportJobView.RejectedRow(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private String json(ImportRow row) {
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an import row", e);
        }
    }
}
