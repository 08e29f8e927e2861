package io.planconsult.reporting.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.planconsult.contract.CloudEventAttributes;
import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.PoisonRecordException;
import io.planconsult.contract.Topics;
import io.planconsult.reporting.tally.RebuildRun;
import io.planconsult.reporting.tally.RebuildRuns;
import io.planconsult.reporting.tally.RebuildWriter;
import io.planconsult.reporting.tally.ReplayFold;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Rebuilds the read model from the topics: empties it, captures the end offsets of the tagged, corrections and forums
 * topics, and replays every record below them with a new consumer group from offset 0. The records are folded in
 * memory by the ledger's rules ({@link ReplayFold}) and the result is written once, in bulk
 * ({@link RebuildWriter#write}). Live consumers keep running meanwhile and converge with the replay: each event id is
 * applied once whoever gets it first, the state does not depend on the order events arrive in, and the bulk write joins
 * what live consumption stored since the model was emptied. An event live consumption applied before the model was
 * emptied sits below the captured end offsets, so the replay applies it again.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    private static final int WRITE_ATTEMPTS = 3;
    /** A run that reports no progress for this long is taken to be dead; it reports at least every HEARTBEAT. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final List<String> TOPICS = List.of(Topics.SUGGESTIONS_TAGGED, Topics.CORRECTIONS, Topics.FORUMS);

    private final RebuildRuns runs;
    private final RebuildWriter writer;
    private final ReportingEvents events;
    private final Map<String, Object> kafka;
    private final String groupPrefix;
    private final Duration timeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reporting-rebuild");
        t.setDaemon(true);
        return t;
    });

    Rebuilder(RebuildRuns runs, RebuildWriter writer, ReportingEvents events,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "reporting.group-id") String groupPrefix,
            @ConfigProperty(name = "reporting.rebuild.timeout", defaultValue = "PT2H") Duration timeout) {
        this.runs = runs;
        this.writer = writer;
        this.events = events;
        this.kafka = kafka;
        this.groupPrefix = groupPrefix;
        this.timeout = timeout;
    }

    /** @return the new run, or empty while another run is going */
    public Optional<RebuildRun> start() {
        Optional<RebuildRun> run = runs.start(groupPrefix, STALE_AFTER);
        run.ifPresent(r -> worker.submit(() -> replay(r.runId, r.consumerGroup)));
        return run;
    }

    void shutdown(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void replay(UUID runId, String group) {
        // The same connection settings as the live channels (bootstrap servers, security), from kafka.* configuration.
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long target = 0;
        String ends = "";
        long done = 0;
        long skipped = 0;
        ReplayFold fold = new ReplayFold();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            target = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            ends = end.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                    .collect(Collectors.joining(","));
            runs.progress(runId, target, ends, 0, 0, RebuildRun.State.RUNNING, null);
            List<TopicPartition> pending = partitions.stream().filter(p -> consumer.position(p) < end.get(p))
                    .collect(Collectors.toList());
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastReport = System.nanoTime();
            long lastCommit = System.nanoTime();
            while (!pending.isEmpty()) {
                if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("not caught up within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // live consumption has it
                    }
                    if (apply(record, fold)) {
                        done++;
                    } else {
                        skipped++;
                    }
                    // Folding in memory is fast: a progress row once a second is enough.
                    if (System.nanoTime() - lastReport > 1_000_000_000L) {
                        runs.progress(runId, target, ends, done, skipped, RebuildRun.State.RUNNING, null);
                        lastReport = System.nanoTime();
                    }
                }
                pending.removeIf(p -> consumer.position(p) >= end.get(p));
                // The group's offsets only show the run's progress (a rebuild always starts from 0): once a second.
                if (pending.isEmpty() || System.nanoTime() - lastCommit > 1_000_000_000L) {
                    Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                    partitions.forEach(p -> positions.put(p,
                            new OffsetAndMetadata(Math.min(consumer.position(p), end.get(p)))));
                    consumer.commitSync(positions);
                    lastCommit = System.nanoTime();
                }
            }
            runs.progress(runId, target, ends, done, skipped, RebuildRun.State.RUNNING, null);
            long writeStart = System.nanoTime();
            write(runId, fold);
            LOG.infof("rebuild %s wrote %d suggestions in %d ms", runId, fold.suggestionCount(),
                    (System.nanoTime() - writeStart) / 1_000_000);
            runs.progress(runId, target, ends, done, skipped, RebuildRun.State.CAUGHT_UP, null);
            LOG.infof("rebuild %s caught up: %d records applied, %d skipped", runId, done, skipped);
        } catch (RuntimeException e) {
            LOG.errorf("rebuild %s failed: %s", runId, e.getClass().getSimpleName());
            runs.progress(runId, target, ends, done, skipped, RebuildRun.State.FAILED,
                    e.getClass().getSimpleName() + (e instanceof IllegalStateException ? ": " + e.getMessage() : ""));
        }
    }

    /**
     * Writes the fold, again if a try fails (a database failover, or a deadlock with a live transaction): joining
     * what live consumption stored is idempotent, so a second try starts from the fold as the first left it.
     */
    private void write(UUID runId, ReplayFold fold) {
        // The write is one long transaction: a heartbeat beside it keeps the run from looking abandoned meanwhile.
        var heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reporting-rebuild-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> beat(runId), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            writeWithRetries(fold);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    private void beat(UUID runId) {
        try {
            runs.heartbeat(runId);
        } catch (RuntimeException e) {
            LOG.warnf("rebuild %s heartbeat failed: %s", runId, e.getClass().getSimpleName());
        }
    }

    private void writeWithRetries(ReplayFold fold) {
        for (int attempt = 1;; attempt++) {
            try {
                writer.write(fold);
                return;
            } catch (RuntimeException e) {
                if (attempt >= WRITE_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("rebuild write failed (%s), try %d of %d", e.getClass().getSimpleName(), attempt + 1,
                        WRITE_ATTEMPTS);
            }
        }
    }

    /**
     * @param fold where to fold the record
     * @return false for a record that can never be applied (it went to the dead-letter topic when first consumed)
     */
    private boolean apply(ConsumerRecord<String, String> record, ReplayFold fold) {
        try {
            UUID eventId = EventIds.parse(header(record, CloudEventAttributes.HEADER_ID));
            Record event = events.parse(header(record, CloudEventAttributes.HEADER_TYPE), record.value());
            fold.apply(eventId, event);
            return true;
        } catch (PoisonRecordException e) {
            LOG.debugf("rebuild skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.value(record.headers(), name);
    }
}
