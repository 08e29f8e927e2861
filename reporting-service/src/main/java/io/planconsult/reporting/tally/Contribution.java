package io.planconsult.reporting.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.ReviewReasons;

/**
 * What one suggestion adds to the tallies: in every breakdown ({@link TallyDimension#countsSuggestions()}), one count
 * under its primary topic, one mention per label, and membership of its near-duplicate cluster in the primary topic's
 * cell (a cell counts the distinct clusters of its suggestions: a cluster of 12 rewordings is 12 suggestions and 1
 * point); one count per point in the points cells; one in the flagged cells while it awaits review. A text judged not a
 * suggestion counts under {@link #NOT_A_SUGGESTION} instead of a topic, in the all cell too, and has no points.
 *
 * @param day     the day it was made, in {@link #ZONE}
 * @param points  the district (null: the subject district) and topic of each point; a text not split is one point
 * @param flagged flagged for review and not yet re-tagged by an analyst
 */
public record Contribution(String stationDistrict, String subjectDistrict, String channel, LocalDate day,
        String primaryTopic,
        List<String> labels, UUID clusterId, List<PointCell> points, boolean flagged) {

    /** Where one point counts: the district its passage names (null: the suggestion's subject district), its topic. */
    public record PointCell(String district, String topic) {
    }

    /** The tally topic of texts judged not suggestions: counted apart, never under a key area or "other". */
    public static final String NOT_A_SUGGESTION = ReviewReasons.NOT_A_SUGGESTION;

    /** Days and weeks are those of the consultation's city. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final Contribution NONE = new Contribution(null, null, null, null, null, List.of(), null, List.of(),
            false);

    public Contribution {
        labels = List.copyOf(labels);
        points = List.copyOf(points);
    }

    /**
     * @param textDistrict the district the text names, or null: the subject district is then the station's
     * @param labels       primary first; empty or null counts the primary alone; duplicates count once
     * @param clusterId    null counts the suggestion as a cluster of its own
     */
    public static Contribution of(UUID suggestionId, String stationDistrict, String textDistrict, String channel,
            Instant submittedAt,
            String primaryTopic, List<String> labels, UUID clusterId) {
        return of(suggestionId, stationDistrict, textDistrict, channel, submittedAt, primaryTopic, labels, clusterId,
                List.of(), false);
    }

    /**
     * @param points each point's district and topic; empty for a text not split (one point in its primary topic)
     */
    public static Contribution of(UUID suggestionId, String stationDistrict, String textDistrict, String channel,
            Instant submittedAt, String primaryTopic, List<String> labels, UUID clusterId, List<PointCell> points,
            boolean flagged) {
        Objects.requireNonNull(stationDistrict, "stationDistrict");
        Objects.requireNonNull(primaryTopic, "primaryTopic");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(submittedAt, "submittedAt");
        List<String> counted = labels == null || labels.isEmpty() ? List.of(primaryTopic) : labels.stream().distinct()
                .toList();
        List<PointCell> pointCells = NOT_A_SUGGESTION.equals(primaryTopic) ? List.of()
                : points.isEmpty() ? List.of(new PointCell(null, primaryTopic)) : points;
        return new Contribution(stationDistrict, textDistrict != null ? textDistrict : stationDistrict, channel,
                LocalDate.ofInstant(submittedAt, ZONE), primaryTopic, counted,
                clusterId != null ? clusterId : EventIds.cluster(suggestionId), pointCells, flagged);
    }

    /** A suggestion's contribution: nothing while only a correction has arrived, or once it is withdrawn. */
    static Contribution of(TaggedSuggestion s) {
        if (!s.tagged || s.withdrawn) {
            return NONE;
        }
        return of(s.suggestionId, s.stationDistrict, s.textDistrict, s.channel, s.submittedAt, s.primaryTopic,
                s.labelList(), s.clusterId, StoredPoints.cells(s), s.awaitsReview());
    }

    /** Whether it counts as a suggestion (not a greeting, test or the like). */
    public boolean isSuggestion() {
        return !NOT_A_SUGGESTION.equals(primaryTopic);
    }

    public boolean isNone() {
        return primaryTopic == null;
    }
}
