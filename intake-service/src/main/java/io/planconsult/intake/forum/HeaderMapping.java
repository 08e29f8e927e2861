package io.planconsult.intake.forum;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Which cell of a row holds which {@link ImportColumn}, read from the header row. Headers that name
 * no column (a 序号 column, remarks) are ignored and listed in the report, so a typo in a header is visible.
 */
public record HeaderMapping(Map<ImportColumn, Integer> columns, List<String> ignored) {

    /**
     * @throws InvalidImportException when the required text column is missing or a column appears twice
     */
    public static HeaderMapping of(List<String> headers) {
        Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<ImportColumn> column = ImportColumn.forHeader(header);
            if (column.isEmpty()) {
                if (header != null && !header.isBlank()) {
                    ignored.add(header.strip());
                }
                continue;
            }
            Integer previous = columns.putIfAbsent(column.get(), i);
            if (previous != null) {
                throw InvalidImportException.unusableFile("file",
                        "columns " + (previous + 1) + " and " + (i + 1) + " of the header row are both "
                        + column.get().label() + " (" + column.get().field() + ")");
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                throw InvalidImportException.unusableFile("file",
                        "the header row (row 1) has no " + column.label() + " (" + column.field()
                        + ") column; download the template from /api/v1/forums/imports/template.csv");
            }
        }
        return new HeaderMapping(Map.copyOf(columns), List.copyOf(ignored));
    }

    /** Builds a row from its cells; a missing or blank cell is {@code null}. */
    public ImportRow row(int rowNumber, IntFunction<String> cell) {
        return new ImportRow(rowNumber, get(cell, ImportColumn.TEXT), get(cell, ImportColumn.CHANNEL),
                get(cell, ImportColumn.SUBMITTED_AT),
                get(cell, ImportColumn.SUBMITTER_NAME), get(cell, ImportColumn.SUBMITTER_PHONE));
    }

    private String get(IntFunction<String> cell, ImportColumn column) {
        Integer index = columns.get(column);
        if (index == null) {
            return null;
        }
        String value = cell.apply(index);
        return value == null || value.isBlank() ? null : value;
    }
}
