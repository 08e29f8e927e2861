package io.planconsult.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.infra.LocalKafkaBroker;

/**
 * The reporting benchmark. On a fresh real broker it loads N tagged suggestions (default 100,000) generated from the
 * dev set's shapes onto the tagged topic, then in the same run:
 * <ol>
 * <li>a plain Kafka consumer (strings, no processing; what the console consumer does) reads them all: events/s;</li>
 * <li>the packaged reporting service, with a fresh consumer group and a fresh database schema, consumes them live:
 * events/s;</li>
 * <li>{@code POST /api/v1/admin/rebuild} replays them all ({@link RebuildCheck}): events/s beside the plain consumer's
 * (aim ≥ 0.5 ×), and the rebuilt tallies compared with the live ones, every breakdown;</li>
 * <li>tally and report queries against the N: latency p50/p99 (aims: tallies p99 &lt; 10 ms, general report
 * p99 &lt; 50 ms), and the service's RSS at the end (aim &lt; 400 MB).</li>
 * </ol>
 * It prints markdown rows ({@link BenchTable}).  * The load itself is {@link TaggedLoad}'s.
 *
 * <pre>deploy/bench-reporting [--n 100000] [--queries 300] [--jfr]</pre>
 *
 * <p>{@code --jfr}: a flight recording of the service, {@code .local/bench-reporting/reporting.jfr}.
 *
 * <p>The schema is made on the PostgreSQL at {@code PLANCONSULT_PG_URL} (default the local server's {@code test}).
 */
public final class ReportingBenchmark {

    /** The analyst token every query is sent with. */
    private static String bearer;

