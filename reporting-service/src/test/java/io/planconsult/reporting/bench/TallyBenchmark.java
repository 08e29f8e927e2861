package io.planconsult.reporting.bench;

import static io.planconsult.infra.testing.Await.await;
import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.planconsult.contract.Channel;
import io.planconsult.contract.reference.ReferenceData;
import io.planconsult.infra.testing.SignedInAs;
import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.reporting.TestEvents;
import io.planconsult.reporting.tally.Contribution;
import io.planconsult.reporting.tally.MemberDelta;
import io.planconsult.reporting.tally.TallyArithmetic;
import io.planconsult.reporting.tally.TallyDelta;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Prints figures, asserts nothing (not a *Test: run it with -Dtest=TallyBenchmark):
 * <ol>
 * <li>replay: N tagged events published to the topic, consumed live, then POST /admin/rebuild timed to caughtUp, beside
 * a plain Kafka consumer reading the same topic from offset 0;</li>
 * <li>tally queries over HTTP at 100,000 suggestions: the counters of 100,000 generated suggestions are loaded into
 * tally_cell (queries read only counters, so their cost depends on the number of cells, not of suggestions), then
 * GET /api/v1/tallies is timed for every dimension.</li>
 * </ol>
 * Settings: -Dbench.events (default 3000), -Dbench.suggestions (100000), -Dbench.queries (500).
 */
@QuarkusTest
@SignedInAs("admin")
class TallyBenchmark {

    private static final String[] DISTRICTS = ReferenceData.districts().codes().toArray(String[]::new);
    private static final String[] TOPICS = ReferenceData.taxonomy().codes().toArray(String[]::new);
    private static final String[] CHANNELS = java.util.Arrays.stream(Channel.values()).map(Channel::code)
            .toArray(String[]::new);

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/api/v1/tallies")
    URI tallies;

