package io.planconsult.intake.forum;

import java.util.Locale;
import java.util.Set;

/** How the suggestions of an import arrived. */
public enum ImportFormat {
    JSON, CSV, XLSX;

    private static final int[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final int[] OLE2 = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    private static final Set<String> CSV_TYPES = Set.of("text/csv", "text/plain", "application/csv",
            "text/comma-separated-values",
            "application/vnd.ms-excel");

    /**
     * Tells a CSV from an XLSX upload. The bytes decide first (an XLSX file is a ZIP archive; a legacy
     * .xls is an OLE2 compound file), then the file name, then the part's content type: browsers and
     * curl disagree on what they send for .csv.
     *
     * @throws InvalidImportException when the upload is neither
     */
    public static ImportFormat ofUpload(String fileName, String contentType, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (startsWith(bytes, ZIP)) {
            return XLSX;
        }
        if (startsWith(bytes, OLE2)) {
            throw InvalidImportException.unusableFile("file",
                    "is a legacy Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV");
        }
        if (name.endsWith(".xlsx")) {
            throw InvalidImportException.unusableFile("file", "is named .xlsx but is not an XLSX workbook");
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || CSV_TYPES.contains(type)) {
            return CSV;
        }
        throw InvalidImportException.unusableFile("file", "must be a CSV (.csv) or Excel (.xlsx) file");
    }

    private static boolean startsWith(byte[] bytes, int[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
