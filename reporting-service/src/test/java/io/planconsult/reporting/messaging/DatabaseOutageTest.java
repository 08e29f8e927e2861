package io.planconsult.reporting.messaging;

import io.planconsult.infra.testing.Await;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.planconsult.reporting.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The database goes away while events keep arriving, then comes back: nothing is dead-lettered, readiness is DOWN
 * while a consumer waits on its record and UP again after, and the tallies end exact without anyone stepping in.
 * The outage is short here (the backoff is capped at 2 s instead of 30 s); a 5-minute one goes the same way.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ShortBackoff.class)
@QuarkusTestResource(value = StoppablePostgres.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    private static final String FLOWING = "reporting consumers flowing";

    public static class ShortBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.consumer.backoff.max", "PT2S", "reporting.consumer.stall-after", "PT3S");
        }
    }

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ConsumerProgress progress;

    @Test
    void aDatabaseOutageDeadLettersNothingAndTheTalliesCatchUpByThemselves() throws Exception {
        assertEquals(StoppablePostgres.port(), serverPort(), "the service runs on the stoppable server");
        List<UUID> ids = new ArrayList<>();
        publish(ids, 10);
        Await.await(() -> counted() == 10, Duration.ofSeconds(60), "the first events are counted");
        assertEquals("UP", flowing());

        StoppablePostgres.stopServer();
        try {
            publish(ids, 10);
            Await.await(() -> "DOWN".equals(flowing()), Duration.ofSeconds(60),
                    "readiness goes DOWN while the consumer waits");
            long retriesBefore = retries();
            Await.await(() -> retries() >= retriesBefore + 3, Duration.ofSeconds(60), "several capped retries");
            assertEquals("DOWN", flowing(), "still waiting, not dead-lettering");
        } finally {
            StoppablePostgres.startServer();
        }

        Await.await(() -> "UP".equals(flowing()), Duration.ofSeconds(90), "readiness is UP again by itself");
        Await.await(() -> counted() == 20, Duration.ofSeconds(60), "every event is counted after the outage");
        Thread.sleep(1_000);
        assertEquals(20, counted(), "exactly once");
        Set<String> keys = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        try (TopicProbe dlq = TopicProbe.of(KafkaBrokerTestResource.broker().bootstrapServers(),
                Topics.REPORTING_DEAD_LETTER)) {
            assertTrue(dlq.awaitCount(r -> keys.contains(r.key()), 1, Duration.ofSeconds(5)).isEmpty(),
                    "no good record dead-lettered");
        }
    }

    private void publish(List<UUID> ids, int n) {
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            TestEvents.publish(mapper, Topics.SUGGESTIONS_TAGGED, id.toString(), UUID.randomUUID(),
                    EventTypes.SUGGESTION_TAGGED,
                    TestEvents.tagged(id, 0, "chunan", "station", "gaps", EventIds.cluster(id)));
        }
    }

    /** Retries of every reporting consumer so far. */
    private long retries() {
        return progress.statuses().values().stream().mapToLong(ConsumerProgress.Status::retries).sum();
    }

    private static String flowing() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == '" + FLOWING + "' }.status");
    }

    /** Suggestions counted, read straight from the database (0 while it is away). */
    private long counted() {
        try (var c = dataSource.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT primary_count FROM tally_cell WHERE perspective = 'all'")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private int serverPort() throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs =
                st.executeQuery("SELECT inet_server_port()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