    /** User + system CPU of this JVM (the service under test; the broker is a child JVM) from /proc/self/stat. */
    private static long cpuMillis() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of the whole line
        return ticks * 1000 / 100; // USER_HZ = 100 on Linux
    }

    private static String loadAverage() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    }

    @Test
    void printFigures() throws Exception {
        int events = Integer.getInteger("bench.events", 3000);
        int suggestions = Integer.getInteger("bench.suggestions", 100_000);
        int queries = Integer.getInteger("bench.queries", 500);
        replay(events);
        queries(suggestions, queries);
    }

    private void replay(int events) throws Exception {
        String bootstrap = KafkaBrokerTestResource.broker().bootstrapServers();
        long before = given().get("/api/v1/tallies").then().extract().jsonPath().getLong("total");
        Random random = new Random(1);
        long publishStart = System.nanoTime();
        long cpuFromFirstSend = cpuMillis();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                UUID id = UUID.randomUUID();
                var body = TestEvents.tagged(id, 0, pick(random, DISTRICTS), pick(random, CHANNELS),
                        pick(random, TOPICS),
                        EventIds.cluster(random.nextInt(4) == 0 ? new UUID(0, random.nextInt(100)) : id));
                var record = new ProducerRecord<>(Topics.SUGGESTIONS_TAGGED, id.toString(),
                        mapper.writeValueAsString(body));
                Map.of(CloudEventAttributes.HEADER_SPEC_VERSION, "1.0", CloudEventAttributes.HEADER_ID,
                        UUID.randomUUID().toString(),
                        CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_TAGGED,
                        CloudEventAttributes.HEADER_SOURCE, EventTypes.SOURCE_TAGGING)
                        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
            }
            producer.flush();
        }
        System.out.printf("BENCH published %d tagged events in %.1f s%n", events,
                (System.nanoTime() - publishStart) / 1e9);
        long liveStart = System.nanoTime();
        long cpuStart = cpuMillis();
        await(() -> given().get("/api/v1/tallies").then().extract().jsonPath().getLong("total") >= before + events,
                Duration.ofMinutes(30), "live consumption counted every event");
        double liveSeconds = (System.nanoTime() - liveStart) / 1e9;
        long cpu = cpuMillis() - cpuStart;
        System.out.printf("BENCH live consumption: %d events in %.1f s = %.0f events/s; service JVM CPU %d ms = "
                + "%.2f ms/event (load average %s)%n", events, liveSeconds, events / liveSeconds, cpu,
                (double) cpu / events, loadAverage());
        double sinceFirstSend = (System.nanoTime() - publishStart) / 1e9;
        long cpuAll = cpuMillis() - cpuFromFirstSend;
        System.out.printf("BENCH first send to all counted: %.1f s = %.0f events/s; JVM CPU (service + test "
                + "producer) %d ms = %.2f ms/event%n", sinceFirstSend, events / sinceFirstSend, cpuAll,
                (double) cpuAll / events);

        long plainStart = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUGGESTIONS_TAGGED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long target = end.values().stream().mapToLong(Long::longValue).sum();
            while (read < target) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

        long rebuildStart = System.nanoTime();
        String runId = given().post("/api/v1/admin/rebuild").then().statusCode(202).extract().jsonPath()
                .getString("runId");
        await(() -> given().get("/api/v1/admin/rebuild/" + runId).then().extract().jsonPath().getBoolean("caughtUp"),
                Duration.ofMinutes(60), "the rebuild caught up");
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        long replayed = given().get("/api/v1/admin/rebuild/" + runId).then().extract().jsonPath()
                .getLong("recordsDone");
        System.out.printf("BENCH plain consumer: %d records in %.2f s = %.0f records/s%n", read, plainSeconds,
                read / plainSeconds);
        System.out.printf("BENCH rebuild: %d records in %.1f s = %.0f records/s (%.3f x the plain consumer)%n",
                replayed, rebuildSeconds,
                replayed / rebuildSeconds, (replayed / rebuildSeconds) / (read / plainSeconds));
    }

    private void queries(int suggestions, int queries) throws Exception {
        Random random = new Random(2);
        Map<String, long[]> cells = new HashMap<>();
        Map<String, Set<UUID>> clusters = new HashMap<>();
        Instant start = Instant.parse("2026-09-01T00:00:00Z");
        for (int i = 0; i < suggestions; i++) {
            UUID id = UUID.randomUUID();
            String topic = pick(random, TOPICS);
            Contribution c = Contribution.of(id, pick(random, DISTRICTS),
                    random.nextInt(3) == 0 ? pick(random, DISTRICTS) : null,
                    pick(random, CHANNELS), start.plusSeconds(random.nextInt(90 * 86_400)), topic,
                    random.nextBoolean() ? List.of(topic) : List.of(topic, pick(random, TOPICS)),
                    EventIds.cluster(random.nextInt(5) == 0 ? new UUID(0, random.nextInt(2_000)) : id));
            TallyArithmetic.Changes changes = TallyArithmetic.diff(Contribution.NONE, c);
            for (TallyDelta d : changes.cells()) {
                long[] cell = cells.computeIfAbsent(d.dimension().code() + "|" + d.bucket() + "|" + d.topic(),
                        k -> new long[2]);
                cell[0] += d.primary();
                cell[1] += d.mentions();
            }
            for (MemberDelta m : changes.members()) {
                clusters.computeIfAbsent(m.dimension().code() + "|" + m.bucket() + "|" + m.topic(),
                        k -> new HashSet<>()).add(m.clusterId());
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO tally_cell (perspective, district, topic, primary_count, mention_count, cluster_count) "
                + "VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (perspective, district, topic) DO UPDATE SET primary_count = "
                        + "tally_cell.primary_count + EXCLUDED.primary_count, "
                        + "mention_count = tally_cell.mention_count + EXCLUDED.mention_count, cluster_count = "
                        + "tally_cell.cluster_count + EXCLUDED.cluster_count")) {
            for (var e : cells.entrySet()) {
                String[] key = e.getKey().split("\\|");
                upsert.setString(1, key[0]);
                upsert.setString(2, key[1]);
                upsert.setString(3, key[2]);
                upsert.setLong(4, e.getValue()[0]);
                upsert.setLong(5, e.getValue()[1]);
                upsert.setLong(6, clusters.getOrDefault(e.getKey(), Set.of()).size());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        System.out.printf("BENCH loaded the counters of %,d suggestions: %d cells%n", suggestions, cells.size());
        HttpClient client = HttpClient.newHttpClient();
        for (String by : List.of("station", "subject", "channel", "day", "week")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(tallies + "?by=" + by)).build();
            for (int i = 0; i < 50; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            long[] nanos = new long[queries];
            int bytes = 0;
            for (int i = 0; i < queries; i++) {
                long t0 = System.nanoTime();
                bytes = client.send(request, HttpResponse.BodyHandlers.ofString()).body().length();
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf("BENCH GET /api/v1/tallies?by=%-7s p50 %.2f ms, p99 %.2f ms (%d queries, %d chars)%n", by,
                    nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, queries, bytes);
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
