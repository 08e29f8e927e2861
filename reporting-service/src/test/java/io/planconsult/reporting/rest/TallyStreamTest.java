package io.planconsult.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.messaging.RetryingApplier;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Reads the live tally stream with a real HTTP client, as a dashboard does. */
@QuarkusTest
class TallyStreamTest {

    @TestHTTPResource("/api/v1/tallies/stream")
    URI stream;
    @Inject
    ObjectMapper mapper;
    @Inject
    RetryingApplier applier;

    private record Received(long atNanos, String event, JsonNode data) {
    }

    /** Reads {@code text/event-stream} lines into messages until the response ends or the reader is cancelled. */
    private CompletableFuture<Void> listen(String by, BlockingQueue<Received> into) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?by=" + by))
                .header("Accept", "text/event-stream").build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            String[] event = {null};
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        try {
                            into.add(new Received(System.nanoTime(), event[0], mapper.readTree(data.toString())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        data.setLength(0);
                        event[0] = null;
                    }
                });
            }
        });
    }

    @Test
    void aChangeReachesTheStreamAsTheSameJsonAsTheTalliesEndpoint() throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = listen("channel", received);
        try {
            Received first = received.poll(30, TimeUnit.SECONDS);
            assertTrue(first != null, "a first message on connect");
            assertEquals("tallies", first.event());
            assertEquals("channel", first.data().get("by").asText());
            long before = first.data().get("total").asLong();

            UUID id = UUID.randomUUID();
            TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, id.toString(), UUID.randomUUID(),
                    EventTypes.SUGGESTION_TAGGED,
                    TestEvents.tagged(id, 0, "linan", "deputy", "gaps", EventIds.cluster(id)));
            Received changed = awaitTotal(received, before + 1);
            JsonNode endpoint = mapper.readTree(io.restassured.RestAssured.given().queryParam("by", "channel")
                    .get("/api/v1/tallies").asString());
            assertEquals(endpoint, changed.data(), "the stream carries what GET /api/v1/tallies returns");
            assertTrue(changed.data().get("cells").findValuesAsText("channel").contains("deputy"));
        } finally {
            reader.cancel(true);
        }
    }

    @Test
    void aBurstOfAHundredEventsYieldsAtMostFourOrFiveMessagesPerSecond() throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = listen("station", received);
        try {
            Received first = received.poll(30, TimeUnit.SECONDS);
            assertTrue(first != null, "a first message on connect");
            long before = first.data().get("total").asLong();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                UUID id = UUID.randomUUID();
                applier.apply(UUID.randomUUID(), TestEvents.tagged(id, 0, "fuyang", "platform",
                        i % 2 == 0 ? "culture" : "industry",
                        EventIds.cluster(id)));
            }
            awaitTotal(received, before + 100);
            double seconds = (System.nanoTime() - start) / 1e9;
            // burstMessages and arrivals: every message from the start of the burst to the one with the final count
            if (seconds > 1.5) {
                assertTrue(burstMessages >= 2, "the burst is seen while it happens, not only at its end: "
                        + burstMessages);
            }
            assertTrue(burstMessages <= 5 * seconds + 1, burstMessages + " messages in " + seconds + " s");
            // 4 per second on the server; network jitter may bunch two of them on arrival
            assertTrue(maxInAnySecond(arrivals) <= 5, "at most ~4 messages in any second: " + maxInAnySecond(arrivals));
            System.out.printf("SSE burst: 100 events applied in %.2f s, %d messages (%.1f/s), at most %d in any "
                    + "second%n",
                    seconds, burstMessages, burstMessages / seconds, maxInAnySecond(arrivals));
        } finally {
            reader.cancel(true);
        }
    }

    private long burstMessages;
    private final List<Long> arrivals = new ArrayList<>();

    /** Takes messages until one shows {@code total}; remembers how many and when they arrived. */
    private Received awaitTotal(BlockingQueue<Received> received, long total) throws InterruptedException {
        burstMessages = 0;
        arrivals.clear();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Received next = received.poll(1, TimeUnit.SECONDS);
            if (next == null) {
                continue;
            }
            burstMessages++;
            arrivals.add(next.atNanos());
            if (next.data().get("total").asLong() == total) {
                return next;
            }
        }
        throw new AssertionError("no message with total " + total);
    }

    private static long maxInAnySecond(List<Long> arrivals) {
        long max = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            long from = arrivals.get(i);
            max = Math.max(max, arrivals.stream().filter(t -> t >= from && t < from + 1_000_000_000L).count());
        }
        return max;
    }
}
