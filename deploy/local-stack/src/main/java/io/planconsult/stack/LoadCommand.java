package io.planconsult.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The load command: against a running local system, posts N suggestions from the dev set at
 * concurrency C, then prints accepted/s, POST latency p50/p99 and the seconds from the first
 * POST until the tallies show all N; then the raw single-row INSERT rate of the same database
 * at the same concurrency, so the ratio is visible.
 *
 * <pre>deploy/load [--n 2000] [--concurrency 8] [--pg-url JDBC] [--token JWT] [--idempotency]</pre>
 *
 * <p>{@code --pg-url} is the PostgreSQL the baseline runs on: default the embedded server of {@code deploy/run-local}
 * ({@code jdbc:postgresql://127.0.0.1:5433/postgres}); the system one for {@code deploy/run-local --postgres}.
 *
 * <p>Intake needs a token that may post for every station: {@code --token "$(deploy/token --role admin)"}.
 * {@code --idempotency} sends a fresh {@code Idempotency-Key} with every POST.
 */
public final class LoadCommand {

    private LoadCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int n = Integer.parseInt(options.getOrDefault("n", "2000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        String intake = options.getOrDefault("intake", "http://127.0.0.1:8081");
        String reporting = options.getOrDefault("reporting", "http://127.0.0.1:8083");
        String db = options.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5433/postgres");
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        List<String> texts = DevSet.texts(Path.of(options.getOrDefault("data", DevSet.defaultPath(repo).toString())));

        Api api = new Api();
        List<JsonNode> stations = new ArrayList<>();
        api.get(intake + "/api/v1/stations").body().forEach(stations::add);
        long before = api.get(reporting + "/api/v1/tallies").body().get("total").asLong();

        Map<String, String> headers = new HashMap<>();
        if (options.containsKey("token")) {
            headers.put("Authorization", "Bearer " + options.get("token"));
        }
        long[] latencies = new long[n];
        AtomicInteger accepted = new AtomicInteger();
        Map<Integer, Integer> refused = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Workers.run(concurrency, () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                JsonNode station = stations.get(i % stations.size());
                Map<String, String> h = new HashMap<>(headers);
                if (options.containsKey("idempotency")) {
                    h.put("Idempotency-Key", "load-" + start + "-" + i);
                }
                long t0 = System.nanoTime();
                Api.Reply reply = api.post(intake + "/api/v1/suggestions",
                        Map.of("stationId", station.get("id").asText(), "text", texts.get(i % texts.size()), "channel", "station"), h);
                latencies[i] = System.nanoTime() - t0;
                if (reply.status() == 201) {
                    accepted.incrementAndGet();
                } else {
                    refused.merge(reply.status(), 1, Integer::sum);
                }
            }
            return null;
        });
        double postSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + 600_000_000_000L;
        long total = before;
        while (total < before + accepted.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            total = api.get(reporting + "/api/v1/tallies").body().get("total").asLong();
        }
        double tallySeconds = (System.nanoTime() - start) / 1e9;

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("load: %d suggestions, concurrency %d, database %s, token %s, idempotency keys %s%n", n, concurrency, db,
                options.containsKey("token") ? "yes" : "no", options.containsKey("idempotency") ? "yes" : "no");
        System.out.printf("  accepted              %d of %d (%.0f accepted/s)%n", accepted.get(), n, accepted.get() / postSeconds);
        if (!refused.isEmpty()) {
            System.out.printf("  refused               %s (status: count; 401/403: pass --token \"$(deploy/token --role admin)\")%n", refused);
        }
        System.out.printf("  POST latency          p50 %.1f ms   p99 %.1f ms%n", sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6);
        System.out.printf("  first POST -> tallies %.1f s (tallies show %d of %d)%n", tallySeconds, total - before, accepted.get());

        InsertBaseline.Result baseline = InsertBaseline.pgbench(db, concurrency);
        System.out.printf("  raw baseline          %.0f single-row INSERTs/s (%s, concurrency %d)%n", baseline.insertsPerSecond(), baseline.tool(), concurrency);
        System.out.printf("  ratio                 accepted/s is %.2f x the raw INSERT rate%n", accepted.get() / postSeconds / baseline.insertsPerSecond());
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(key, args[++i]);
            } else {
                options.put(key, "true");
            }
        }
        return options;
    }
}
