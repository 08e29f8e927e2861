package io.planconsult.infra.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.planconsult.contract.CloudEventHeaders;

/**
 * Reads a topic from the beginning, outside any consumer group, and waits for records matching a
 * condition: what a test does to see what a service published. Also sends raw records.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public static TopicProbe of(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    /** Polls until a record matching {@code condition} has been read, or the timeout passes. */
    public Optional<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> condition,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ConsumerRecord<String, String>> hit = seen.stream().filter(condition).findFirst();
            if (hit.isPresent() || System.nanoTime() > deadline) {
                return hit;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    public Optional<ConsumerRecord<String, String>> awaitKey(String key, Duration timeout) {
        return await(r -> key.equals(r.key()), timeout);
    }

    /** Polls until {@code count} records match, or the timeout passes; returns every match so far. */
    public List<ConsumerRecord<String, String>> awaitCount(Predicate<ConsumerRecord<String, String>> condition,
            int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().filter(condition).count() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(condition).toList();
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The CloudEvents headers of an event as a service publishes it: contract's {@link CloudEventHeaders} (spec
     * version, id, source, type, JSON content type, time now, schema version), as text for {@link #send}.
     */
    public static Map<String, String> cloudEventHeaders(UUID eventId, String type, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(eventId, type, source, null, Instant.now()).toKafka()
                .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    /** Sends one raw record (acks=all) and waits for the broker to take it. */
    public static void send(String bootstrapServers, String topic, String key, String value,
            Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send a test record to " + topic, e);
        }
    }

    /** One record for {@link #sendAll}. */
    public record Outgoing(String key, String value, Map<String, String> headers) {
    }

    /**
     * Sends records with one producer in one go (they leave in one request and a consumer polls them together) and
     * waits for the broker to take them all.
     */
    public static void sendAll(String bootstrapServers, String topic, List<Outgoing> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "1000"), new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (Outgoing o : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, o.key(), o.value());
                o.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test records to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
