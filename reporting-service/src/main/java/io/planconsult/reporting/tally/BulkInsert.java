package io.planconsult.reporting.tally;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} (text format) on the caller's connection and
 * transaction: the rows stream to the server in large chunks and each column is parsed by its own type's input
 * routine, with no statement per row nor per chunk. About twice the rate of multi-row INSERTs for the rebuild's rows.
 */
final class BulkInsert {

    /** Bytes sent per write to the server. */
    private static final int CHUNK_BYTES = 1 << 20;

    /** PostgreSQL's order of uuid values: bytes compared unsigned ({@code UUID.compareTo} compares signed longs). */
    static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private BulkInsert() {
    }

    /**
     * @param columns comma-separated column names
     * @param rows    one value per column each, written as its {@code toString()}; an {@link Instant} is sent to the
     *                microsecond, null as SQL NULL
     */
    static void insert(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        try {
            StringBuilder text = new StringBuilder(CHUNK_BYTES + 64 * 1024);
            for (Object[] row : rows) {
                for (int col = 0; col < row.length; col++) {
                    if (col > 0) {
                        text.append('\t');
                    }
                    append(text, row[col]);
                }
                text.append('\n');
                if (text.length() >= CHUNK_BYTES / 4) {
                    send(copy, text);
                }
            }
            send(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** COPY's text format: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = (value instanceof Instant instant ? instant.truncatedTo(ChronoUnit.MICROS) : value).toString();
        if (value instanceof UUID || value instanceof Number || value instanceof Boolean || value instanceof Instant) {
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
