package io.planconsult.intake.forum;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.planconsult.intake.domain.FieldError;

/**
 * An import job as the API shows it: progress while it runs, the final report once it has finished.
 *
 * @param stationId    the station the accepted suggestions were filed under
 * @param interruptions how many times the job was resumed after its worker vanished (a crash or a restart)
 * @param rejected     every rejected row with the fields at fault, in row order; present once the job has finished
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(UUID id, UUID forumId, String stationId, String status, String format, String encoding,
        int totalRows, int rowsDone, int acceptedCount, int rejectedCount, int interruptions,
        List<String> ignoredColumns,
        Instant createdAt, Instant updatedAt, Instant finishedAt, String failure, List<RejectedRow> rejected) {

    /** One rejected row: its number (spreadsheet row, header = 1; for JSON the 1-based position) and its errors. */
    public record RejectedRow(int row, List<FieldError> errors) {
    }

    public boolean finished() {
        return ImportStatus.COMPLETED.name().equals(status) || ImportStatus.FAILED.name().equals(status);
    }
}
