package io.planconsult.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end part of {@code deploy/bench} (issue 14's targets 1, 2 and 7): for each database, a fresh stack, the
 * seed campaign, a sustained run, POST latency at half rate and pgbench on the same server, printed as
 * {@link BenchTable} rows: target, measured figure, the baseline measured in the same run, the aim, and whether it is
 * met. The stacks run first; the table comes at the end.
 *
 * <pre>deploy/bench --only e2e [--db embedded,postgres] [--seed 1550] [--n 100000] [--concurrency 8] [--warmup
 * 500]</pre>
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadCommand.options(args);
        int seed = Integer.parseInt(options.getOrDefault("seed", "1550"));
        int n = Integer.parseInt(options.getOrDefault("n", "100000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        Path repo = Path.of(System.getProperty("planconsult.repo", ".")).toAbsolutePath().normalize();
        List<String> texts = DevSet.texts(Path.of(options.getOrDefault("data", DevSet.defaultPath(repo).toString())));

        String start = ProcessStats.loadAverage();
        List<EndToEndBench.Figures> runs = new ArrayList<>();
        for (String db : options.getOrDefault("db", "embedded,postgres").split(",")) {
            LocalStack.Database database = db.equals("postgres") ? LocalStack.Database.POSTGRES
                    : LocalStack.Database.EMBEDDED;
            runs.add(new EndToEndBench(repo, texts).run(database, warmup, seed, n, concurrency));
        }
        BenchTable.header(("## End to end: %,d warm-up, the seed campaign of %,d, %,d sustained, concurrency %d (load "
                + "average %s at the start)").formatted(warmup, seed, n, concurrency, start));
        runs.forEach(BenchCommand::rows);
        BenchTable.footer();
    }

    private static void rows(EndToEndBench.Figures f) {
        String db = f.database().equals("postgres") ? "PostgreSQL 15 server"
                : "embedded PostgreSQL 16 (laptop default)";
        Map<String, Double> cpu = f.cpuMillisPerSuggestion();
        double services = cpu.get("intake") + cpu.get("tagging") + cpu.get("reporting");
        double intakeRatio = f.acceptedPerSecond() / f.pgbenchTps();
        BenchTable.row(db + ": seed campaign, first POST to exact tallies",
                "%,d in %.2f s".formatted(f.seed(), f.seedSeconds()),
                "%,d pgbench INSERTs take %.2f s".formatted(f.seed(), f.seed() / f.pgbenchTps()), "< 5 s",
                f.seedSeconds() < 5);
        BenchTable.row(db + ": sustained, first POST to exact tallies",
                "%,.0f /s over %,d".formatted(f.endToEndPerSecond(), f.sustained()),
                "pgbench %,.0f INSERTs/s".formatted(f.pgbenchTps()), ">= 1,000 /s", f.endToEndPerSecond() >= 1000);
        BenchTable.row(db + ": CPU per suggestion, three services",
                "%.2f ms (intake %.2f, tagging %.2f, reporting %.2f)"
                .formatted(services, cpu.get("intake"), cpu.get("tagging"), cpu.get("reporting")),
                "broker %.2f ms, PostgreSQL server %.2f ms".formatted(cpu.get("broker"), cpu.get("postgresql")),
                "<= 2 ms",
                services <= 2);
        BenchTable.row(db + ": intake accepted/s / pgbench tps, concurrency " + f.concurrency(),
                "%.3f (%,.0f accepted/s, POST p50 %.1f ms, p99 %.1f ms)".formatted(intakeRatio, f.acceptedPerSecond(),
                        f.postP50(), f.postP99()), "pgbench %,.0f tps".formatted(f.pgbenchTps()), ">= 0.25",
                        intakeRatio >= 0.25);
        BenchTable.row(db + ": POST p99 at half the accepted rate",
                "%.1f ms at %,.0f /s".formatted(f.halfRateP99(), f.halfRate()),
                "", "< 50 ms", f.halfRateP99() < 50);
        Map<String, Long> rss = f.rssBytes();
        long largest = Math.max(rss.get("intake"), Math.max(rss.get("tagging"), rss.get("reporting")));
        BenchTable.row(db + ": resident memory after the sustained run", "intake %d MB, tagging %d MB, reporting %d MB"
                .formatted(rss.get("intake") >> 20, rss.get("tagging") >> 20, rss.get("reporting") >> 20),
                "broker %d MB".formatted(rss.get("broker") >> 20), "< 400 MB each", largest < 400L << 20);
        BenchTable.row(db + ": exact tallies after every phase", "lost %d, double %d".formatted(f.lost(), f.doubled()),
                "",
                "0, 0", f.lost() == 0 && f.doubled() == 0);
    }
}
