package io.planconsult.intake.forum;

import java.util.List;

import io.planconsult.intake.domain.FieldError;

/**
 * The import request as a whole cannot be accepted (missing or unreadable file, bad forum metadata,
 * unknown station or district); nothing was stored. Row problems are never this: they go in the report.
 *
 * @param status HTTP status to answer with: 400 for a malformed request, 422 for one that is well-formed but unusable,
 *               413 for an XLSX file that inflates too far
 * @param kind   the last segment of the problem's stable {@code type} URI
 */
public class InvalidImportException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<FieldError> errors;

    InvalidImportException(int status, String kind, String title, List<FieldError> errors) {
        super(errors.size() + " problem(s) with the import request: " + errors.stream().map(FieldError::field)
                .toList());
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    static InvalidImportException invalidMetadata(List<FieldError> errors) {
        return new InvalidImportException(400, "invalid-forum-import", "Invalid forum import", errors);
    }

    static InvalidImportException unknownPlace(FieldError error) {
        return new InvalidImportException(422, "unknown-station", "Unknown station or district", List.of(error));
    }

    /** The file (or, for JSON, the suggestions array) is missing; a malformed request. */
    public static InvalidImportException missing(String field) {
        return new InvalidImportException(400, "invalid-forum-import", "Invalid forum import",
                List.of(new FieldError(field, "is required")));
    }

    /** The file arrived but cannot be used: wrong kind, unreadable encoding, no text column, no rows, too many rows. */
    public static InvalidImportException unusableFile(String field, String message) {
        return new InvalidImportException(422, "unusable-import-file", "Unusable import file",
                List.of(new FieldError(field, message)));
    }

    /** An XLSX archive that inflates too far (total size or compression ratio): a 413, nothing was stored. */
    static InvalidImportException tooLarge(String message) {
        return new InvalidImportException(413, "import-too-large", "Import file too large once unpacked",
                List.of(new FieldError("file", message)));
    }

    /** An XLSX cell longer than any cell Excel writes: a malformed file, 400. */
    static InvalidImportException cellTooLong(int row, int column, int maxChars) {
        return new InvalidImportException(400, "cell-too-long", "Import file cell too long",
                List.of(new FieldError("file",
                "row " + row + ", column " + (column + 1) + " has more than " + maxChars + " characters")));
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
