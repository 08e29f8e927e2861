package io.planconsult.infra.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a module's {@code @QuarkusTest}s a fresh schema in the real PostgreSQL server (Flyway
 * migrates it from empty) and drops it afterwards. The server is taken from
 * {@code PLANCONSULT_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres).
 */
public class PostgresSchemaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private String serverUrl;
    private String user;
    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        serverUrl = System.getenv().getOrDefault("PLANCONSULT_TEST_PG_URL", DEFAULT_URL);
        user = System.getenv().getOrDefault("PLANCONSULT_TEST_PG_USER", "postgres");
        schema = initArgs.getOrDefault("prefix", "test") + "_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12);
    }

    @Override
    public Map<String, String> start() {
        execute("CREATE SCHEMA " + schema);
        String separator = serverUrl.contains("?") ? "&" : "?";
        return Map.of(
                "quarkus.datasource.jdbc.url", serverUrl + separator + "currentSchema=" + schema,
                "quarkus.datasource.username", user,
                "quarkus.flyway.schemas", schema);
    }

    @Override
    public void stop() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user,
                System.getenv("PLANCONSULT_TEST_PG_PASSWORD"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " is needed by the tests: " + e.getMessage(),
                    e);
        }
    }
}
