package io.planconsult.stack;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.planconsult.contract.Topics;

/**
 * What became of the suggestions intake accepted in one fault scenario, counted where each lives: intake's table,
 * the public tagged topic, reporting's read model and its tallies, and the dead-letter topics.
 */
record FaultOutcome(int accepted, int inIntake, int taggedOnTopic, long talliesGrowth, int tallied, int lost,
        long doubled, int goodDeadLettered, double drainSeconds) {

    /** Counts the accepted suggestions in every place; the tallies by their growth since the scenario began. */
    static FaultOutcome count(LocalStack stack, Api api, List<String> accepted, long talliesBefore,
            double drainSeconds) {
        Set<String> ids = new HashSet<>(accepted);
        int inIntake = countIn(stack, "intake", "suggestion", "id", accepted);
        int tallied = countIn(stack, "reporting", "tagged_suggestion", "suggestion_id", accepted);
        int tagged = distinctKeys(stack.broker().bootstrapServers(), List.of(Topics.SUGGESTIONS_TAGGED), ids);
        int dead = distinctKeys(stack.broker().bootstrapServers(),
                List.of(Topics.TAGGING_DEAD_LETTER, Topics.INTAKE_DEAD_LETTER, Topics.REPORTING_DEAD_LETTER), ids);
        long total = talliesTotal(stack, api);
        // Counted twice: the tallies' total beyond the suggestions reporting holds at all (not only this scenario's,
        // whose backlog may still be draining into the next scenario on a shared stack).
        int held = countAll(stack, "reporting", "tagged_suggestion");
        return new FaultOutcome(accepted.size(), inIntake, tagged, total - talliesBefore, tallied,
                accepted.size() - tallied, held < 0 ? -1 : Math.max(0, total - held), dead, drainSeconds);
    }

    static long talliesTotal(LocalStack stack, Api api) {
        Api.Reply reply = api.get(stack.reporting().baseUrl() + "/api/v1/tallies");
        return reply.status() == 200 ? reply.body().get("total").asLong() : -1;
    }

    /** How many of the ids are rows of a service's table (-1 when its database does not answer). */
    static int countIn(LocalStack stack, String service, String table, String column, List<String> ids) {
        String sql = "SELECT count(*) FROM " + stack.schema(service) + "." + table + " WHERE " + column + " = ANY (?)";
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), stack.databaseUser(service), null);
             PreparedStatement query = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            query.setArray(1, array);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Rows of a service's table that are live suggestions (-1 when its database does not answer). */
    static int countAll(LocalStack stack, String service, String table) {
        String sql = "SELECT count(*) FROM " + stack.schema(service) + "." + table + " WHERE tagged AND NOT withdrawn";
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(service), stack.databaseUser(service), null);
             PreparedStatement query = c.prepareStatement(sql);
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Distinct record keys among {@code ids} on the topics, read from the beginning to the current end. */
    static int distinctKeys(String bootstrap, List<String> topics, Set<String> ids) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"));
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(20)).stream()
                            .map(info -> new TopicPartition(t, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && ids.contains(r.key())) {
                        seen.add(r.key());
                    }
                }
            }
        }
        return seen.size();
    }
}
