package io.planconsult.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault command (a benchmark that prints a table, not a test): for each scenario, a fresh stack of the packaged
 * services, a real KRaft broker and PostgreSQL (or one stack for all), a steady load of N POSTs with
 * Idempotency-Keys from a client that retries with the same key when it gets no answer, one fault injected a
 * third of the way in, then a drain; one row says what became of the accepted suggestions.
 */
public final class FaultsCommand {

    private static final String HELP = """
            deploy/faults [--scenario all|<name>[,<name>...]] [--n 2000] [--rate 40] [--concurrency 8]
                          [--db embedded|postgres] [--drain-timeout 300] [--broker-pause 60] [--poison 1000]
                          [--fresh-stack]

            Starts a stack on free ports (the packaged services, a KRaft broker, PostgreSQL; with --fresh-stack a new
            one for every scenario, else one for all, run one after the other). For each scenario it posts
            N suggestions at RATE/s with an Idempotency-Key each (a POST that gets no answer is sent again with
            the same key), injects the fault a third of the way in, waits until every accepted suggestion is tallied
            (or DRAIN-TIMEOUT seconds), and prints one row:
              accepted   201s received          in intake  rows in intake's table
              tagged     distinct ids on the public tagged topic
              tallies    growth of GET /api/v1/tallies total during the scenario
              lost       accepted but not in reporting after the drain
              double     tallies growth minus distinct accepted suggestions in reporting
              good DLQ   accepted suggestions found on a dead-letter topic
              drain s    seconds from the end of the fault until all accepted were tallied (">" = timed out)

            --db embedded (default): a PostgreSQL 16 started from Maven jars, per scenario, which the postgres-restart
            scenario stops and starts. --db postgres: fresh schemas on PLANCONSULT_PG_URL (default the local server's
            test database); postgres-restart is skipped, as that server is shared.

            scenarios: %s
            """;

