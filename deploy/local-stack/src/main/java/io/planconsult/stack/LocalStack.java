package io.planconsult.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.planconsult.infra.LocalKafkaBroker;

/**
 * The whole platform on one machine: a real KRaft broker and the three packaged services, each on
 * its own schema of a PostgreSQL server: an embedded one started from Maven jars (default) or an
 * existing server. State lives under the work directory and survives a restart.
 */
public final class LocalStack implements AutoCloseable {

    /** Where the services' schemas live by default: the embedded server, or the server at {@code pgUrl}. */
    public enum Database { EMBEDDED, POSTGRES }

    /**
     * @param embedded     the services ({@code intake}, {@code tagging}, {@code reporting}) whose schema lives on the
     *                     embedded server (data in {@code <workDir>/postgres}, port {@code embeddedPort}); the others
     *                     use the server at {@code pgUrl}
     * @param schemaPrefix PostgreSQL schema prefix: each service gets {@code <prefix>_<service>}
     * @param keysDir      where the token key pair lives (generated on first start); default {@code .local/keys}
     */
    public record Settings(Path repo, Path workDir, Set<String> embedded, int embeddedPort, String pgUrl, String pgUser,
            String schemaPrefix, int kafkaPort, int controllerPort, int intakePort, int taggingPort, int reportingPort,
            Path keysDir) {

        public static Settings defaults(Path repo, Path workDir, Database database) {
            Map<String, String> env = System.getenv();
            return new Settings(repo, workDir, database == Database.EMBEDDED ? Set.copyOf(DATABASES) : Set.of(),
                    Integer.parseInt(env.getOrDefault("PLANCONSULT_EMBEDDED_PG_PORT", "5433")),
                    env.getOrDefault("PLANCONSULT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    env.getOrDefault("PLANCONSULT_PG_USER", "postgres"), "planconsult",
                    9092, 9093, 8081, 8082, 8083, repo.resolve(".local/keys"));
        }

        public Settings onFreePorts() {
            return new Settings(repo, workDir, embedded, LocalKafkaBroker.freePort(), pgUrl, pgUser, schemaPrefix,
                    LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort(),
                    LocalKafkaBroker.freePort(), LocalKafkaBroker.freePort(), keysDir);
        }

        public Settings withSchemaPrefix(String prefix) {
            return new Settings(repo, workDir, embedded, embeddedPort, pgUrl, pgUser, prefix, kafkaPort, controllerPort,
                    intakePort, taggingPort, reportingPort, keysDir);
        }

        public Settings withKeysDir(Path dir) {
            return new Settings(repo, workDir, embedded, embeddedPort, pgUrl, pgUser, schemaPrefix, kafkaPort,
                    controllerPort, intakePort, taggingPort, reportingPort, dir);
        }

        /** Puts just these services' schemas on the embedded server (e.g. reporting, to take its database away). */
        public Settings withEmbedded(Set<String> services) {
            return new Settings(repo, workDir, Set.copyOf(services), embeddedPort, pgUrl, pgUser, schemaPrefix,
                    kafkaPort, controllerPort, intakePort, taggingPort, reportingPort, keysDir);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    /** Every service keeps its own database (schema): intake, tagging's near-duplicate index, reporting. */
    private static final List<String> DATABASES = List.of("intake", "tagging", "reporting");

    private final Settings settings;
    private final LocalKeys keys;
    private final LocalKafkaBroker broker;
    private final EmbeddedDatabase embeddedDatabase;
    private final ServiceProcess intake;
    private final ServiceProcess tagging;
    private final ServiceProcess reporting;
    /** Stops the processes if the JVM is told to stop (SIGTERM, Ctrl-C) before {@link #close()} ran: no orphans. */
    private final Thread stopOnExit = new Thread(this::close, "stop-local-stack-on-exit");
    private boolean running;

    public LocalStack(Settings settings) {
        this.settings = settings;
        this.keys = LocalKeys.in(settings.keysDir());
        this.broker = new LocalKafkaBroker(settings.workDir().resolve("kafka"), settings.kafkaPort(),
                settings.controllerPort());
        this.embeddedDatabase = new EmbeddedDatabase(settings.workDir().resolve("postgres"), settings.embeddedPort());
        this.intake = service("intake-service", settings.intakePort(), "intake");
        this.tagging = service("tagging-service", settings.taggingPort(), "tagging");
        this.reporting = service("reporting-service", settings.reportingPort(), "reporting");
    }

    private ServiceProcess service(String module, int port, String database) {
        Path built = settings.repo().resolve(module).resolve("target/quarkus-app");
        if (!Files.exists(built.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(module + " is not packaged: run ./mvnw package -DskipTests first");
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + settings.kafkaPort());
        // Crypto-shredding: tagging fetches each suggestion's text key from intake with a token both share.
        String serviceToken = ServiceToken.in(settings.keysDir());
        if (module.equals("intake-service")) {
            env.put("INTAKE_TEXT_KEYS_SERVICE_TOKEN", serviceToken);
        } else if (module.equals("tagging-service")) {
            env.put("TAGGING_TEXT_KEYS_SERVICE_TOKEN", serviceToken);
            env.put("TAGGING_INTAKE_URL", "http://127.0.0.1:" + settings.intakePort());
        }
        String schema = schema(database);
        String url = jdbcUrl(database);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        env.put("QUARKUS_DATASOURCE_USERNAME", databaseUser(database));
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        // A laptop busy starting four processes can take longer than the default 5 s to open a connection.
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
        // Every service gets the verification key: intake checks tokens now; tagging and reporting ignore it until they
        // do.
        List<String> jvmOptions = List.of("-Dmp.jwt.verify.publickey.location=" + keys.publicKey().toAbsolutePath());
        return new ServiceProcess(module, built, port, env, jvmOptions,
                settings.workDir().resolve("logs").resolve(module + ".log"));
    }

    public String schema(String database) {
        return settings.schemaPrefix() + "_" + database;
    }

    /** The JDBC URL (without schema) of the server that holds this service's schema. */
    public String jdbcUrl(String database) {
        return settings.embedded().contains(database) ? embeddedDatabase.jdbcUrl() : settings.pgUrl();
    }

    /** The user a service's database is reached with. */
    public String databaseUser(String database) {
        return settings.embedded().contains(database) ? "postgres" : settings.pgUser();
    }

    public void start() {
        synchronized (this) {
            if (!running) {
                Runtime.getRuntime().addShutdownHook(stopOnExit);
                running = true;
            }
        }
        if (!settings.embedded().isEmpty()) {
            embeddedDatabase.start();
        }
        broker.start();
        for (String db : DATABASES) {
            executeSql(db, "CREATE SCHEMA IF NOT EXISTS " + schema(db));
        }
        List<ServiceProcess> services = services();
        services.forEach(ServiceProcess::start);
        CompletableFuture.allOf(services.stream()
                .map(s -> CompletableFuture.runAsync(() -> s.awaitUp(START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Drops the PostgreSQL schemas of this stack (tests use a fresh prefix per run). */
    public void dropSchemas() {
        for (String db : DATABASES) {
            if (!settings.embedded().contains(db)) {
                executeSql(db, "DROP SCHEMA IF EXISTS " + schema(db) + " CASCADE");
            }
        }
    }

    private void executeSql(String database, String sql) {
        boolean embedded = settings.embedded().contains(database);
        String url = jdbcUrl(database);
        try (Connection c = DriverManager.getConnection(url, databaseUser(database),
                embedded ? null : System.getenv("PLANCONSULT_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }

    public List<ServiceProcess> services() {
        return List.of(intake, tagging, reporting);
    }

    /** The key pair the services trust: mint tokens with {@link Tokens#mint}. */
    public LocalKeys keys() {
        return keys;
    }

    /** The PostgreSQL server started from Maven jars (running only when some service's schema is on it). */
    public EmbeddedDatabase embeddedDatabase() {
        return embeddedDatabase;
    }

    public LocalKafkaBroker broker() {
        return broker;
    }

    public ServiceProcess intake() {
        return intake;
    }

    public ServiceProcess tagging() {
        return tagging;
    }

    public ServiceProcess reporting() {
        return reporting;
    }

    public Settings settings() {
        return settings;
    }

    /** The consumer group reporting reads the tagged topic with (REPORTING_GROUP_ID, default reporting-service). */
    public String reportingGroup() {
        return reporting.setting("REPORTING_GROUP_ID").orElse("reporting-service");
    }

    /** Restarts a service and waits until it is ready again. */
    public void restart(ServiceProcess service) {
        service.stop();
        service.start();
        service.awaitUp(START_TIMEOUT);
    }

    /** Stops every process it started; once only, whether called by the owner or by the JVM's shutdown. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // Called from a shutdown hook: this one or the owner's.
        }
        services().reversed().forEach(ServiceProcess::stop);
        broker.stop();
        embeddedDatabase.stop();
    }
}
