package io.planconsult.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.TopicProbe;

/**
 * The two cheapest fault scenarios of {@code deploy/faults}, at small scale, on the packaged services and a real
 * broker: tagging killed with kill -9 mid-stream, and reporting's database (an embedded PostgreSQL of its own, so the
 * shared server is never touched) gone for 30 s. Each ends with exact tallies and health that went DOWN and came
 * back UP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(600);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Reporting on an embedded PostgreSQL of its own, so the shared server is never stopped. */
    @RegisterExtension
    static final E2eStack E2E = E2eStack.named("faults", Duration.ofHours(2)).withEmbedded(Set.of("reporting"));

    private final Map<String, Long> expectedCells = new HashMap<>();
    private LocalStack stack;
    private Api api;
    private List<JsonNode> stations;
    private List<String> texts;
    private long expectedTotal;
    private int posted;

    @BeforeAll
    void readStationsAndTexts() {
        stack = E2E.stack();
        api = E2E.admin();
        stations = StackQueries.stations(api, stack);
        texts = DevSet.texts(DevSet.defaultPath(E2eStack.repo()));
    }

    @Test
    @Order(1)
    void taggingKilledMidStreamLosesNoSuggestionAndCountsNoneTwice() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(post());
        }
        stack.tagging().kill();
        assertEquals(-1, ready(stack.tagging()), "a killed tagging service answers no health check");
        for (int i = 0; i < 20; i++) {
            ids.add(post());
        }
        stack.tagging().start();
        await(() -> ready(stack.tagging()) == 200, "tagging is ready again after the restart");
        for (int i = 0; i < 20; i++) {
            ids.add(post());
        }
        awaitExactTallies();
        assertEquals(ids.size(), Set.copyOf(ids).size());
        assertEquals(expectedTotal, tallies().get("total").asLong(), "each suggestion counted exactly once");
    }

    @Test
    @Order(2)
    void reportingRidesOutAThirtySecondDatabaseOutageAndCatchesUp() {
        for (int i = 0; i < 10; i++) {
            post();
        }
        awaitExactTallies();
        stack.embeddedDatabase().stop();
        long outageStarted = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            post();
        }
        await(() -> ready(stack.reporting()) == 503, "reporting's readiness is DOWN while its database is gone");
        long left = Duration.ofSeconds(30).toMillis() - (System.nanoTime() - outageStarted) / 1_000_000;
        ServiceProcess.sleep(Math.max(0, left));
        assertEquals(503, ready(stack.reporting()), "still DOWN at the end of the 30 s outage");
        stack.embeddedDatabase().start();
        await(() -> ready(stack.reporting()) == 200, "reporting's readiness is UP again once the database is back");
        awaitExactTallies();
        assertEquals(expectedTotal, tallies().get("total").asLong(), "nothing dead-lettered, nothing counted twice");
    }

    /**
     * A rolling update stops each pod with SIGTERM while it works. The records a stopping service holds are left for
     * the partitions' next owner: none may be dead-lettered because the database pool or the ORM closed under it.
     */
    @Test
    @Order(3)
    void servicesStoppedGracefullyMidStreamDeadLetterNothingAndLoseNothing() {
        for (int i = 0; i < 40; i++) {
            post();
        }
        stack.tagging().stop(); // SIGTERM while it tags the burst
        stack.tagging().start();
        await(() -> ready(stack.tagging()) == 200, "tagging is ready again after its graceful restart");
        for (int i = 0; i < 40; i++) {
            post();
        }
        stack.reporting().stop(); // SIGTERM while it applies the burst
        stack.reporting().start();
        await(() -> ready(stack.reporting()) == 200, "reporting is ready again after its graceful restart");
        awaitExactTallies();
        assertEquals(expectedTotal, tallies().get("total").asLong(), "each suggestion counted exactly once");
        for (String dlq : List.of(Topics.TAGGING_DEAD_LETTER, Topics.REPORTING_DEAD_LETTER)) {
            try (TopicProbe probe = TopicProbe.of(stack.broker().bootstrapServers(), dlq)) {
                assertEquals(Optional.empty(), probe.await(r -> true, Duration.ofSeconds(5)).map(r -> r.key()),
                        "nothing dead-lettered on " + dlq);
            }
        }
    }

    /** Posts one dev-set suggestion with an Idempotency-Key, retrying with the same key until intake answers 201. */
    private String post() {
        int i = posted++;
        JsonNode station = stations.get((7 * i) % stations.size());
        String text = texts.get(i % texts.size());
        Map<String, String> body = Map.of("stationId", station.get("id").asText(), "text", text, "channel", "station");
        String key = "faults-e2e-" + UUID.randomUUID();
        Api.Reply reply = null;
        for (int attempt = 0; attempt < 20 && (reply == null || reply.status() != 201); attempt++) {
            try {
                reply = api.post(stack.intake().baseUrl() + "/api/v1/suggestions", body,
                        Map.of("Idempotency-Key", key));
            } catch (RuntimeException noAnswer) {
                ServiceProcess.sleep(500);
            }
        }
        assertTrue(reply != null && reply.status() == 201, String.valueOf(reply));
        expectedCells.merge(station.get("district").asText() + "/" + text, 1L, Long::sum);
        expectedTotal++;
        return reply.body().get("id").asText();
    }

    /** Waits until the station tallies equal, cell by cell, what the tagging engine makes of every posted text. */
    private void awaitExactTallies() {
        Map<String, Long> expected = new HashMap<>();
        for (Map.Entry<String, Long> posted : expectedCells.entrySet()) {
            int slash = posted.getKey().indexOf('/');
            String district = posted.getKey().substring(0, slash);
            JsonNode preview = StackQueries.classify(api, stack, posted.getKey().substring(slash + 1), district);
            expected.merge(district + "/" + StackQueries.tallyTopic(preview), posted.getValue(), Long::sum);
        }
        await(() -> tallies().get("total").asLong() >= expectedTotal, "the tallies count " + expectedTotal);
        await(() -> expected.equals(cells()), "the tallies match cell by cell: " + expected);
    }

    private JsonNode tallies() {
        return StackQueries.tallies(api, stack, "station");
    }

    private Map<String, Long> cells() {
        return StackQueries.cells(api, stack, "station");
    }

    /** The status of /q/health/ready, or -1 when nothing answers. */
    private static int ready(ServiceProcess service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            ServiceProcess.sleep(250);
        }
    }
}
