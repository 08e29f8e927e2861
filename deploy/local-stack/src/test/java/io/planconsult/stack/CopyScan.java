package io.planconsult.stack;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for given strings in every copy the system controls: every row of every table in the services' database
 * schemas (each row as PostgreSQL's text form of the whole row) and every record of every topic from offset 0 (key,
 * value and headers). Each hit names where it was found, never what.
 */
final class CopyScan {

    private CopyScan() {
    }

    static List<String> databaseHits(String pgUrl, String user, Collection<String> schemas, Collection<String> needles)
            throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pgUrl, user, System.getenv("PLANCONSULT_PG_PASSWORD"))) {
            for (String schema : schemas) {
                List<String> tables = new ArrayList<>();
                try (var q = c.prepareStatement(
                        "select table_name from information_schema.tables where table_schema = ?"
                        + " and table_type = 'BASE TABLE'")) {
                    q.setString(1, schema);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                if (tables.isEmpty()) {
                    throw new AssertionError("schema " + schema + " has no tables: scanning the wrong place");
                }
                for (String table : tables) {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("select t::text from " + schema + "." + table + " t")) {
                        while (rs.next()) {
                            String row = rs.getString(1);
                            needles.stream().filter(row::contains).forEach(n -> hits.add(schema + "." + table));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** @return the hits, and how many records were read (so a scan of nothing cannot pass) */
    static Scan topicHits(String bootstrapServers, Collection<String> needles) throws Exception {
        List<byte[]> wanted = needles.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> hits = new ArrayList<>();
        long records = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read every topic to its end");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    for (byte[] n : wanted) {
                        if (contains(r.key(), n) || contains(r.value(), n) || headersContain(r, n)) {
                            hits.add(r.topic() + "@" + r.partition() + ":" + r.offset());
                        }
                    }
                }
            }
        }
        return new Scan(hits, records);
    }

    record Scan(List<String> hits, long records) {
    }

    private static boolean headersContain(ConsumerRecord<byte[], byte[]> r, byte[] needle) {
        for (Header h : r.headers()) {
            if (contains(h.value(), needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null || needle.length == 0 || haystack.length < needle.length) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
