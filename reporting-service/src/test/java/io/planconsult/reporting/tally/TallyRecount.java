package io.planconsult.reporting.tally;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Tallies counted from scratch from the final state of every suggestion: a pure function, written apart from the
 * incremental code (no {@link TallyArithmetic}, no {@link Contribution}), that the maintained counters must equal.
 * Also reads both from the database in one snapshot.
 */
public final class TallyRecount {

    private static final ZoneId HANGZHOU = ZoneId.of("Asia/Shanghai");

    private static final String NOT_A_SUGGESTION = "not-a-suggestion";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The effective state of one suggestion as stored.
     *
     * @param points       the points column as stored (JSON), null for a text not split
     * @param awaitsReview flagged by tagging and not re-tagged by an analyst
     */
    public record State(UUID id, boolean tagged, boolean withdrawn, String stationDistrict, String textDistrict,
            String channel,
            java.time.Instant submittedAt, String primaryTopic, List<String> labels, UUID clusterId, String points,
            boolean awaitsReview) {
    }

    /** {@code count / mentions / clusters} per {@code dimension|bucket|topic}, non-zero cells only. */
    public static Map<String, List<Long>> recount(Iterable<State> states) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Set<UUID>> clusters = new HashMap<>();
        for (State s : states) {
            if (!s.tagged() || s.withdrawn()) {
                continue;
            }
            LocalDate day = s.submittedAt().atZone(HANGZHOU).toLocalDate();
            String week = day.get(WeekFields.ISO.weekBasedYear()) + "-W"
                    + (day.get(WeekFields.ISO.weekOfWeekBasedYear()) < 10 ? "0" : "")
                    + day.get(WeekFields.ISO.weekOfWeekBasedYear());
            Map<String, String> buckets = Map.of("station", s.stationDistrict(),
                    "subject", s.textDistrict() == null ? s.stationDistrict() : s.textDistrict(),
                    "channel", s.channel(), "day", day.toString(), "week", week);
            Set<String> labels = new java.util.LinkedHashSet<>();
            labels.add(s.primaryTopic());
            labels.addAll(s.labels());
            buckets.forEach((dimension, bucket) -> {
                String cell = dimension + "|" + bucket + "|" + s.primaryTopic();
                counts.computeIfAbsent(cell, k -> new long[2])[0]++;
                clusters.computeIfAbsent(cell, k -> new HashSet<>()).add(s.clusterId());
                for (String label : labels) {
                    counts.computeIfAbsent(dimension + "|" + bucket + "|" + label, k -> new long[2])[1]++;
                }
            });
            // Texts that are not suggestions count apart, in the all dimension too, and raise no point.
            String all = NOT_A_SUGGESTION.equals(s.primaryTopic()) ? "all|*|" + NOT_A_SUGGESTION : "all|*|*";
            counts.computeIfAbsent(all, k -> new long[2])[0]++;
            counts.get(all)[1] += labels.size();
            clusters.computeIfAbsent(all, k -> new HashSet<>()).add(s.clusterId());
            String subject = buckets.get("subject");
            if (!NOT_A_SUGGESTION.equals(s.primaryTopic())) {
                for (String[] point : points(s)) {
                    counts.computeIfAbsent("points-station|" + s.stationDistrict() + "|" + point[1],
                            k -> new long[2])[0]++;
                    String district = point[0] != null ? point[0] : subject;
                    counts.computeIfAbsent("points-subject|" + district + "|" + point[1], k -> new long[2])[0]++;
                }
            }
            if (s.awaitsReview()) {
                counts.computeIfAbsent("flagged-station|" + s.stationDistrict() + "|" + s.primaryTopic(),
                        k -> new long[2])[0]++;
                counts.computeIfAbsent("flagged-subject|" + subject + "|" + s.primaryTopic(), k -> new long[2])[0]++;
            }
        }
        Map<String, List<Long>> result = new TreeMap<>();
        counts.forEach((cell, c) -> {
            long distinct = clusters.getOrDefault(cell, Set.of()).size();
            if (c[0] != 0 || c[1] != 0 || distinct != 0) {
                result.put(cell, List.of(c[0], c[1], distinct));
            }
        });
        return result;
    }

    /** {district or null, topic} of each point; one in the primary topic for a text not split. */
    private static List<String[]> points(State s) {
        if (s.points() == null) {
            return List.<String[]>of(new String[] {null, s.primaryTopic()});
        }
        try {
            List<String[]> points = new java.util.ArrayList<>();
            for (var p : JSON.readTree(s.points())) {
                points.add(new String[] {p.path("district").isNull() || p.path("district").isMissingNode() ? null
                        : p.path("district").asText(), p.path("topic").asText()});
            }
            return points;
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable points " + s.points(), e);
        }
    }

    /** What the database holds, read in one repeatable-read snapshot so concurrent consumers cannot tear it. */
    public record Snapshot(Map<UUID, State> states, Map<String, List<Long>> cells) {
    }

    public static Snapshot read(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<UUID, State> states = new HashMap<>();
            Map<String, List<Long>> cells = new TreeMap<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT suggestion_id, tagged, withdrawn, station_district, text_district, channel, "
                        + "submitted_at, primary_topic, labels, cluster_id, points, needs_review, human_sequence "
                        + "FROM tagged_suggestion")) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        String labels = rs.getString(9);
                        java.sql.Timestamp submitted = rs.getTimestamp(7);
                        states.put(id, new State(id, rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
                                rs.getString(5), rs.getString(6),
                                submitted == null ? null : submitted.toInstant(), rs.getString(8),
                                labels == null || labels.isEmpty() ? List.of() : List.of(labels.split(",")),
                                rs.getObject(10, UUID.class),
                                rs.getString(11), rs.getBoolean(12) && rs.getObject(13) == null));
                    }
                }
                try (ResultSet rs = st.executeQuery(
                        "SELECT perspective, district, topic, primary_count, mention_count, cluster_count FROM "
                        + "tally_cell")) {
                    while (rs.next()) {
                        if (rs.getLong(4) != 0 || rs.getLong(5) != 0 || rs.getLong(6) != 0) {
                            cells.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                                    List.of(rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery(
                        "SELECT perspective, district, topic, count(*) FROM tally_cluster_member "
                        + "WHERE members > 0 GROUP BY perspective, district, topic")) {
                    while (rs.next()) {
                        String cell = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                        List<Long> stored = cells.get(cell);
                        if (stored == null || stored.get(2) != rs.getLong(4)) {
                            throw new AssertionError("cell " + cell + " counts " + stored + " but has " + rs.getLong(4)
                                    + " member clusters");
                        }
                    }
                }
            }
            c.commit();
            return new Snapshot(states, cells);
        }
    }

    /** Suggestions counted on one day (Asia/Shanghai), read straight from the cells. */
    public static long countedOn(DataSource dataSource, String day) {
        try (Connection c = dataSource.getConnection();
                var st = c.prepareStatement("SELECT COALESCE(SUM(primary_count), 0) FROM tally_cell"
                        + " WHERE perspective = 'day' AND district = ?")) {
            st.setString(1, day);
            ResultSet rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private TallyRecount() {
    }
}
