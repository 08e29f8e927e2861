package io.planconsult.intake.forum;

import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.planconsult.intake.domain.FieldError;
import io.planconsult.intake.domain.InvalidSubmissionException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Drives one leased job to its end, chunk by chunk. A chunk that fails as a whole (a row the
 * database refuses, say) is rolled back and retried one row per transaction, so the offending row
 * is rejected with a reason and never blocks the good ones. A failure that is not about a row (the
 * database is down) propagates: the lease then expires and the job is resumed later.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ImportProcessor processor;
    private final ImportConfig config;

    ImportRunner(ImportProcessor processor, ImportConfig config) {
        this.processor = processor;
        this.config = config;
    }

    /**
     * Returns {@link ImportProcessor.Step#FINISHED}, or {@link ImportProcessor.Step#LOST} when another instance took
     * the job over.
     */
    public ImportProcessor.Step run(UUID importId, UUID owner) {
        while (true) {
            ImportProcessor.Step step;
            try {
                step = processor.processChunk(importId, owner, config.chunkSize());
            } catch (RuntimeException chunkFailure) {
                LOG.warnf("forum import chunk failed id=%s (%s); storing its rows one by one", importId,
                        chunkFailure.getClass().getSimpleName());
                step = oneByOne(importId, owner);
            }
            if (step != ImportProcessor.Step.MORE) {
                return step;
            }
        }
    }

    private ImportProcessor.Step oneByOne(UUID importId, UUID owner) {
        ImportProcessor.Step step = ImportProcessor.Step.MORE;
        for (int i = 0; i < config.chunkSize() && step == ImportProcessor.Step.MORE; i++) {
            try {
                step = processor.processChunk(importId, owner, 1);
            } catch (InvalidSubmissionException invalid) {
                step = processor.rejectNext(importId, owner, invalid.errors().stream()
                        .map(e -> new FieldError(RowRules.rowField(e.field()), e.message())).toList());
            } catch (RuntimeException rowFailure) {
                // If even recording the rejection fails, the database itself is in trouble: let it propagate.
                step = processor.rejectNext(importId, owner, List.of(new FieldError("$", "could not be stored ("
                        + rowFailure.getClass().getSimpleName() + ")")));
            }
        }
        return step;
    }
}
