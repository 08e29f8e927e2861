package io.planconsult.reporting.tally;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Inserts rows with {@code INSERT ... SELECT FROM unnest(?::text[], ...)} (PostgreSQL): one statement per chunk, each
 * column sent as one text array and cast in SQL, which is one round trip for thousands of rows.
 */
final class BulkInsert {

    private static final int CHUNK = 5_000;

    /** PostgreSQL's order of uuid values: bytes compared unsigned ({@code UUID.compareTo} compares signed longs). */
    static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private BulkInsert() {
    }

    /**
     * @param columns comma-separated column names
     * @param types   their PostgreSQL types, comma-separated, in the same order
     * @param rows    one value per column each; an {@link Instant} is sent to the microsecond
     */
    static void insert(Connection c, String table, String columns, String types, List<Object[]> rows)
            throws SQLException {
        String[] type = types.split(", ");
        StringBuilder select = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < type.length; i++) {
            select.append(i == 0 ? "" : ", ").append("c").append(i).append("::").append(type[i]);
            arrays.append(i == 0 ? "" : ", ").append("?::text[]");
        }
        String names = String.join(", ", IntStream.range(0, type.length).mapToObj(i -> "c" + i).toList());
        String sql = "INSERT INTO " + table + " (" + columns + ") SELECT " + select + " FROM unnest(" + arrays
                + ") AS t(" + names + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                for (int col = 0; col < type.length; col++) {
                    List<String> values = new ArrayList<>(chunk.size());
                    for (Object[] row : chunk) {
                        Object value = row[col] instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS)
                                : row[col];
                        values.add(value == null ? null : value.toString());
                    }
                    insert.setArray(col + 1, c.createArrayOf("text", values.toArray(new String[0])));
                }
                insert.executeUpdate();
            }
        }
    }
}
