package io.planconsult.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * N POSTs to intake at a steady rate, each with its own Idempotency-Key, from a client that behaves
 * as a liaison station's would: when it gets no answer (connection refused or reset, timeout) or a
 * 5xx/429, it waits and sends the same request with the same key again, until a deadline.
 */
final class SteadyLoad {

    private final Api api;
    private final String intakeUrl;
    private final List<JsonNode> stations;
    private final List<String> texts;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<Integer, Integer> refused = new ConcurrentHashMap<>();

    SteadyLoad(Api api, String intakeUrl, List<JsonNode> stations, List<String> texts) {
        this.api = api;
        this.intakeUrl = intakeUrl;
        this.stations = stations;
        this.texts = texts;
    }

    /** Posts n suggestions at about {@code perSecond} on {@code threads} threads; returns when all got an answer. */
    void run(int n, double perSecond, int threads, String keyPrefix, long giveUpNanos) throws Exception {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        Workers.run(threads, () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sendUntilAnswered(i, keyPrefix + "-" + i, giveUpNanos);
                sent.incrementAndGet();
            }
            return null;
        });
    }

    private void sendUntilAnswered(int i, String key, long giveUpNanos) throws InterruptedException {
        JsonNode station = stations.get(i % stations.size());
        Map<String, String> body = Map.of("stationId", station.get("id").asText(), "text", texts.get(i % texts.size()),
                "channel", "station");
        long backoff = 200;
        while (System.nanoTime() < giveUpNanos) {
            try {
                Api.Reply reply = api.post(intakeUrl + "/api/v1/suggestions", body, Map.of("Idempotency-Key", key));
                if (reply.status() == 201 || reply.status() == 200) {
                    accepted.add(reply.body().get("id").asText());
                    return;
                }
                if (reply.status() < 500 && reply.status() != 429 && reply.status() != 409) {
                    refused.merge(reply.status(), 1, Integer::sum);
                    return;
                }
            } catch (RuntimeException noAnswer) {
                // connection refused or reset, or a timeout: the same request, the same key, later
            }
            retries.incrementAndGet();
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 5_000);
        }
        refused.merge(-1, 1, Integer::sum);
    }

    int sent() {
        return sent.get();
    }

    /** Suggestion ids intake answered 201 for (a replayed key answers the same id, so each counts once). */
    List<String> accepted() {
        return new ArrayList<>(accepted);
    }

    int retries() {
        return retries.get();
    }

    /** Final refusals by status (-1: still no answer at the deadline). */
    Map<Integer, Integer> refused() {
        return refused;
    }
}
