package io.planconsult.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL server the benchmarks make their schemas on: {@code PLANCONSULT_PG_URL}, {@code _USER} and
 * {@code _PASSWORD}, by default the local server's {@code test} database as {@code postgres}.
 */
record BenchDatabase(String url, String user, String password) {

    static BenchDatabase fromEnvironment() {
        Map<String, String> env = System.getenv();
        return new BenchDatabase(env.getOrDefault("PLANCONSULT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env.getOrDefault("PLANCONSULT_PG_USER", "postgres"), env.get("PLANCONSULT_PG_PASSWORD"));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The JDBC URL a service uses to work in {@code schema} of this database. */
    String urlOf(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
