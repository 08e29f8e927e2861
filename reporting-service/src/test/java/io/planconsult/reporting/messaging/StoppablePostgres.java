package io.planconsult.reporting.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test's own (zonky's embedded PostgreSQL, from Maven jars), which a test may stop and start
 * again on the same port and data directory, as an outage would; the shared server of the other tests is never
 * touched (zonky's own server, as deploy/local-stack's EmbeddedDatabase runs it). Started after the module's other
 * resources, so its datasource settings win.
 */
public class StoppablePostgres implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedPostgres server;
    private static Path dataDirectory;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("planconsult-outage-pg-");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.flyway.schemas", "public");
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a crash of the database host). */
    public static synchronized void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port with the same data. */
    public static synchronized void startServer() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int port() {
        return port;
    }

    @Override
    public void stop() {
        stopServer();
    }

    @Override
    public int order() {
        return 100;
    }
}
