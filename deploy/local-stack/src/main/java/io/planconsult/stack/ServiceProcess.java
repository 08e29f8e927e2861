package io.planconsult.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service run as a child JVM, with its log in a file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build(); // as browsers speak to plain http: no h2c upgrade

    /**
     * Makes a benchmark's interruption (Ctrl-C, kill) stop every process it started, services and broker alike,
     * instead of leaving them running without their parent.
     */
    static void stopAllOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy), "stop-children"));
    }

    private final String name;
    private final Path appDir;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    /** Put before the java command, e.g. {@code taskset -c 1} to pin the service to one core. */
    private List<String> launcher = List.of();
    private Process process;

    public ServiceProcess(String name, Path appDir, int port, Map<String, String> environment, List<String> jvmOptions,
            Path logFile) {
        this.name = name;
        this.appDir = appDir;
        this.port = port;
        this.environment = new TreeMap<>(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Changes one setting for the next start (e.g. a new consumer group for a replay). */
    public void set(String variable, String value) {
        environment.put(variable, value);
    }

    public java.util.Optional<String> setting(String variable) {
        return java.util.Optional.ofNullable(environment.get(variable));
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        // A service's live heap after a collection is 30-60 MB under load (JFR, deploy/bench): 256 MB of heap keeps
        // each process under 400 MB resident; the serial collector suits one or two cores and small heaps. A later -Xmx
        // in the JVM options wins (the rebuild bench holds the whole replay in memory).
        // Freed native memory (the JIT compilers' arenas above all) goes back to the system every 5 s, and two malloc
        // arenas instead of one per busy thread: at 20,000 suggestions RSS 401 / 419 / 358 MB without either, 391 /
        // 408 / 355 with fewer arenas, 358 / 379 / 327 with both (README, 2026-12-03). The flag is JDK 22+.
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Java.executable(), "-Xmx256m", "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 22) {
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", appDir.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(appDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until /q/health/ready answers 200 (the service is up; readiness may still wait for the broker). */
    public void awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + logFile + "\n" + logTail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not up within " + timeout + "; see " + logFile + "\n" + logTail());
    }

    /** A second instance of the same service (same settings, its own port and log), e.g. to force a rebalance. */
    public ServiceProcess another(String instanceName, int instancePort) {
        return new ServiceProcess(instanceName, appDir, instancePort, environment, jvmOptions,
                logFile.resolveSibling(instanceName + ".log"));
    }

    /** Runs the service on this one CPU core only ({@code taskset -c core}, which execs java: the pid is the JVM's). */
    public ServiceProcess pinnedTo(int core) {
        launcher = List.of("taskset", "-c", Integer.toString(core));
        return this;
    }

    /** The running JVM's process id. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** kill -9: no shutdown hook, no commit, no goodbye to the broker (a crashed pod). */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public Path logFile() {
        return logFile;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
