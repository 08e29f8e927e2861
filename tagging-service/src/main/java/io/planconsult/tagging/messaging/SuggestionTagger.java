package io.planconsult.tagging.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.planconsult.contract.FailureKind;
import io.planconsult.contract.Retrying;
import io.planconsult.contract.StoppingException;
import io.planconsult.contract.UnexpectedFailureException;
import io.planconsult.contract.rest.ServiceStopping;
import io.planconsult.tagging.keys.EventTexts;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The consumer of the submitted topic, a batch (one poll) at a time: {@link LifecycleHandler} prepares each record
 * (text, enrichment), tags the batch in one transaction and publishes its tagged events, all in flight at once; the
 * batch is acknowledged once the broker has every one. What a failure means ({@link FailureKind}) decides what happens,
 * so that no exception ever ends the stream:
 * <ul>
 * <li>poison: nacked alone to the tagging dead-letter topic with the reason; the rest of its batch goes on;</li>
 * <li>transient: retried with exponential backoff capped at {@code tagging.consumer.backoff-max}, for as long as it
 * takes; the record is neither acknowledged nor dead-lettered meanwhile, so the partition waits (readiness goes
 * DOWN, see {@link ConsumerHealth}) and no offset is committed past it;</li>
 * <li>anything else: retried {@code tagging.consumer.unexpected-attempts} times in all, then dead-lettered with the
 * exception's class and message (never the record's text); the partition moves on.</li>
 * </ul>
 * A batch whose transaction or sends fail other than transiently is handled again one record at a time, each with
 * the rules above, so the record at fault is dead-lettered alone. The source records are acknowledged only once their
 * tagged records are on the broker.
 */
@ApplicationScoped
public class SuggestionTagger {

    private static final Logger LOG = Logger.getLogger(SuggestionTagger.class);
    private static final String CHANNEL = "suggestions-submitted";

    private final LifecycleHandler handler;
    private final ConsumerProgress progress;
    private final Retrying retrying;
    private final int unexpectedAttempts;
    private final TaggingMetrics metrics;

    SuggestionTagger(LifecycleHandler handler, ConsumerProgress progress, TaggingMetrics metrics,
            ServiceStopping stopping,
            @ConfigProperty(name = "tagging.consumer.backoff-initial") Duration backoffInitial,
            @ConfigProperty(name = "tagging.consumer.backoff-max") Duration backoffMax,
            @ConfigProperty(name = "tagging.consumer.unexpected-attempts") int unexpectedAttempts) {
        this.handler = handler;
        this.metrics = metrics;
        this.progress = progress;
        this.retrying = new Retrying(backoffInitial, backoffMax, unexpectedAttempts, stopping);
        this.unexpectedAttempts = unexpectedAttempts;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return StoppingException.unlessStopping(() -> handle(batch));
    }

    private CompletionStage<Void> handle(KafkaRecordBatch<String, String> batch) {
        progress.started();
        List<KafkaRecord<String, String>> records = batch.getRecords();
        Map<Integer, RuntimeException> rejected = new TreeMap<>();
        List<LifecycleHandler.Prepared> prepared = new ArrayList<>(records.size());
        List<KafkaRecord<String, String>> good = new ArrayList<>(records.size());
        EventTexts.Batch keys = handler.keysFor(records);
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, String> in = records.get(i);
            LifecycleHandler.Prepared[] ready = new LifecycleHandler.Prepared[1];
            RuntimeException reason = retried(() -> ready[0] = handler.prepare(in, keys), unexpectedAttempts);
            if (reason != null) {
                rejected.put(i, reason);
            } else {
                prepared.add(ready[0]);
                good.add(in);
            }
        }
        // The batch in one transaction and one round of sends; a failure other than a transient one is found by
        // handling the batch's records one at a time, so only the record at fault is dead-lettered.
        RuntimeException batchFailure = good.size() < 2 ? null
                : retried(() -> handler.publishAll(handler.tagAll(prepared)), 1);
        if (good.size() == 1 || batchFailure != null) {
            if (batchFailure != null) {
                LOG.warnf("batch of %d submitted-topic records failed (%s): handling them one by one", good.size(),
                        FailureKind.describe(batchFailure));
            }
            for (int i = 0; i < records.size(); i++) {
                KafkaRecord<String, String> in = records.get(i);
                if (!rejected.containsKey(i)) {
                    RuntimeException reason = retried(() -> handler.handle(in, keys), unexpectedAttempts);
                    if (reason != null) {
                        rejected.put(i, reason);
                    }
                }
            }
        }
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        rejected.forEach((i, reason) -> {
            metrics.deadLettered(CHANNEL, reason instanceof UnexpectedFailureException ? FailureKind.UNEXPECTED
                    : FailureKind.POISON);
            deadLetters.add(records.get(i).nack(reason).toCompletableFuture());
        });
        progress.finished(records.size());
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).thenCompose(v -> batch.ack());
    }

    /**
     * Runs {@code work} until it succeeds: a transient failure is waited out with backoff for as long as it lasts.
     *
     * @return null once it succeeded, or the reason to dead-letter with: a poison failure at once, any other after
     *         {@code attempts} tries
     */
    private RuntimeException retried(Runnable work, int attempts) {
        return retrying.withUnexpectedAttempts(attempts).failureOf(work, (kind, failure, retryIn) -> {
            if (retryIn < 0 && kind == FailureKind.POISON) {
                LOG.warnf("submitted-topic record rejected to the dead-letter topic: %s", failure.getMessage());
            } else if (retryIn < 0 && attempts > 1) {
                LOG.errorf("submitted-topic record dead-lettered after %d failed attempts: %s", attempts,
                        FailureKind.describe(failure));
            } else if (retryIn >= 0) {
                if (kind == FailureKind.TRANSIENT) {
                    progress.waiting(failure.getClass().getSimpleName());
                }
                LOG.warnf("submitted-topic record failed (%s), retrying in %d ms: %s", kind, retryIn,
                        FailureKind.describe(failure));
            }
        });
    }
}
