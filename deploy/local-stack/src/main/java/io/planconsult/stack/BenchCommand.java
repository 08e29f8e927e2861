package io.planconsult.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end part of {@code deploy/bench} (issue 14's targets 1, 2 and 7): for each database, a fresh stack, the
 * seed campaign, a sustained run, POST latency at half rate and pgbench on the same server, printed as one table of
 * target, measured figure, the baseline measured in the same run, the aim, and whether it is met.
 *
 * <pre>deploy/bench --only e2e [--db embedded,postgres] [--seed 1550] [--n 100000] [--concurrency 8] [--warmup 500]</pre>
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

        System.out.printf("%n## End to end (%s)%n%n", machine());
        List<String> rows = new ArrayList<>();
        for (String db : options.getOrDefault("db", "embedded,postgres").split(",")) {
            LocalStack.Database database = db.equals("postgres") ? LocalStack.Database.POSTGRES : LocalStack.Database.EMBEDDED;
            rows.addAll(rows(new EndToEndBench(repo, texts).run(database, warmup, seed, n, concurrency)));
        }
        System.out.println("| database | target | measured | baseline, same run | aim | met |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("%nload average at the end: %s%n", loadAverage());
    }

    static List<String> rows(EndToEndBench.Figures f) {
        String db = f.database().equals("postgres") ? "PostgreSQL 15 (server)" : "PostgreSQL 16 (embedded, laptop default)";
        Map<String, Double> cpu = f.cpuMillisPerSuggestion();
        double services = cpu.get("intake") + cpu.get("tagging") + cpu.get("reporting");
        double intakeRatio = f.acceptedPerSecond() / f.pgbenchTps();
        List<String> rows = new ArrayList<>();
        rows.add(row(db, "seed campaign: first POST to exact tallies", "%,d in %.2f s".formatted(f.seed(), f.seedSeconds()),
                "%,d pgbench INSERTs take %.2f s".formatted(f.seed(), f.seed() / f.pgbenchTps()), "< 5 s", f.seedSeconds() < 5));
        rows.add(row(db, "sustained, first POST to exact tallies", "%,.0f /s over %,d".formatted(f.endToEndPerSecond(), f.sustained()),
                "pgbench %,.0f INSERTs/s".formatted(f.pgbenchTps()), ">= 1,000 /s", f.endToEndPerSecond() >= 1000));
        rows.add(row(db, "CPU per suggestion, three services", "%.2f ms (intake %.2f, tagging %.2f, reporting %.2f)"
                .formatted(services, cpu.get("intake"), cpu.get("tagging"), cpu.get("reporting")),
                "broker %.2f ms, PostgreSQL %.2f ms".formatted(cpu.get("broker"), cpu.get("postgresql")), "<= 2 ms", services <= 2));
        rows.add(row(db, "intake accepted/s / pgbench tps, concurrency " + f.concurrency(), "%.3f (%,.0f accepted/s, POST p50 %.1f ms, p99 %.1f ms)"
                .formatted(intakeRatio, f.acceptedPerSecond(), f.postP50(), f.postP99()),
                "pgbench %,.0f tps".formatted(f.pgbenchTps()), ">= 0.25", intakeRatio >= 0.25));
        rows.add(row(db, "POST p99 at half the accepted rate", "%.1f ms at %,.0f /s".formatted(f.halfRateP99(), f.halfRate()),
                "-", "< 50 ms", f.halfRateP99() < 50));
        long maxRss = f.rssBytes().entrySet().stream().filter(e -> !e.getKey().equals("broker") && !e.getKey().equals("postgresql"))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
        rows.add(row(db, "resident memory after the sustained run", "intake %d MB, tagging %d MB, reporting %d MB".formatted(
                mb(f.rssBytes().get("intake")), mb(f.rssBytes().get("tagging")), mb(f.rssBytes().get("reporting"))),
                "broker %d MB".formatted(mb(f.rssBytes().get("broker"))), "< 400 MB each", maxRss < 400L << 20));
        rows.add(row(db, "exact tallies after every phase", "lost %d, double %d".formatted(f.lost(), f.doubled()), "-", "0, 0",
                f.lost() == 0 && f.doubled() == 0));
        return rows;
    }

    private static String row(String db, String target, String measured, String baseline, String aim, boolean met) {
        return "| %s | %s | %s | %s | %s | %s |".formatted(db, target, measured, baseline, aim, met ? "yes" : "**no**");
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    /** Date, cores, memory and load average: the figures mean little without them. */
    static String machine() {
        long memKb = 0;
        try {
            memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            // not Linux: leave it out
        }
        return "%s, %d cores, %d GiB, load average %s".formatted(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Runtime.getRuntime().availableProcessors(), Math.round(memKb / 1048576.0), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
