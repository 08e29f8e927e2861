package io.planconsult.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.planconsult.contract.Topics;

/**
 * A real single-node Kafka broker in KRaft mode, run as a child JVM from the Kafka jars that Maven
 * resolved for this module. The data directory survives {@link #stop()} and a later {@link #start()}
 * on the same ports, which is how tests take the broker away and bring it back.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final String CLASS_PATH_RESOURCE = "/io/planconsult/infra/kafka-broker.classpath";
    /** Generous: on a shared, loaded build machine a broker JVM may need minutes to start. */
    private static final Duration READY_TIMEOUT =
            Duration.parse(System.getProperty("planconsult.broker.ready-timeout", "PT4M"));

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean scratch;
    private Process process;

    public LocalKafkaBroker(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, false);
    }

    private LocalKafkaBroker(Path dataDir, int port, int controllerPort, boolean scratch) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.scratch = scratch;
    }

    /** A broker on two free ports, for tests. */
    public static LocalKafkaBroker onFreePorts(Path dataDir) {
        return new LocalKafkaBroker(dataDir, freePort(), freePort());
    }

    /**
     * A broker on two free ports with a fresh data directory under {@code parent}, deleted on {@link #close()}: a
     * test's or a benchmark's, which may hold gigabytes of records nobody reads again.
     */
    public static LocalKafkaBroker scratch(Path parent) {
        return new LocalKafkaBroker(freshDataDir(parent), freePort(), freePort(), true);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker JVM's process id (to pause it with SIGSTOP in the fault command), or -1 when it is not running. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the broker (formatting its storage the first time), waits until it serves requests, creates the platform's
     * topics.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path properties = writeServerProperties();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(properties);
            }
            process = javaProcess(List.of("-Xmx512m", "-XX:+UseSerialGC"), "kafka.Kafka",
                    List.of(properties.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
            awaitReadyAndCreateTopics();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Kafka broker in " + dataDir, e);
        }
    }

    /** Stops the broker gracefully (a controlled shutdown), or kills it after 15 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        if (scratch && Files.isDirectory(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path writeServerProperties() throws IOException {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.resolve("logs").toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "written by LocalKafkaBroker");
        }
        return file;
    }

    private void format(Path properties) throws IOException {
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        Process formatter = javaProcess(List.of("-Xmx256m"), "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId, "-c", properties.toString(), "--standalone"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                .start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: " + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private void awaitReadyAndCreateTopics() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited: " + logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        createTopics(admin);
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the Kafka broker was not ready within " + READY_TIMEOUT + ": "
                                + logTail(), e);
                    }
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void createTopics(Admin admin) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1)
                    .configs(Map.of("retention.ms", Long.toString(spec.retentionMs()))));
        }
        for (var result : admin.createTopics(topics).values().values()) {
            try {
                result.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private ProcessBuilder javaProcess(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.disable.jmx=true");
        command.add("-cp");
        command.add(brokerClassPath());
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    static String brokerClassPath() {
        try (InputStream in = LocalKafkaBroker.class.getResourceAsStream(CLASS_PATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASS_PATH_RESOURCE
                        + " is missing: build local-infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("broker.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, unique directory for a broker's data under {@code parent}. */
    public static Path freshDataDir(Path parent) {
        return parent.resolve("kafka-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
