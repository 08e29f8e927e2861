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

/** CPU time and resident memory of processes, read from Linux's /proc, and the machine's load average. */
final class ProcStats {

    /** USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** @return user + system CPU seconds of the process so far (fields 14 and 15 of /proc/<pid>/stat), 0 if gone */
    static double cpuSeconds(long pid) {
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
    static double rssMegabytes(long pid) {
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
    static String loadAverage() {
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
        return pids.stream().mapToDouble(ProcStats::cpuSeconds).sum();
    }
}
