package io.planconsult.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel says a process has used: CPU seconds (user + system, {@code /proc/<pid>/stat} fields 14 and 15) and
 * resident memory ({@code VmRSS} in {@code /proc/<pid>/status}); the PostgreSQL backends of a client; the machine's
 * load average. Linux only; elsewhere the figures read as zero.
 */
public record ProcessStats(double cpuSeconds, long rssBytes) {

    /** Clock ticks per second of the stat fields: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100.0;

    public static ProcessStats of(long pid) {
        return new ProcessStats(cpuSeconds(pid), (long) (rssMegabytes(pid) * 1024 * 1024));
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
                if (name.chars().allMatch(Character::isDigit) && (Long.parseLong(name) == rootPid
                        || parent(entry) == rootPid)) {
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

    /** @return user + system CPU seconds of the process so far (fields 14 and 15 of /proc/<pid>/stat), 0 if gone */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return VmRSS of the process in MiB (/proc/<pid>/status), 0 if gone */
    public static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The 1-minute load average with the 5- and 15-minute ones, as uptime prints them. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /**
     * @return the CPU seconds the PostgreSQL backends serving connections named {@code applicationName} have used (a
     *         backend lives as long as its pooled connection, so this is their CPU since the service started)
     */
    static double backendCpuSeconds(String jdbcUrl, String user, String applicationName) {
        List<Long> pids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, System.getenv("PLANCONSULT_PG_PASSWORD"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                     + applicationName.replace("'", "") + "'")) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            return 0;
        }
        return pids.stream().mapToDouble(ProcessStats::cpuSeconds).sum();
    }
}
