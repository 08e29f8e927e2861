package io.planconsult.intake.forum;

/**
 * What one uploaded file may hold. An XLSX file is a ZIP archive: a few hundred kilobytes can inflate to gigabytes
 * (a "zip bomb"), so its parts are measured as they are inflated, before the workbook is read.
 *
 * @param maxRows              suggestion rows
 * @param maxUnzippedBytes     the XLSX parts inflated, in all
 * @param maxCompressionRatio  inflated / compressed size of one part, checked once the part passes 100 KB
 * @param maxCellChars         characters in one XLSX cell (Excel itself stops at 32,767)
 */
public record UploadLimits(int maxRows, long maxUnzippedBytes, int maxCompressionRatio, int maxCellChars) {

    public static final long DEFAULT_MAX_UNZIPPED_BYTES = 50L * 1024 * 1024;
    public static final int DEFAULT_MAX_COMPRESSION_RATIO = 100;
    public static final int DEFAULT_MAX_CELL_CHARS = 32_767;

    public static UploadLimits of(int maxRows) {
        return new UploadLimits(maxRows, DEFAULT_MAX_UNZIPPED_BYTES, DEFAULT_MAX_COMPRESSION_RATIO,
                DEFAULT_MAX_CELL_CHARS);
    }
}
