package io.planconsult.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One database's end-to-end run of {@code deploy/bench}: a fresh local stack (broker, the three packaged services on
 * free ports, fresh schemas), then in order
 * <ol>
 * <li>a warm-up, so the JIT has compiled the hot paths;</li>
 * <li>the seed campaign: {@code seed} POSTs, timed from the first POST until the tallies count every one;</li>
 * <li>the sustained run: {@code n} POSTs as fast as intake answers, timed the same way, with each process's CPU time
 * over it ({@link ProcessStats}) and the services' resident memory at its end;</li>
 * <li>POST latency at half the sustained accepted rate;</li>
 * <li>the raw baseline: pgbench single-row INSERTs on the same PostgreSQL at the same concurrency.</li>
 * </ol>
 * After each timed phase it waits two seconds more and reads the tallies again: lost and double counts are the
 * difference from the accepted POSTs.
 */
final class EndToEndBench {

    /** What one database's run measured; {@link BenchCommand} prints it. */
    record Figures(String database, int seed, double seedSeconds, int sustained, double acceptedPerSecond,
            double endToEndPerSecond, double postP50, double postP99, double halfRate, double halfRateP99,
            Map<String, Double> cpuMillisPerSuggestion, Map<String, Long> rssBytes, long lost, long doubled,
            double pgbenchTps, int concurrency) {
    }

    private final Path repo;
    private final List<String> texts;

    EndToEndBench(Path repo, List<String> texts) {
        this.repo = repo;
        this.texts = texts;
    }

    Figures run(LocalStack.Database database, int warmup, int seed, int n, int concurrency) throws Exception {
        String name = database.name().toLowerCase();
        Path work = repo.resolve(".local/bench").resolve(name + "-" + System.currentTimeMillis());
        LocalStack.Settings settings = LocalStack.Settings.defaults(repo, work, database).onFreePorts()
                .withSchemaPrefix("bench_" + UUID.randomUUID().toString().substring(0, 8))
                .withKeysDir(work.resolve("keys"));
        try (LocalStack stack = new LocalStack(settings)) {
            // A throughput bench, not a policy check: the per-station limit (600 writes a minute) refused 3,042 POSTs
            // of a 50,000 run at 230/s spread over the registry's stations.
            stack.intake().set("INTAKE_RATE_LIMIT_ENABLED", "false");
            say("%s: starting the broker and the three services (work dir %s)", name, work);
            stack.start();
            try {
                return measure(stack, name, warmup, seed, n, concurrency);
            } finally {
                stack.dropSchemas();
            }
        }
    }

    private Figures measure(LocalStack stack, String name, int warmup, int seed, int n,
            int concurrency) throws Exception {
        Api api = new Api(Tokens.mint(stack.keys(), "admin", null, Duration.ofHours(8)));
        String intake = stack.intake().baseUrl();
        String reporting = stack.reporting().baseUrl();
        Posting posting = new Posting(api, intake, Posting.stations(api, intake), texts);

        Phase warm = phase(api, reporting, () -> posting.post(warmup, concurrency, 0, 0, null));
        say("%s: warm-up %,d in %.1f s", name, warmup, warm.seconds());
        Phase campaign = phase(api, reporting, () -> posting.post(seed, concurrency, warmup, 0, null));
        say("%s: seed campaign %,d in %.1f s", name, seed, campaign.seconds());

        Map<String, ProcessStats> before = stats(stack);
        Phase sustained = phase(api, reporting, () -> posting.post(n, concurrency, warmup + seed, 0, null));
        Map<String, ProcessStats> after = stats(stack);
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        before.forEach((service, start) -> {
            cpu.put(service, after.get(service).cpuSince(start) * 1000 / Math.max(1, sustained.posted().accepted()));
            rss.put(service, after.get(service).rssBytes());
        });
        say("%s: sustained %,d in %.1f s", name, n, sustained.seconds());

        double half = sustained.posted().acceptedPerSecond() / 2;
        int halfCount = (int) Math.min(n, Math.max(200, half * 20));
        Phase paced = phase(api, reporting, () -> posting.post(halfCount, concurrency, warmup + seed + n, half, null));
        InsertBaseline.Result pgbench = InsertBaseline.pgbench(stack.jdbcUrl("intake"), concurrency);

        long lost = 0;
        long doubled = 0;
        for (Phase p : List.of(warm, campaign, sustained, paced)) {
            lost += Math.max(0, -p.excess());
            doubled += Math.max(0, p.excess());
        }
        return new Figures(name, seed, campaign.seconds(), n, sustained.posted().acceptedPerSecond(),
                sustained.posted().accepted() / sustained.seconds(), sustained.posted().percentileMillis(0.5),
                sustained.posted().percentileMillis(0.99), half, paced.posted().percentileMillis(0.99), cpu, rss, lost,
                doubled, pgbench.insertsPerSecond(), concurrency);
    }

    /**
     * @param posted  the POSTs
     * @param seconds from the first POST until the tallies counted every accepted one
     * @param excess  tallied minus accepted, read two seconds after they matched: below zero lost, above doubled
     */
    private record Phase(Posting.Result posted, double seconds, long excess) {
    }

    private interface Post {
        Posting.Result run() throws Exception;
    }

    private static Phase phase(Api api, String reporting, Post post) throws Exception {
        long before = Tallied.count(api, reporting);
        Posting.Result posted = post.run();
        if (posted.accepted() < posted.nanos().length) {
            throw new IllegalStateException("intake refused POSTs: " + posted.refused());
        }
        long target = before + posted.accepted();
        Tallied.Waited waited = Tallied.await(api, reporting, target, Math.max(600, posted.accepted() / 20.0));
        double seconds = posted.seconds() + waited.seconds();
        Thread.sleep(2000);
        return new Phase(posted, seconds, Tallied.count(api, reporting) - target);
    }

    /**
     * The services' CPU and memory, the broker's, and the PostgreSQL server's (postmaster and backends; on the shared
     * server that includes any other client's work at the same time).
     */
    private static Map<String, ProcessStats> stats(LocalStack stack) {
        Map<String, ProcessStats> stats = new LinkedHashMap<>();
        for (ServiceProcess s : stack.services()) {
            stats.put(s.name().replace("-service", ""), ProcessStats.of(s.pid()));
        }
        stats.put("broker", ProcessStats.of(stack.broker().pid()));
        stats.put("postgresql", ProcessStats.ofTree(postmasterPid(stack.jdbcUrl("intake"))));
        return stats;
    }

    /** The server's postmaster: the first line of postmaster.pid in its data directory (needs a superuser). */
    private static long postmasterPid(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl,
                System.getenv().getOrDefault("PLANCONSULT_PG_USER", "postgres"),
                System.getenv("PLANCONSULT_PG_PASSWORD"));
             ResultSet rs = c.createStatement().executeQuery("SHOW data_directory")) {
            rs.next();
            return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
        } catch (SQLException | IOException | RuntimeException e) {
            return -1;
        }
    }

    static void say(String format, Object... args) {
        System.err.printf("  .. " + format + "%n", args);
    }
}
