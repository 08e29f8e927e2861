package io.planconsult.stack;

/**
 * The benchmarks' result table: markdown rows {@code | target | measured | baseline | aim | met? |} after a short
 * header, so deploy/bench can collect the rows of every benchmark into one table. Progress goes to stderr.
 */
final class BenchTable {

    private BenchTable() {
    }

    /** The title, the machine (cores, load average now) and the table's head. */
    static void header(String title) {
        System.out.printf("%s%n%d cores, load average %s at the start%n%n", title,
                Runtime.getRuntime().availableProcessors(), ProcessStats.loadAverage());
        System.out.println("| target | measured | baseline | aim | met? |");
        System.out.println("|---|---|---|---|---|");
    }

    /** @param met null when the row has no aim */
    static void row(String target, String measured, String baseline, String aim, Boolean met) {
        System.out.printf("| %s | %s | %s | %s | %s |%n", target, measured, baseline, aim,
                met == null ? "" : met ? "yes" : "**no**");
    }

    /** The load average at the end, under the table. */
    static void footer() {
        System.out.printf("%nload average %s at the end%n", ProcessStats.loadAverage());
    }

    static void progress(String format, Object... args) {
        System.err.printf("  " + format + "%n", args);
    }
}
