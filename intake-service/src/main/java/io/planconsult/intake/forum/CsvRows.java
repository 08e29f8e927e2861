package io.planconsult.intake.forum;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a CSV import with Apache Commons CSV (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks, which minutes often do). The first record is the header row.
 */
final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false) // keep counting them, so row numbers match the spreadsheet
            .get();

    private CsvRows() {
    }

    static ParsedFile read(TextDecoding.Decoded decoded, int maxRows) {
        if (decoded.text().indexOf('\0') >= 0) {
            throw InvalidImportException.unusableFile("file", "contains NUL characters: it is not a text (CSV) file");
        }
        try (CSVParser parser = FORMAT.parse(new StringReader(decoded.text()))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw InvalidImportException.unusableFile("file", "is empty");
            }
            HeaderMapping header = HeaderMapping.of(records.next().toList());
            List<ImportRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                ImportRow row = header.row((int) record.getRecordNumber(),
                        i -> i < record.size() ? record.get(i) : null);
                if (row.isBlank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw ParsedFile.tooManyRows(maxRows);
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw ParsedFile.noRows();
            }
            return new ParsedFile(ImportFormat.CSV, decoded.encoding(), List.copyOf(rows), header.ignored());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports an unterminated quote as an UncheckedIOException; its message quotes no content.
            throw InvalidImportException.unusableFile("file", "is not valid CSV (an unterminated quoted field?)");
        }
    }
}
