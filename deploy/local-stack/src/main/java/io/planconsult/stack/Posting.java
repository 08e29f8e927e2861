package io.planconsult.stack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * N suggestion POSTs to intake from the dev set's texts, stations in turn, on C threads: as fast as intake answers, or
 * paced at a given rate. Records each POST's latency; what load and bench print.
 */
final class Posting {

    /**
     * @param accepted POSTs answered 201
     * @param refused  the others, by status
     * @param seconds  from the first POST to the last answer
     * @param nanos    every POST's latency, sorted
     */
    record Result(int accepted, Map<Integer, Integer> refused, double seconds, long[] nanos) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        double percentileMillis(double p) {
            return nanos.length == 0 ? 0 : nanos[Math.min(nanos.length - 1, (int) (nanos.length * p))] / 1e6;
        }
    }

    private final Api api;
    private final String intakeUrl;
    private final List<JsonNode> stations;
    private final List<String> texts;

    Posting(Api api, String intakeUrl, List<JsonNode> stations, List<String> texts) {
        this.api = api;
        this.intakeUrl = intakeUrl;
        this.stations = stations;
        this.texts = texts;
    }

    /** The stations intake knows, read from its API. */
    static List<JsonNode> stations(Api api, String intakeUrl) {
        List<JsonNode> stations = new java.util.ArrayList<>();
        api.get(intakeUrl + "/api/v1/stations").body().forEach(stations::add);
        return stations;
    }

    /**
     * @param offset         where in the text list this run starts (so consecutive runs post different texts first)
     * @param perSecond      the pace, or 0 for as fast as intake answers
     * @param idempotencyKey prefix of a fresh Idempotency-Key per POST, or {@code null} for none
     */
    Result post(int n, int concurrency, int offset, double perSecond, String idempotencyKey) throws Exception {
        long[] latencies = new long[n];
        AtomicInteger accepted = new AtomicInteger();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Workers.run(concurrency, () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                if (perSecond > 0) {
                    long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                int k = offset + i;
                Map<String, String> headers = new HashMap<>();
                if (idempotencyKey != null) {
                    headers.put("Idempotency-Key", idempotencyKey + "-" + k);
                }
                long t0 = System.nanoTime();
                Api.Reply reply = api.post(intakeUrl + "/api/v1/suggestions", Map.of("stationId",
                        stations.get(k % stations.size()).get("id").asText(), "text", texts.get(k % texts.size()),
                        "channel", "station"), headers);
                latencies[i] = System.nanoTime() - t0;
                if (reply.status() == 201) {
                    accepted.incrementAndGet();
                } else {
                    refused.merge(reply.status(), 1, Integer::sum);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(accepted.get(), Map.copyOf(refused), seconds, latencies);
    }
}
