package io.planconsult.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.contract.reference.ReferenceData;

/**
 * The reporting benchmark's input: N tagged suggestions generated from the dev set's shapes, put on the tagged topic
 * as the tagging service would publish them, and the plain Kafka consumer that reads them back as the baseline.
 * Texts are the dev set's with its labelled personal data replaced by a placeholder (only redacted text goes on the
 * tagged topic). A copy of a dev row joins that row's near-duplicate cluster, so clusters are realistic-sized.
 */
final class TaggedLoad {

    private static final List<String> DISTRICTS = ReferenceData.districts().codes();
    private static final List<String> CHANNELS = List.of("station", "station", "station", "forum", "platform", "media",
            "deputy", "cppcc");

    private TaggedLoad() {
    }

    static List<JsonNode> devRows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(Api.JSON.readTree(line));
            }
        }
        return rows;
    }

    /** @return events/s */
    static double produce(String bootstrap, List<JsonNode> dev, int n) throws Exception {
        Map<String, UUID> clusterFirst = new HashMap<>();
        Instant campaignStart = Instant.parse("2026-09-01T00:00:00Z");
        long start = System.nanoTime();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JsonNode row = dev.get(i % dev.size());
                UUID id = UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8));
                String root = row.hasNonNull("dup_of") ? row.get("dup_of").asText() : row.get("id").asText();
                UUID cluster = UUID.nameUUIDFromBytes(("cluster-" + root).getBytes(StandardCharsets.UTF_8));
                UUID first = clusterFirst.computeIfAbsent(root, r -> id);
                List<String> topics = new ArrayList<>();
                row.get("topics").forEach(t -> topics.add(t.asText()));
                if (topics.isEmpty()) {
                    topics.add("other");
                }
                String station = DISTRICTS.get(i % DISTRICTS.size());
                String textDistrict = row.hasNonNull("district") ? row.get("district").asText() : null;
                String text = redacted(row);
                // The SuggestionTagged v1 body (contract/src/main/resources/schemas), built as a map: times as ISO strings.
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("suggestionId", id);
                event.put("sourceEventId", UUID.randomUUID());
                event.put("stationId", "st-" + station + "-01");
                event.put("stationDistrict", station);
                event.put("channel", CHANNELS.get(i % CHANNELS.size()));
                event.put("submittedAt", campaignStart.plusSeconds((long) i * 90L * 86400 / n).toString());
                event.put("primaryTopic", topics.get(0));
                event.put("topics", topics.stream().map(t -> Map.of("code", t, "score", 0.7)).toList());
                event.put("labels", topics);
                event.put("textDistrict", textDistrict);
                event.put("redactedText", text);
                event.put("piiTypes", List.of());
                event.put("modelVersion", "bench");
                event.put("taxonomyVersion", ReferenceData.taxonomy().version());
                event.put("needsReview", false);
                event.put("keywords", keywords(text));
                event.put("clusterId", cluster);
                event.put("clusterFirstSuggestionId", first);
                event.put("revision", 0);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUGGESTIONS_TAGGED, id.toString(),
                        Api.JSON.writeValueAsString(event));
                header(record, CloudEventAttributes.HEADER_SPEC_VERSION, "1.0");
                header(record, CloudEventAttributes.HEADER_ID,
                        UUID.nameUUIDFromBytes(("event-" + i).getBytes(StandardCharsets.UTF_8)).toString());
                header(record, CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_TAGGED);
                header(record, CloudEventAttributes.HEADER_SOURCE, EventTypes.SOURCE_TAGGING);
                header(record, CloudEventAttributes.HEADER_CONTENT_TYPE, CloudEventAttributes.JSON);
                header(record, CloudEventAttributes.HEADER_SCHEMA_VERSION, EventTypes.SCHEMA_VERSION);
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The dev text with its labelled personal data replaced, as the tagging service would publish it. */
    private static String redacted(JsonNode row) {
        String text = row.get("text").asText();
        for (JsonNode pii : row.path("pii")) {
            text = text.replace(pii.asText(), "[已脱敏]");
        }
        return text;
    }

    /** Three short pieces of the text stand in for the tagging engine's keywords (the load's shape, not their meaning). */
    private static List<String> keywords(String text) {
        String letters = text.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s\\[\\]]", "");
        List<String> keywords = new ArrayList<>();
        for (int i = 0; i + 2 <= letters.length() && keywords.size() < 3; i += 5) {
            keywords.add(letters.substring(i, i + 2));
        }
        return keywords;
    }

    /** @return events/s of a plain consumer reading all n records of the tagged topic */
    static double plainConsumer(String bootstrap, int n) {
        return plainConsumer(bootstrap, Topics.SUGGESTIONS_TAGGED, n);
    }

    /** @return events/s of a plain consumer (fresh group, strings only) reading the first n records of a topic */
    static double plainConsumer(String bootstrap, String topic, int n) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long bytes = 0;
            long start = 0;
            while (read < n) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                for (var r : records) {
                    bytes += r.value().length();
                    read++;
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("read nothing");
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }
}
