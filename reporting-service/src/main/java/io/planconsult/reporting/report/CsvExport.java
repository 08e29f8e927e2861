package io.planconsult.reporting.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as one CSV file (Apache Commons CSV, RFC 4180): UTF-8 with a byte-order mark so Excel reads the Chinese
 * correctly, each table under a title line and separated by an empty line.
 */
public final class CsvExport {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvExport() {
    }

    public static byte[] write(ReportTables.Document document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write(BYTE_ORDER_MARK);
            csv.printRecord(document.title());
            csv.printRecord(document.subtitle());
            csv.printRecord("生成时间", document.generatedAt());
            for (ReportTable table : document.tables()) {
                csv.println();
                csv.printRecord(table.title());
                csv.printRecord(table.columns().stream().map(ReportTable.Column::header).toList());
                for (List<Object> row : table.rows()) {
                    csv.printRecord(cells(row));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Text that a spreadsheet would read as a formula (=, +, -, @ first) gets a leading apostrophe: the public's words
     * must never run as formulas on an analyst's machine.
     */
    static List<Object> cells(List<Object> row) {
        List<Object> cells = new ArrayList<>(row.size());
        for (Object cell : row) {
            if (cell instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                cells.add("'" + s);
            } else {
                cells.add(cell);
            }
        }
        return cells;
    }
}
