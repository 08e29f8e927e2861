package io.planconsult.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel says a process has used: CPU seconds (user + system, {@code /proc/<pid>/stat} fields 14 and 15) and
 * resident memory ({@code VmRSS} in {@code /proc/<pid>/status}). Linux only; elsewhere both read as zero.
 */
public record ProcessStats(double cpuSeconds, long rssBytes) {

    /** Clock ticks per second of the stat fields: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100.0;

    public static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return new ProcessStats(cpu, rss);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(0, 0);
        }
    }

    /**
     * A process and its direct children summed: a PostgreSQL server's postmaster and its backends (a backend that has
     * exited takes its CPU time with it; the services' connection pools keep theirs for the whole run).
     */
    public static ProcessStats ofTree(long rootPid) {
        double cpu = 0;
        long rss = 0;
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && (Long.parseLong(name) == rootPid || parent(entry) == rootPid)) {
                    ProcessStats one = of(Long.parseLong(name));
                    cpu += one.cpuSeconds;
                    rss += one.rssBytes;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(cpu, rss);
        }
        return new ProcessStats(cpu, rss);
    }

    private static long parent(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU used since an earlier reading of the same process. */
    public double cpuSince(ProcessStats earlier) {
        return cpuSeconds - earlier.cpuSeconds;
    }
}
