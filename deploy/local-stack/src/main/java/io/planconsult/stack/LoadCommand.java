package io.planconsult.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

        Api api = options.containsKey("token") ? new Api(options.get("token")) : new Api();
        long before = Tallied.count(api, reporting);
        Posting.Result run = new Posting(api, intake, Posting.stations(api, intake), texts)
                .post(n, concurrency, 0, 0, options.containsKey("idempotency") ? "load-" + System.nanoTime() : null);
        Tallied.Waited tallied = Tallied.await(api, reporting, before + run.accepted(), 600);
        double tallySeconds = run.seconds() + tallied.seconds();
        long total = tallied.count();

        System.out.printf("load: %d suggestions, concurrency %d, database %s, token %s, idempotency keys %s%n", n,
                concurrency, db,
                options.containsKey("token") ? "yes" : "no", options.containsKey("idempotency") ? "yes" : "no");
        System.out.printf("  accepted              %d of %d (%.0f accepted/s)%n", run.accepted(), n,
                run.acceptedPerSecond());
        if (!run.refused().isEmpty()) {
            System.out.printf("  refused               %s (status: count; 401/403: pass --token \"$(deploy/token "
                    + "--role admin)\")%n", run.refused());
        }
        System.out.printf("  POST latency          p50 %.1f ms   p99 %.1f ms%n", run.percentileMillis(0.5),
                run.percentileMillis(0.99));
        System.out.printf("  first POST -> tallies %.1f s (tallies show %d of %d)%n", tallySeconds, total - before,
                run.accepted());

        InsertBaseline.Result baseline = InsertBaseline.pgbench(db, concurrency);
        System.out.printf("  raw baseline          %.0f single-row INSERTs/s (%s, concurrency %d)%n",
                baseline.insertsPerSecond(), baseline.tool(), concurrency);
        System.out.printf("  ratio                 accepted/s is %.2f x the raw INSERT rate%n",
                run.acceptedPerSecond() / baseline.insertsPerSecond());
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
