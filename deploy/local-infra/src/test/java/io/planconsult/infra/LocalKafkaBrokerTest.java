package io.planconsult.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.planconsult.contract.Topics;

class LocalKafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void brokerCreatesTopicsAndKeepsRecordsAcrossRestart() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.onFreePorts(dir)) {
            broker.start();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertTrue(names.containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList()),
                        names.toString());
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
                    "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-check", "k", "before-restart")).get(10, TimeUnit.SECONDS);
            }

            broker.stop();
            broker.start();

            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("restart-check"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertEquals("before-restart", records.iterator().next().value());
            }
        }
    }
}
