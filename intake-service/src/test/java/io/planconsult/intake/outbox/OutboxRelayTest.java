package io.planconsult.intake.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.infra.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The relay against the real broker: a row Kafka keeps refusing is parked, and each key's events stay in order. */
@QuarkusTest
class OutboxRelayTest {

    /** Kafka refuses a record for a topic whose name is not legal (InvalidTopicException, not retriable). */
    private static final String REFUSED_TOPIC = "planconsult.no such topic";
    private static final String PARKED = "/api/v1/admin/outbox/parked";

    @Inject
    Outbox outbox;
    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;
    @Inject
    Event<OutboxPublished> published;
    @Inject
    Event<OutboxEventParked> parkedEvents;
    @Inject
    EntityManager em;

    private UUID write(String topic, String key, Object body) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.add(topic, key, "test.outbox-order", body,
                Instant.now()).eventId);
    }

    private static Map<String, Object> awaitParked(UUID eventId) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            List<Map<String, Object>> parked = given().auth().oauth2(TestTokens.admin()).get(PARKED)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> row : parked) {
                if (eventId.toString().equals(row.get("eventId"))) {
                    return row;
                }
            }
            sleep(200);
        }
        throw new AssertionError("event " + eventId + " was never parked");
    }

    @Test
    void aRowKafkaKeepsRefusingIsParkedWithItsReasonAndOtherKeysStillFlow() {
        UUID refused = write(REFUSED_TOPIC, UUID.randomUUID().toString(), Map.of("probe", "refused"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("stationId", "st-fuyang-01", "text", "富春江沿岸绿道建设建议 " + i, "channel", "station"))
                    .post("/api/v1/suggestions").then().statusCode(201).extract().<String>path("id"));
        }
        Map<String, Object> row = awaitParked(refused);
        assertEquals("PARKED", row.get("status"));
        assertEquals(3, row.get("attempts"));
        assertEquals("InvalidTopicException", row.get("reason"));
        assertEquals(REFUSED_TOPIC, row.get("topic"));
        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED)) {
            assertEquals(3, probe.awaitCount(r -> ids.contains(r.key()), 3, Duration.ofSeconds(30)).size(),
                    "the parked row held back no other suggestion");
        }
        given().auth().oauth2(TestTokens.staff("st-fuyang-01")).get(PARKED).then().statusCode(403);
    }

    @Test
    void laterEventsOfAParkedKeyWaitForItAndFollowInOrderOnceItIsRetried() {
        String key = UUID.randomUUID().toString();
        UUID first = write(REFUSED_TOPIC, key, Map.of("n", 1));
        UUID second = write(Topics.SUGGESTIONS_SUBMITTED, key, Map.of("n", 2));
        assertEquals(1, ((Number) awaitParked(first).get("waitingBehind")).intValue());
        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED)) {
            assertTrue(probe.awaitKey(key, Duration.ofSeconds(4)).isEmpty(),
                    "event 2 must wait while event 1 is parked");

            // The cause is fixed (say, the topic now exists), then an admin puts the event back in line.
            QuarkusTransaction.requiringNew().run(() -> OutboxEvent.update("topic = ?1 where eventId = ?2",
                    Topics.SUGGESTIONS_SUBMITTED, first));
            given().auth().oauth2(TestTokens.admin()).post(PARKED + "/" + first + "/retry")
                    .then().statusCode(200).body("status", equalTo("PENDING")).body("attempts", equalTo(0));

            List<ConsumerRecord<String, String>> records = probe.awaitCount(r -> key.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            assertEquals(List.of(first.toString(), second.toString()),
                    records.stream().map(r -> TopicProbe.header(r, "ce_id")).toList(), "event 1, then event 2");
        }
        given().auth().oauth2(TestTokens.admin()).post(PARKED + "/" + first + "/retry").then().statusCode(404);
    }

    @Test
    void eachKeysEventsReachKafkaInWriteOrderWithSeveralRelays() throws Exception {
        List<OutboxRelay> relays = List.of(relay(), relay(), relay());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(relays.size());
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            keys.add(UUID.randomUUID().toString());
        }
        int perKey = 6;
        try (TopicProbe probe = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_SUBMITTED)) {
            List<Future<?>> running = relays.stream().map(relay -> pool.submit(() -> {
                while (writing.get()) {
                    relay.relayPending();
                }
                relay.relayPending();
            })).<Future<?>>map(f -> f).toList();
            for (int n = 0; n < perKey; n++) {
                for (String key : keys) {
                    write(Topics.SUGGESTIONS_SUBMITTED, key, Map.of("n", n));
                }
            }
            writing.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            List<ConsumerRecord<String, String>> records = probe.awaitCount(r -> keys.contains(r.key()),
                    keys.size() * perKey, Duration.ofSeconds(60));
            assertEquals(keys.size() * perKey, records.size());
            for (String key : keys) {
                List<String> order = records.stream().filter(r -> key.equals(r.key()))
                        .map(ConsumerRecord::value).toList();
                List<String> written = IntStream.range(0, perKey).mapToObj(n -> "{\"n\":" + n + "}").toList();
                assertEquals(written, order, "key " + key + " in write order");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Another relay on the same table, as another intake instance would run; small batches make them interleave. */
    private OutboxRelay relay() {
        return new OutboxRelay(emitter, published, parkedEvents, em, 3, 3, Duration.ofSeconds(45),
                Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