    private ReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServiceProcess.stopAllOnExit();
        Map<String, String> options = LoadCommand.options(args);
        int n = Integer.parseInt(options.getOrDefault("n", "100000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "300"));
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve(".local/bench-reporting");
        Files.createDirectories(work);
        List<JsonNode> dev = TaggedLoad.devRows(
                Path.of(options.getOrDefault("data", DevSet.defaultPath(repo).toString())));
        BenchTable.header(String.format("reporting: %,d tagged suggestions from %d dev rows, PostgreSQL", n,
                dev.size()));

        try (LocalKafkaBroker broker = LocalKafkaBroker.scratch(work)) {
            broker.start();
            double produced = TaggedLoad.produce(broker.bootstrapServers(), dev, n);
            BenchTable.progress("produced %,d events at %,.0f/s", n, produced);
            double plain = TaggedLoad.plainConsumer(broker.bootstrapServers(), n);
            String baseline = String.format("plain consumer %,.0f events/s, same run", plain);

            String schema = "bench_reporting_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            BenchDatabase database = BenchDatabase.fromEnvironment();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("REPORTING_GROUP_ID", "bench-" + schema);
            env.put("QUARKUS_LOG_CATEGORY__IO_PLANCONSULT__LEVEL", "WARN");
            database.execute("CREATE SCHEMA " + schema);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.urlOf(schema));
            env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
            env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
            // Reports list suggestion texts, so they need an analyst's token, signed with a key pair of this run.
            LocalKeys keys = LocalKeys.in(work.resolve("keys"));
            bearer = Tokens.mint(keys, "analyst", null, Duration.ofHours(4));
            ServiceProcess reporting = new ServiceProcess("reporting",
                    repo.resolve("reporting-service/target/quarkus-app"), LocalKafkaBroker.freePort(), env,
                    List.of("-Dmp.jwt.verify.publickey.location=" + keys.publicKey().toAbsolutePath(),
                            // The rebuild folds the whole replay in memory (1-2 kB per suggestion) before it writes.
                            "-Xmx512m",
                            // The rebuild's own timings (fold, write) in reporting.log.
                            "-Dquarkus.log.category.\"io.planconsult.reporting.tally.RebuildWriter\".level=INFO",
                            "-Dquarkus.log.category.\"io.planconsult.reporting.messaging.Rebuilder\".level=INFO",
                            options.containsKey("jfr") ? "-XX:StartFlightRecording=settings=profile,dumponexit=true,"
                                    + "filename=" + work.resolve("reporting.jfr") : "-Dbench.jfr=off"),
                    work.resolve("reporting.log"));
            try {
                reporting.start();
                reporting.awaitUp(Duration.ofSeconds(120));
                long up = System.nanoTime();
                String base = reporting.baseUrl();
                long atUp = applied(base);
                long done = awaitApplied(base, n);
                double live = (n - atUp) / ((done - up) / 1e9);
                BenchTable.row(String.format("4. live consumption of %,d tagged events, fresh group", n),
                        String.format("%,.0f events/s", live), baseline, "", null);

                BenchTable.row("7. reporting RSS after live consumption", String.format("%.0f MB",
                        ProcessStats.rssMegabytes(reporting.pid())), "", "< 400 MB", null);
                String admin = Tokens.mint(keys, "admin", null, Duration.ofHours(4));
                RebuildCheck.Result rebuild = RebuildCheck.run(base, admin);
                BenchTable.row(String.format("4. rebuild (POST /api/v1/admin/rebuild), %,d events", rebuild.records()),
                        String.format("%,.0f events/s (%.1f s), %.3f × plain", rebuild.rate(), rebuild.seconds(),
                                rebuild.rate() / plain), baseline, "≥ 0.5 × plain", rebuild.rate() / plain >= 0.5);
                BenchTable.row("4. rebuilt tallies equal the live ones ("
                        + String.join(", ", RebuildCheck.BREAKDOWNS) + ")",
                        rebuild.difference().isEmpty() ? "equal" : rebuild.difference(), "live tallies", "equal",
                        rebuild.difference().isEmpty());

                long first = System.nanoTime();
                get(base + "/api/v1/reports/general");
                BenchTable.row("5. GET /api/v1/reports/general, first after a change (assembled)",
                        String.format("%.1f ms", (System.nanoTime() - first) / 1e6), "", "", null);
                latency("5. GET /api/v1/tallies", base + "/api/v1/tallies", queries, 10);
                latency("5. GET /api/v1/tallies?by=subject", base + "/api/v1/tallies?by=subject", queries, 10);
                latency("5. GET /api/v1/tallies?by=day", base + "/api/v1/tallies?by=day", queries, 10);
                latency("5. GET /api/v1/tallies/districts/xihu", base + "/api/v1/tallies/districts/xihu", queries, 10);
                latency("5. GET /api/v1/reports/general", base + "/api/v1/reports/general", queries, 50);
                latency("GET /api/v1/reports/general?format=xlsx", base + "/api/v1/reports/general?format=xlsx",
                        Math.max(5, queries / 30), 0);
                latency("GET /api/v1/reports/topics/ai", base + "/api/v1/reports/topics/ai",
                        Math.max(10, queries / 10), 0);
                latency("GET /api/v1/reports/districts/xihu", base + "/api/v1/reports/districts/xihu",
                        Math.max(5, queries / 30), 0);
                double rss = ProcessStats.rssMegabytes(reporting.pid());
                BenchTable.row("7. reporting RSS at the end, after the rebuild (-Xmx512m for it, serial GC)",
                        String.format("%.0f MB", rss), "",
                        "< 400 MB", rss < 400);
                BenchTable.footer();
            } finally {
                reporting.stop();
                database.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** Suggestions the tallies hold, texts that are not suggestions included. */
    private static long applied(String base) throws Exception {
        JsonNode tallies = Api.JSON.readTree(get(base + "/api/v1/tallies"));
        return tallies.get("total").asLong();
    }

    private static long awaitApplied(String base, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long last = -1;
        long lastPrint = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long total = applied(base);
            if (total >= n) {
                return System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > 15_000_000_000L && total != last) {
                BenchTable.progress("... %,d applied", total);
                lastPrint = System.nanoTime();
                last = total;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the reporting service did not apply all " + n + " events within 30 minutes");
    }

    private static void latency(String what, String url, int count, int aimMs) throws Exception {
        Latency.row(what, url, bearer, count, aimMs);
    }

    private static byte[] get(String url) throws Exception {
        return Latency.get(url, bearer);
    }
}
