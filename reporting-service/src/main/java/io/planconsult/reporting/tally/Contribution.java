package io.planconsult.reporting.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.planconsult.contract.EventIds;

/**
 * What one suggestion adds to the tallies: in every {@link TallyDimension}, one count under its primary topic, one
 * mention per label, and membership of its near-duplicate cluster in the primary topic's cell (a cell counts the
 * distinct clusters of its suggestions: a cluster of 12 rewordings is 12 suggestions and 1 point).
 *
 * @param day the day it was made, in {@link #ZONE}
 */
public record Contribution(String stationDistrict, String subjectDistrict, String channel, LocalDate day, String primaryTopic,
        List<String> labels, UUID clusterId) {

    /** Days and weeks are those of the consultation's city. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final Contribution NONE = new Contribution(null, null, null, null, null, List.of(), null);

    public Contribution {
        labels = List.copyOf(labels);
    }

    /**
     * @param textDistrict the district the text names, or null: the subject district is then the station's
     * @param labels       primary first; empty or null counts the primary alone; duplicates count once
     * @param clusterId    null counts the suggestion as a cluster of its own
     */
    public static Contribution of(UUID suggestionId, String stationDistrict, String textDistrict, String channel, Instant submittedAt,
            String primaryTopic, List<String> labels, UUID clusterId) {
        Objects.requireNonNull(stationDistrict, "stationDistrict");
        Objects.requireNonNull(primaryTopic, "primaryTopic");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(submittedAt, "submittedAt");
        List<String> counted = labels == null || labels.isEmpty() ? List.of(primaryTopic) : labels.stream().distinct().toList();
        return new Contribution(stationDistrict, textDistrict != null ? textDistrict : stationDistrict, channel,
                LocalDate.ofInstant(submittedAt, ZONE), primaryTopic, counted,
                clusterId != null ? clusterId : EventIds.cluster(suggestionId));
    }

    /** A suggestion's contribution: nothing while only a correction has arrived, or once it is withdrawn. */
    static Contribution of(TaggedSuggestion s) {
        if (!s.tagged || s.withdrawn) {
            return NONE;
        }
        return of(s.suggestionId, s.stationDistrict, s.textDistrict, s.channel, s.submittedAt, s.primaryTopic, s.labelList(), s.clusterId);
    }

    public boolean isNone() {
        return primaryTopic == null;
    }
}
