package io.planconsult.reporting.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of a report as a table, the common shape of every file export. Headers are Chinese display labels;
 * a {@code code} column holds stable codes for machines (hidden in XLSX, left out of the printable view).
 * Cells are strings or numbers, already formatted for people.
 */
public record ReportTable(String sheet, String title, List<Column> columns, List<List<Object>> rows) {

    public record Column(String header, boolean code) {
        static Column label(String header) {
            return new Column(header, false);
        }

        static Column code(String header) {
            return new Column(header, true);
        }
    }

    static ReportTable of(String sheet, String title, Column... columns) {
        return new ReportTable(sheet, title, List.of(columns), new ArrayList<>());
    }

    ReportTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(sheet + ": " + cells.length + " cells for " + columns.size()
                    + " columns");
        }
        rows.add(java.util.Arrays.asList(cells));
        return this;
    }
}
