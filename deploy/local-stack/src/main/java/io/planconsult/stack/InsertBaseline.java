package io.planconsult.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw single-row INSERT rate of a database at a given concurrency: what the intake rate is compared with. */
final class InsertBaseline {

    record Result(double insertsPerSecond, String tool) {
    }

    private static final String ROW_TEXT = "建议在社区增设老年食堂，方便老人就餐，".repeat(4);

    private InsertBaseline() {
    }

    /** pgbench, 10 s, each transaction one autocommitted INSERT of a suggestion-sized row. */
    static Result pgbench(String jdbcUrl, int concurrency) throws IOException, InterruptedException, SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl,
                System.getenv().getOrDefault("PLANCONSULT_PG_USER", "postgres"), null);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS planconsult_insert_baseline (id BIGSERIAL PRIMARY KEY, text "
                    + "VARCHAR(10000), created_at TIMESTAMPTZ DEFAULT now())");
        }
        Path script = Files.createTempFile("insert-baseline", ".sql");
        Files.writeString(script, "INSERT INTO planconsult_insert_baseline (text) VALUES ('" + ROW_TEXT + "');\n",
                StandardCharsets.UTF_8);
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(jdbcUrl);
        if (!url.find()) {
            throw new IllegalArgumentException("cannot read host, port and database from " + jdbcUrl);
        }
        Process p = new ProcessBuilder("pgbench", "-n", "-c", Integer.toString(concurrency), "-j",
                Integer.toString(concurrency), "-T", "10",
                "-f", script.toString(), "-h", url.group(1), "-p", url.group(2),
                "-U", System.getenv().getOrDefault("PLANCONSULT_PG_USER", "postgres"), url.group(3))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return new Result(Double.parseDouble(tps.group(1)), "pgbench -c " + concurrency + " -T 10");
    }
}
