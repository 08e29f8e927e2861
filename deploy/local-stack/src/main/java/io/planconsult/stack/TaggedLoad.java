package io.planconsult.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

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

    /** @return events/s of n suggestions from the campaign's own districts in turn, one scope */
    static double produce(String bootstrap, List<JsonNode> dev, int n) throws Exception {
        return produce(bootstrap, dev, n, EventLoad::seedCity);
    }

    /** @return events/s */
    static double produce(String bootstrap, List<JsonNode> dev, int n,
            IntFunction<EventLoad.Origin> origins) throws Exception {
        Map<String, UUID> clusterFirst = new HashMap<>();
        return EventLoad.produce(bootstrap, Topics.SUGGESTIONS_TAGGED, EventTypes.SUGGESTION_TAGGED,
                EventTypes.SOURCE_TAGGING, n, i -> {
                    JsonNode row = dev.get(i % dev.size());
                    UUID id = EventLoad.id("bench", i);
                    EventLoad.Origin origin = origins.apply(i);
                    String root = origin.scope() + (row.hasNonNull("dup_of") ? row.get("dup_of").asText()
                            : row.get("id").asText());
                    UUID cluster = UUID.nameUUIDFromBytes(("cluster-" + root).getBytes(StandardCharsets.UTF_8));
                    UUID first = clusterFirst.computeIfAbsent(root, r -> id);
                    List<String> topics = new ArrayList<>();
                    row.get("topics").forEach(t -> topics.add(t.asText()));
                    if (topics.isEmpty()) {
                        topics.add("other");
                    }
                    // The dev row names one of the seed city's districts: only a suggestion from that city names it.
                    String textDistrict = origin.scope().isEmpty() && row.hasNonNull("district")
                            ? row.get("district").asText() : null;
                    String text = redacted(row);
                    // The SuggestionTagged v1 body (contract schemas/) as a map: times as ISO strings.
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("suggestionId", id);
                    event.put("sourceEventId", UUID.randomUUID());
                    event.put("stationId", origin.stationId());
                    event.put("stationDistrict", origin.stationDistrict());
                    event.put("channel", EventLoad.CHANNELS.get(i % EventLoad.CHANNELS.size()));
                    Instant submitted = EventLoad.CAMPAIGN_START.plusSeconds((long) i * 90L * 86400 / n);
                    event.put("submittedAt", submitted.toString());
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
                    return new EventLoad.Event(id.toString(), event, EventLoad.id("event", i));
                });
    }

    /** The dev text with its labelled personal data replaced, as the tagging service would publish it. */
    private static String redacted(JsonNode row) {
        String text = row.get("text").asText();
        for (JsonNode pii : row.path("pii")) {
            text = text.replace(pii.asText(), "[已脱敏]");
        }
        return text;
    }

    /**
     * Three short pieces of the text stand in for the tagging engine's keywords (the load's shape, not their meaning).
     */
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
