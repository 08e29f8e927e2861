package io.planconsult.intake.forum;

import java.util.List;

/**
 * The rows of an uploaded file, blank rows left out.
 *
 * @param encoding the text encoding a CSV was read as; {@code null} for XLSX
 * @param ignored  headers that named no known column
 */
public record ParsedFile(ImportFormat format, String encoding, List<ImportRow> rows, List<String> ignored) {

    /** Reads a CSV or XLSX upload, refusing files with more than {@code maxRows} suggestion rows. */
    public static ParsedFile read(String fileName, String contentType, byte[] bytes, int maxRows) {
        return read(fileName, contentType, bytes, UploadLimits.of(maxRows));
    }

    /** Reads a CSV or XLSX upload within the limits (rows; for XLSX also inflated size, ratio, cell length). */
    public static ParsedFile read(String fileName, String contentType, byte[] bytes, UploadLimits limits) {
        int maxRows = limits.maxRows();
        if (bytes.length == 0) {
            throw InvalidImportException.unusableFile("file", "is empty");
        }
        return switch (ImportFormat.ofUpload(fileName, contentType, bytes)) {
            case XLSX -> XlsxRows.read(bytes, limits);
            case CSV -> CsvRows.read(TextDecoding.decode(bytes), maxRows);
            case JSON -> throw new IllegalStateException("an upload is never JSON");
        };
    }

    static InvalidImportException tooManyRows(int maxRows) {
        return InvalidImportException.unusableFile("file", "has more than " + maxRows
                + " suggestion rows; split it into several imports");
    }

    static InvalidImportException noRows() {
        return InvalidImportException.unusableFile("file", "has a header row but no suggestion rows");
    }
}
