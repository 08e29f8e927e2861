package io.planconsult.intake.forum;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the rows of an XLSX import with dhatim fastexcel-reader, which streams the sheet instead of
 * building Apache POI's object model (a tenth of the memory, no POI dependency). The first sheet is
 * read; its first non-empty row is the header row. Row numbers are Excel's.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static ParsedFile read(byte[] bytes, UploadLimits limits) {
        ZipBombGuard.check(bytes, limits);
        int maxRows = limits.maxRows();
        int maxChars = limits.maxCellChars();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = sheet.iterator();
            HeaderMapping header = null;
            List<ImportRow> rows = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                if (header == null) {
                    List<String> headers = cells(row, maxChars);
                    if (headers.stream().allMatch(h -> h == null || h.isBlank())) {
                        continue;
                    }
                    header = HeaderMapping.of(headers);
                    continue;
                }
                int submittedAtColumn = header.columns().getOrDefault(ImportColumn.SUBMITTED_AT, -1);
                ImportRow parsed = header.row(row.getRowNum(), i -> text(row, i, i == submittedAtColumn, maxChars));
                if (parsed.isBlank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw ParsedFile.tooManyRows(maxRows);
                }
                rows.add(parsed);
            }
            if (header == null) {
                throw InvalidImportException.unusableFile("file", "is an XLSX workbook whose first sheet is empty");
            }
            if (rows.isEmpty()) {
                throw ParsedFile.noRows();
            }
            return new ParsedFile(ImportFormat.XLSX, null, List.copyOf(rows), header.ignored());
        } catch (IOException | UncheckedIOException | ExcelReaderException e) {
            throw InvalidImportException.unusableFile("file", "is not a readable XLSX workbook");
        }
    }

    private static List<String> cells(Row row, int maxChars) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            values.add(text(row, i, false, maxChars));
        }
        return values;
    }

    /**
     * A cell as text. Numbers are written out in full (a phone typed as a number is 13912345678, not
     * 1.39E10); a number in the submittedAt column is an Excel date and becomes a local date-time.
     */
    private static String text(Row row, int index, boolean isDateColumn, int maxChars) {
        if (!row.hasCell(index)) {
            return null;
        }
        Cell cell = row.getCell(index);
        if (cell == null) {
            return null;
        }
        String text = switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> isDateColumn ? cell.asDate().toString() : plain(cell.asNumber());
            case STRING, FORMULA, BOOLEAN, ERROR -> cell.getText();
        };
        if (text != null && text.length() > maxChars) {
            throw InvalidImportException.cellTooLong(row.getRowNum(), index, maxChars);
        }
        return text;
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }
}
