package io.planconsult.intake.forum;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.planconsult.intake.domain.FieldError;
import io.planconsult.intake.domain.Station;
import io.planconsult.intake.domain.StationRegistry;
import io.planconsult.intake.idempotency.IdempotencyKeys;
import io.planconsult.intake.idempotency.IdempotentRequest;
import io.planconsult.intake.idempotency.StoredReply;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Imports a forum's suggestions. The whole request is checked first (metadata, station or district,
 * rows present); if it fails nothing is stored. Then the forum, the job and its rows are stored in
 * one transaction, and the rows processed in chunks: within the request when there are at most
 * {@code sync-max-rows} of them, otherwise by the {@link ImportWorker}.
 */
@ApplicationScoped
public class ForumImportService {

    private static final Logger LOG = Logger.getLogger(ForumImportService.class);

    private final StationRegistry stations;
    private final ImportJobStore store;
    private final ImportRunner runner;
    private final ImportConfig config;
    private final IdempotencyKeys keys;

    ForumImportService(StationRegistry stations, ImportJobStore store, ImportRunner runner, ImportConfig config,
            IdempotencyKeys keys) {
        this.stations = stations;
        this.store = store;
        this.runner = runner;
        this.config = config;
        this.keys = keys;
    }

    /** Today in the import zone: a forum cannot have been held after it. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(config.zone()));
    }

    /**
     * What an import request produced: its job, and whether it is a retry answered with an earlier job (same
     * Idempotency-Key).
     */
    public record Outcome(ImportJobView job, boolean replayed) {
    }

    public Outcome importJson(IdempotentRequest idempotency, Requester requester, JsonForumImport request) {
        Optional<Outcome> earlier = earlier(idempotency);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ForumMetadata metadata = request.metadata();
        List<FieldError> errors = metadata.check(today());
        if (request.suggestions() == null) {
            errors.add(new FieldError("suggestions", "is required: the forum's suggestions"));
        }
        if (!errors.isEmpty()) {
            throw InvalidImportException.invalidMetadata(errors);
        }
        ImportJobStore.Placement placement = place(metadata);
        List<ImportRow> rows = request.rows();
        if (rows.isEmpty()) {
            throw InvalidImportException.unusableFile("suggestions", "has no items");
        }
        if (rows.size() > config.maxRows()) {
            throw InvalidImportException.unusableFile("suggestions",
                    "has more than " + config.maxRows() + " items; split it into several imports");
        }
        return start(idempotency, requester, metadata, placement, ImportFormat.JSON, null, rows, List.of());
    }

    /** @param metadata already checked by {@link ForumMetadata#fromForm} */
    public Outcome importFile(IdempotentRequest idempotency, Requester requester, ForumMetadata metadata,
            String fileName, String contentType, byte[] bytes) {
        Optional<Outcome> earlier = earlier(idempotency);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        ImportJobStore.Placement placement = place(metadata);
        ParsedFile file = ParsedFile.read(fileName, contentType, bytes, config.uploadLimits());
        return start(idempotency, requester, metadata, placement, file.format(), file.encoding(), file.rows(),
                file.ignored());
    }

    public Optional<ImportJobView> find(UUID importId) {
        return store.view(importId);
    }

    /**
     * The station the suggestions are filed under. A named station must exist. A district must have
     * a station in the registry; its forums are filed under its first station by id (the registry
     * lists each district's main liaison station as {@code st-<district>-01}).
     */
    ImportJobStore.Placement place(ForumMetadata metadata) {
        if (metadata.stationId() != null) {
            Station station = stations.find(metadata.stationId())
                    .orElseThrow(() -> InvalidImportException.unknownPlace(
                            new FieldError("stationId", "no station with this id")));
            return new ImportJobStore.Placement(station.id, station.id, station.district);
        }
        Station host = stations.all().stream()
                .filter(s -> s.district.equals(metadata.district()))
                .min(Comparator.comparing(s -> s.id))
                .orElseThrow(() -> InvalidImportException.unknownPlace(
                        new FieldError("district", "no station in the registry has this district code")));
        return new ImportJobStore.Placement(null, host.id, host.district);
    }

    /**
     * The job an earlier request with the same Idempotency-Key made, checked before the request is parsed.
     *
     * @throws io.planconsult.intake.idempotency.IdempotencyKeyReusedException when the key was used for other content
     */
    private Optional<Outcome> earlier(IdempotentRequest idempotency) {
        return keys.replay(idempotency).map(this::replayed);
    }

    /** A retry is answered with the first request's job as it is now: the stored reply names the job. */
    private Outcome replayed(StoredReply reply) {
        return new Outcome(store.view(UUID.fromString(reply.body())).orElseThrow(), true);
    }

    private Outcome start(IdempotentRequest idempotency, Requester requester, ForumMetadata metadata,
            ImportJobStore.Placement placement, ImportFormat format, String encoding, List<ImportRow> rows,
            List<String> ignored) {
        boolean inline = rows.size() <= config.syncMaxRows();
        UUID owner = inline ? UUID.randomUUID() : null;
        // The key is claimed in the transaction that stores the job; a twin arriving at once waits, then replays it.
        StoredReply reply = keys.run(idempotency, () -> {
            ForumImport job = store.create(requester, metadata, placement, format, encoding, rows, ignored, owner);
            return StoredReply.of(202, "/api/v1/forums/imports/" + job.id, job.id.toString());
        });
        if (reply.replayed()) {
            return replayed(reply);
        }
        UUID jobId = UUID.fromString(reply.body());
        if (inline) {
            try {
                runner.run(jobId, owner);
            } catch (RuntimeException e) {
                // The job stays leased until the lease expires, then the worker resumes it: answer 202 with its URL.
                LOG.warnf("forum import id=%s could not finish within the request (%s); the worker will resume it",
                        jobId, e.getClass().getSimpleName());
            }
        }
        return new Outcome(store.view(jobId).orElseThrow(), false);
    }
}
