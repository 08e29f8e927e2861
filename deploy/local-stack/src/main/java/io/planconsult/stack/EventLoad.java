package io.planconsult.stack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.reference.ReferenceData;

/**
 * Pre-fills a topic for a benchmark: N generated events, each with the contract's CloudEvents headers, produced as fast
 * as the broker takes them (acks=all, lz4, 256 kB batches) and all acknowledged before it returns.
 */
final class EventLoad {

    /** The districts stations are taken from in turn (station {@code st-<district>-01}). */
    static final List<String> DISTRICTS = ReferenceData.districts().codes();
    /** Channels in turn, stations most often. */
    static final List<String> CHANNELS = List.of("station", "station", "station", "forum", "platform", "media",
            "deputy", "cppcc");
    /** When the generated campaign starts; its events spread over 90 days from here. */
    static final Instant CAMPAIGN_START = Instant.parse("2026-09-01T00:00:00Z");

    /**
     * Where the i-th suggestion comes from: its station and the station's district, and the scope its near-duplicate
     * cluster is found in (a city's campaign: copies of one dev row from two cities are two clusters; "" for the seed
     * city).
     */
    record Origin(String stationId, String stationDistrict, String scope) {
    }

    /** One event: its record key, its body (serialised as JSON) and its CloudEvents id. */
    record Event(String key, Object body, UUID eventId) {
    }

    private EventLoad() {
    }

    /** A stable id for the i-th generated thing of a kind (the same run after run). */
    static UUID id(String kind, int i) {
        return UUID.nameUUIDFromBytes((kind + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** The seed city's districts in turn, each district's first station. */
    static Origin seedCity(int i) {
        String district = DISTRICTS.get(i % DISTRICTS.size());
        return new Origin("st-" + district + "-01", district, "");
    }

    /** @return events/s */
    static double produce(String bootstrap, String topic, String type, String source, int n, IntFunction<Event> event)
            throws Exception {
        long start = System.nanoTime();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Event e = event.apply(i);
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, e.key(),
                        Api.JSON.writeValueAsString(e.body()),
                        CloudEventHeaders.of(e.eventId(), type, source, null, Instant.now()).toKafka());
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
