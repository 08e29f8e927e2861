package io.planconsult.reporting.tally;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.SuggestionTagged;

/**
 * A tagged suggestion's points as the read model keeps them ({@code tagged_suggestion.points}, JSON): where each
 * passage lies in the redacted text, its topic, labels, district and keywords. The tallies count them per cell; the
 * topic sub-reports quote the passages.
 */
public final class StoredPoints {

    /** One point: {@code [start, end)} in the suggestion's redacted text. */
    public record StoredPoint(int start, int end, String topic, List<String> labels, String district,
            List<String> keywords) {

        /** The passage of {@code redactedText} this point covers (clipped to the text). */
        public String passage(String redactedText) {
            if (redactedText == null) {
                return "";
            }
            int from = Math.clamp(start, 0, redactedText.length());
            return redactedText.substring(from, Math.clamp(end, from, redactedText.length())).strip();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StoredPoint>> LIST = new TypeReference<>() {
    };

    private StoredPoints() {
    }

    /** The column value for an event's points: null when the text was not split. */
    static String encode(List<SuggestionTagged.Point> points) {
        if (points.isEmpty()) {
            return null;
        }
        List<StoredPoint> stored = points.stream().map(p -> new StoredPoint(p.start(), p.end(), p.primaryTopic(),
                p.labels() == null ? List.of() : p.labels(), p.textDistrict(),
                p.keywords() == null ? List.of() : p.keywords())).toList();
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("points are plain values", e);
        }
    }

    /** The points of a stored suggestion; empty when its text was not split. */
    public static List<StoredPoint> of(TaggedSuggestion s) {
        if (s.points == null || s.points.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(s.points, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable points of suggestion " + s.suggestionId, e);
        }
    }

    /** Where each point counts in the tallies; empty when the text was not split. */
    static List<Contribution.PointCell> cells(TaggedSuggestion s) {
        return of(s).stream().map(p -> new Contribution.PointCell(p.district(), p.topic())).toList();
    }
}
