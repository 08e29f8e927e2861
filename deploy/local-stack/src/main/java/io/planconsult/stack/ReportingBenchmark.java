package io.planconsult.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
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
 * <li>the packaged reporting service, with a fresh consumer group and a fresh database schema, replays them: the
 * rebuild rate in events/s;</li>
 * <li>tally and report queries against the 100,000: latency p50/p99.</li>
 * </ol>
 * The load itself is {@link TaggedLoad}'s.
 *
 * <pre>deploy/bench-reporting [--n 100000] [--queries 300]</pre>
 *
 * <p>The schema is made on the PostgreSQL at {@code PLANCONSULT_PG_URL} (default the local server's {@code test}).
 */
public final class ReportingBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The analyst token every query is sent with. */
    private static String bearer;

    private ReportingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadCommand.options(args);
        int n = Integer.parseInt(options.getOrDefault("n", "100000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "300"));
        String db = "postgres";
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve(".local/bench-reporting");
        Files.createDirectories(work);
        List<JsonNode> dev = TaggedLoad.devRows(Path.of(options.getOrDefault("data", DevSet.defaultPath(repo).toString())));
        System.out.printf("reporting benchmark: %d tagged suggestions from %d dev rows, database %s, %d cores%n", n, dev.size(), db,
                Runtime.getRuntime().availableProcessors());

        try (LocalKafkaBroker broker = LocalKafkaBroker.onFreePorts(LocalKafkaBroker.freshDataDir(work))) {
            broker.start();
            double produced = TaggedLoad.produce(broker.bootstrapServers(), dev, n);
            System.out.printf("  produced              %,d events in %.1f s (%,.0f events/s)%n", n, n / produced, produced);

            double plain = TaggedLoad.plainConsumer(broker.bootstrapServers(), n);
            System.out.printf("  plain Kafka consumer  %,.0f events/s (fresh group, strings only)%n", plain);

            String schema = "bench_reporting_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String pgUrl = System.getenv().getOrDefault("PLANCONSULT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String pgUser = System.getenv().getOrDefault("PLANCONSULT_PG_USER", "postgres");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("REPORTING_GROUP_ID", "bench-" + schema);
            env.put("QUARKUS_LOG_CATEGORY__IO_PLANCONSULT__LEVEL", "WARN");
            Path built = repo.resolve("reporting-service/target/quarkus-app");
            Path app = built;
            execute(pgUrl, pgUser, "CREATE SCHEMA " + schema);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            env.put("QUARKUS_DATASOURCE_USERNAME", pgUser);
            env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
            // Reports list suggestion texts, so they need an analyst's token, signed with a key pair of this run.
            LocalKeys keys = LocalKeys.in(work.resolve("keys"));
            bearer = Tokens.mint(keys, "analyst", null, Duration.ofHours(4));
            ServiceProcess reporting = new ServiceProcess("reporting", app, LocalKafkaBroker.freePort(), env,
                    List.of("-Dmp.jwt.verify.publickey.location=" + keys.publicKey().toAbsolutePath()), work.resolve("reporting.log"));
            try {
                long start = System.nanoTime();
                reporting.start();
                reporting.awaitUp(Duration.ofSeconds(120));
                long up = System.nanoTime();
                long atUp = total(reporting.baseUrl());
                long done = awaitTotal(reporting.baseUrl(), n);
                double rebuild = (n - atUp) / ((done - up) / 1e9);
                System.out.printf("  rebuild (replay)      %,.0f events/s once up (%,d already applied at start-up); %.1f s from launch to all %,d%n",
                        rebuild, atUp, (done - start) / 1e9, n);
                System.out.printf("  rebuild / plain       %.2f (aim >= 0.5)%n", rebuild / plain);

                String base = reporting.baseUrl();
                latency("GET /api/v1/tallies", base + "/api/v1/tallies", queries, "aim p99 < 10 ms");
                latency("GET /api/v1/tallies?by=subject", base + "/api/v1/tallies?by=subject", queries, "");
                latency("GET /api/v1/tallies/districts/xihu", base + "/api/v1/tallies/districts/xihu", queries, "");
                latency("GET /api/v1/reports/general", base + "/api/v1/reports/general", Math.max(10, queries / 10), "");
                latency("GET /api/v1/reports/topics/ai", base + "/api/v1/reports/topics/ai", Math.max(10, queries / 10), "");
                latency("GET /api/v1/reports/districts/xihu", base + "/api/v1/reports/districts/xihu", Math.max(5, queries / 30), "");
                latency("GET /api/v1/reports/general?format=xlsx", base + "/api/v1/reports/general?format=xlsx", Math.max(5, queries / 30), "");
            } finally {
                reporting.stop();
                execute(pgUrl, pgUser, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static long total(String base) throws Exception {
        return Api.JSON.readTree(get(base + "/api/v1/tallies")).get("total").asLong();
    }

    private static long awaitTotal(String base, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long last = -1;
        long lastPrint = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long total = total(base);
            if (total >= n) {
                return System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > 15_000_000_000L && total != last) {
                System.out.printf("    ... %,d applied%n", total);
                lastPrint = System.nanoTime();
                last = total;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the reporting service did not apply all " + n + " events within 30 minutes");
    }

    private static void latency(String what, String url, int count, String aim) throws Exception {
        for (int i = 0; i < Math.max(5, count / 10); i++) {
            get(url);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            get(url);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("  %-42s p50 %7.1f ms   p99 %7.1f ms   (%d requests)%s%n", what, nanos[count / 2] / 1e6,
                nanos[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6, count, aim.isEmpty() ? "" : "   " + aim);
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, System.getenv("PLANCONSULT_PG_PASSWORD"))) {
            c.createStatement().execute(sql);
        }
    }
}