    private FaultsCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadCommand.options(args);
        if (options.containsKey("help")) {
            System.out.printf(HELP, String.join(", ", Arrays.stream(Fault.values()).map(Fault::flag).toList()));
            return;
        }
        int n = Integer.parseInt(options.getOrDefault("n", "2000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "40"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Duration drainTimeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-timeout", "300")));
        LocalStack.Database db = "postgres".equals(options.get("db")) ? LocalStack.Database.POSTGRES
                : LocalStack.Database.EMBEDDED;
        Fault.Options faultOptions = new Fault.Options(
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("broker-pause", "60"))), Duration.ofSeconds(10),
                Integer.parseInt(options.getOrDefault("poison", "1000")), Duration.ofSeconds(20));
        List<Fault> faults = selected(options.getOrDefault("scenario", "all"));
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        List<String> texts = DevSet.texts(DevSet.defaultPath(repo));

        System.out.printf("faults: %d POSTs per scenario at %.0f/s, concurrency %d, database %s, %s, %d cores%n%n",
                n, rate,
                concurrency, db == LocalStack.Database.EMBEDDED ? "embedded PostgreSQL 16" : "PostgreSQL server",
                Instant.now(), Runtime.getRuntime().availableProcessors());
        boolean fresh = options.containsKey("fresh-stack");
        List<String> rows = new ArrayList<>();
        rows.add(header());
        LocalStack shared = null;
        try {
            for (Fault fault : faults) {
                if (fault == Fault.POSTGRES_RESTART && db == LocalStack.Database.POSTGRES) {
                    rows.add(String.format("| %-40s | skipped: the shared PostgreSQL server is never restarted |",
                            fault.description()));
                    continue;
                }
                if (shared == null || fresh) {
                    shared = newStack(repo, db, fault.flag());
                }
                String row;
                try {
                    row = run(shared, fault, faultOptions, texts, n, rate, concurrency, drainTimeout);
                } catch (RuntimeException e) {
                    row = String.format("| %-40s | failed: %s |", fault.description(),
                            String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
                System.out.println(row);
                rows.add(row);
                if (fresh) {
                    close(shared);
                }
            }
        } finally {
            close(shared);
        }
        System.out.println();
        rows.forEach(System.out::println);
    }

    private static LocalStack newStack(Path repo, LocalStack.Database db, String name) {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path work = repo.resolve(".local/faults").resolve(run);
        LocalStack stack = new LocalStack(LocalStack.Settings.defaults(repo, work, db).onFreePorts()
                .withSchemaPrefix("faults_" + run.replaceAll("[^a-z0-9]", "_")).withKeysDir(work.resolve("keys")));
        System.out.printf("[%s] starting a fresh stack in %s%n", Instant.now(), work);
        try {
            stack.start();
        } catch (RuntimeException e) {
            close(stack);
            throw e;
        }
        return stack;
    }

    private static void close(LocalStack stack) {
        if (stack != null) {
            stack.close();
            stack.dropSchemas();
        }
    }

    private static String run(LocalStack stack, Fault fault, Fault.Options faultOptions, List<String> texts, int n,
            double rate, int concurrency, Duration drainTimeout) throws Exception {
        String run = fault.flag() + "-" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("[%s] %s%n", Instant.now(), fault.description());
        Api api = new Api(Tokens.mint(stack.keys(), "admin", null, Duration.ofHours(4)));
        List<JsonNode> stations = new ArrayList<>();
        api.get(stack.intake().baseUrl() + "/api/v1/stations").body().forEach(stations::add);
        long talliesBefore = FaultOutcome.talliesTotal(stack, api);
        SteadyLoad load = new SteadyLoad(api, stack.intake().baseUrl(), stations, texts);
        long giveUp = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
            try {
                load.run(n, rate, concurrency, run, giveUp);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (load.sent() < n / 3 && !posting.isDone()) {
            ServiceProcess.sleep(100);
        }
        System.out.printf("[%s]   %d of %d posted; injecting: %s%n", Instant.now(), load.sent(), n,
                fault.description());
        fault.inject(stack, faultOptions);
        long faultOver = System.nanoTime();
        System.out.printf("[%s]   fault over; waiting for the load and the drain%n", Instant.now());
        posting.join();
        List<String> accepted = load.accepted();
        double drain = drain(stack, accepted, faultOver, drainTimeout);
        FaultOutcome o = FaultOutcome.count(stack, api, accepted, talliesBefore, drain);
        System.out.printf("[%s]   client retries %d, final refusals %s%n", Instant.now(), load.retries(),
                load.refused());
        return row(fault, o);
    }

    /** Seconds from the end of the fault until reporting holds every accepted suggestion, or the timeout. */
    private static double drain(LocalStack stack, List<String> accepted, long faultOver, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int tallied = FaultOutcome.countIn(stack, "reporting", "tagged_suggestion", "suggestion_id", accepted);
            if (tallied == accepted.size()) {
                return (System.nanoTime() - faultOver) / 1e9;
            }
            ServiceProcess.sleep(500);
        }
        return -(System.nanoTime() - faultOver) / 1e9;
    }

    private static String header() {
        return "| scenario                                 | accepted | in intake | tagged | tallies | lost | double "
                + "| good DLQ | drain s |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    private static String row(Fault fault, FaultOutcome o) {
        String drain = o.drainSeconds() >= 0 ? String.format("%.1f", o.drainSeconds())
                : String.format("> %.0f", -o.drainSeconds());
        return String.format("| %-40s | %,8d | %,9d | %,6d | %,7d | %,4d | %,6d | %,8d | %7s |", fault.description(),
                o.accepted(), o.inIntake(), o.taggedOnTopic(), o.talliesGrowth(), o.lost(), o.doubled(),
                o.goodDeadLettered(), drain);
    }

    private static List<Fault> selected(String scenarios) {
        if ("all".equals(scenarios)) {
            return Arrays.stream(Fault.values()).filter(f -> f != Fault.NONE).toList();
        }
        return Arrays.stream(scenarios.split(","))
                .map(s -> Fault.valueOf(s.trim().toUpperCase().replace('-', '_'))).toList();
    }
}
