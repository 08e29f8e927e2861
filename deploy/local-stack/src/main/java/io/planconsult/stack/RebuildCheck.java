package io.planconsult.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilds a running reporting service's read model ({@code POST /api/v1/admin/rebuild}), times it to caught-up, and
 * compares every tally breakdown after it with the one before (the live tallies).
 */
final class RebuildCheck {

    /** Every {@code by} value of {@code GET /api/v1/tallies}; station and subject carry the points and flags too. */
    static final List<String> BREAKDOWNS = List.of("station", "subject", "channel", "day", "week");

    /**
     * @param records    records the rebuild replayed
     * @param difference empty when the rebuilt tallies equal the live ones, else the first breakdown that differs
     */
    record Result(double seconds, long records, String difference) {
        double rate() {
            return records / seconds;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build(); // as browsers speak to plain http: no h2c upgrade

    private RebuildCheck() {
    }

    static Result run(String base, String adminBearer) throws Exception {
        Map<String, JsonNode> live = tallies(base, adminBearer);
        long start = System.nanoTime();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/rebuild"))
                .header("Authorization", "Bearer " + adminBearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/admin/rebuild answered " + started.statusCode() + ": "
                    + started.body());
        }
        String runId = Api.JSON.readTree(started.body()).get("runId").asText();
        JsonNode status;
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        long lastPrint = start;
        do {
            ServiceProcess.sleep(100);
            status = Api.JSON.readTree(get(base + "/api/v1/admin/rebuild/" + runId, adminBearer));
            if ("FAILED".equals(status.get("state").asText())) {
                throw new IllegalStateException("the rebuild failed: " + status.get("failure").asText());
            }
            if (System.nanoTime() - lastPrint > 15_000_000_000L) {
                BenchTable.progress("rebuild: %,d of %,d records", status.get("recordsDone").asLong(),
                        status.get("recordsTarget").asLong());
                lastPrint = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not catch up within 2 hours");
            }
        } while (!status.get("caughtUp").asBoolean());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, JsonNode> rebuilt = tallies(base, adminBearer);
        String difference = live.keySet().stream().filter(by -> !live.get(by).equals(rebuilt.get(by)))
                .map(by -> "by=" + by + " differs").findFirst().orElse("");
        return new Result(seconds, status.get("recordsDone").asLong(), difference);
    }

    private static Map<String, JsonNode> tallies(String base, String bearer) throws Exception {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        for (String by : BREAKDOWNS) {
            all.put(by, Api.JSON.readTree(get(base + "/api/v1/tallies?by=" + by, bearer)));
        }
        return all;
    }

    private static String get(String url, String bearer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
