package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the end-to-end tests ask a running stack: its stations, its tallies, their non-empty cells, the engine's
 * preview.
 */
final class StackQueries {

    private StackQueries() {
    }

    /** GET /api/v1/stations: the liaison stations suggestions may be posted for. */
    static List<JsonNode> stations(Api api, LocalStack stack) {
        List<JsonNode> stations = new ArrayList<>();
        api.get(stack.intake().baseUrl() + "/api/v1/stations").body().forEach(stations::add);
        return stations;
    }

    /** GET /api/v1/tallies?by={@code by} (station, subject, channel...), which must answer 200. */
    static JsonNode tallies(Api api, LocalStack stack, String by) {
        Api.Reply reply = api.get(stack.reporting().baseUrl() + "/api/v1/tallies?by=" + by);
        assertEquals(200, reply.status());
        return reply.body();
    }

    /** The tallies' non-empty cells as "bucket/topic" to count. */
    static Map<String, Long> cells(Api api, LocalStack stack, String by) {
        Map<String, Long> cells = new HashMap<>();
        for (JsonNode cell : tallies(api, stack, by).get("cells")) {
            if (cell.get("count").asLong() != 0) {
                cells.put(cell.get("district").asText() + "/" + cell.get("topic").asText(), cell.get("count").asLong());
            }
        }
        return cells;
    }

    /** How the tagging engine tags {@code text} posted at a station of {@code stationDistrict} (nothing is stored). */
    static JsonNode classify(Api api, LocalStack stack, String text, String stationDistrict) {
        return api.post(stack.tagging().baseUrl() + "/api/v1/classify",
                Map.of("text", text, "stationDistrict", stationDistrict)).body();
    }

    /**
     * The tally topic a preview implies: its primary topic, or {@code not-a-suggestion} for a greeting, test or the
     * like, which reporting counts in cells of their own (in the total, never under a key area or "other").
     */
    static String tallyTopic(JsonNode preview) {
        return preview.path("reviewReasons").toString().contains("\"not-a-suggestion\"") ? "not-a-suggestion"
                : preview.get("primaryTopic").asText();
    }

    /**
     * Moves one count from one cell to another ({@code to == null}: it leaves the tallies); empty cells are not listed.
     */
    static void move(Map<String, Long> cells, String from, String to) {
        if (cells.merge(from, -1L, Long::sum) == 0) {
            cells.remove(from);
        }
        if (to != null) {
            cells.merge(to, 1L, Long::sum);
        }
    }
}
