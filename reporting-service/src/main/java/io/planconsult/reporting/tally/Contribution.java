package io.planconsult.reporting.tally;

import java.util.List;
import java.util.Objects;

/**
 * What one suggestion adds to the tallies: one primary count in each perspective's district,
 * and one mention per label.
 */
public record Contribution(String stationDistrict, String subjectDistrict, String primaryTopic, List<String> labels) {

    public static final Contribution NONE = new Contribution(null, null, null, List.of());

    public Contribution {
        labels = List.copyOf(labels);
    }

    /** The subject district is the one the text names, or else the station's. */
    public static Contribution of(String stationDistrict, String textDistrict, String primaryTopic, List<String> labels) {
        Objects.requireNonNull(stationDistrict, "stationDistrict");
        Objects.requireNonNull(primaryTopic, "primaryTopic");
        List<String> counted = labels == null || labels.isEmpty() ? List.of(primaryTopic) : labels.stream().distinct().toList();
        return new Contribution(stationDistrict, textDistrict != null ? textDistrict : stationDistrict, primaryTopic, counted);
    }

    public boolean isNone() {
        return primaryTopic == null;
    }

    String district(Perspective perspective) {
        return perspective == Perspective.STATION ? stationDistrict : subjectDistrict;
    }
}
