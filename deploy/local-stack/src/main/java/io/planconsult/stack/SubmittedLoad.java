package io.planconsult.stack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.Topics;
import io.planconsult.contract.reference.ReferenceData;

/**
 * The tagging stage's input for its drain benchmark: N suggestion-submitted events (contract SuggestionSubmitted v1,
 * CloudEvents headers, keyed by suggestion id) on the submitted topic, as intake's outbox relay publishes them. The
 * texts are the dev set's, cycled, each copy with a number of its own appended (so copies of one row are
 * near-duplicates of it, as TaggedLoad's clusters are). They are plain, not sealed: tagging then needs no text key
 * from intake, which this benchmark does not run (the key fetch, one HTTP call per suggestion, is left out).
 */
final class SubmittedLoad {

    private static final List<String> DISTRICTS = ReferenceData.districts().codes();
    private static final List<String> CHANNELS = List.of("station", "station", "station", "forum", "platform", "media",
            "deputy", "cppcc");

    private SubmittedLoad() {
    }

    /** @return events/s */
    static double produce(String bootstrap, List<JsonNode> dev, int n) throws Exception {
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
                UUID id = UUID.nameUUIDFromBytes(("drain-" + i).getBytes(StandardCharsets.UTF_8));
                String station = DISTRICTS.get(i % DISTRICTS.size());
                Instant submitted = campaignStart.plusSeconds((long) i * 90L * 86400 / n);
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("suggestionId", id);
                event.put("stationId", "st-" + station + "-01");
                event.put("stationDistrict", station);
                event.put("channel", CHANNELS.get(i % CHANNELS.size()));
                event.put("text", row.get("text").asText() + (i < dev.size() ? "" : "（" + (i / dev.size()) + "）"));
                event.put("submittedAt", submitted.toString());
                event.put("receivedAt", submitted.toString());
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUGGESTIONS_SUBMITTED,
                        id.toString(), Api.JSON.writeValueAsString(event));
                header(record, CloudEventAttributes.HEADER_SPEC_VERSION, "1.0");
                header(record, CloudEventAttributes.HEADER_ID,
                        UUID.nameUUIDFromBytes(("submitted-" + i).getBytes(StandardCharsets.UTF_8)).toString());
                header(record, CloudEventAttributes.HEADER_TYPE, EventTypes.SUGGESTION_SUBMITTED);
                header(record, CloudEventAttributes.HEADER_SOURCE, EventTypes.SOURCE_INTAKE);
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
}
