package io.planconsult.intake.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.FailureKind;
import io.planconsult.contract.Retrying;
import io.planconsult.contract.StoppingException;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.rest.ServiceStopping;
import io.planconsult.intake.domain.SuggestionService;
import io.planconsult.intake.domain.SuggestionService.Tagging;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows the public tagged topic so that staff see a suggestion's status move to TAGGED, and keeps the redacted
 * text it carries (erasure replaces the raw text with it). A withdrawn suggestion never moves back to TAGGED. Other
 * event types on the topic (withdrawals, which intake itself issued) are skipped.
 *
 * <p>Records come a poll's batch at a time and are applied in one transaction ({@link
 * SuggestionService#markAllTagged}).
 * A record that cannot be read is nacked alone to the intake dead-letter topic with the reason, and the rest of its
 * batch is applied (contract {@link FailureKind}): a transient failure (the database away) is retried with backoff for
 * as long as it takes and never dead-letters anything; any other failure of the batch's transaction is retried one
 * record at a time, so only the record at fault goes to the dead-letter topic.
 */
@ApplicationScoped
public class TaggedSuggestionListener {

    private static final Logger LOG = Logger.getLogger(TaggedSuggestionListener.class);
    private static final int UNEXPECTED_ATTEMPTS = 3;

    private final SuggestionService suggestions;
    private final ObjectMapper mapper;
    private final Retrying retrying;
    /** The same meter as the other services' consumers (planconsult_consumer_dead_letters_total). */
    private final Counter deadLetters;

    TaggedSuggestionListener(SuggestionService suggestions, ObjectMapper mapper, MeterRegistry registry,
            ServiceStopping stopping,
            @ConfigProperty(name = "intake.tagged.backoff-max", defaultValue = "PT5S") Duration backoffMax) {
        this.suggestions = suggestions;
        this.mapper = mapper;
        this.retrying = new Retrying(Duration.ofMillis(200), backoffMax, UNEXPECTED_ATTEMPTS, stopping);
        this.deadLetters = Counter.builder("planconsult.consumer.dead.letters")
                .description("Records a consumer sent to its dead-letter topic, by failure kind")
                .tag("channel", "suggestions-tagged").tag("kind", "poison").register(registry);
    }

    @Incoming("suggestions-tagged")
    @Blocking
    public CompletionStage<Void> onTagged(KafkaRecordBatch<String, String> batch) {
        return StoppingException.unlessStopping(() -> handle(batch));
    }

    private CompletionStage<Void> handle(KafkaRecordBatch<String, String> batch) {
        List<CompletableFuture<Void>> rejected = new ArrayList<>();
        List<KafkaRecord<String, String>> good = new ArrayList<>();
        List<Tagging> taggings = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            String type = record.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                    .orElse(null);
            if (type != null && !EventTypes.SUGGESTION_TAGGED.equals(type)) {
                continue;
            }
            try {
                taggings.add(read(record.getPayload()));
                good.add(record);
            } catch (IllegalArgumentException e) {
                rejected.add(reject(record, e));
            }
        }
        if (!taggings.isEmpty() && !applied(taggings)) {
            for (int i = 0; i < taggings.size(); i++) {
                RuntimeException failure = applyAlone(taggings.get(i));
                if (failure != null) {
                    rejected.add(reject(good.get(i), failure));
                }
            }
        }
        return CompletableFuture.allOf(rejected.toArray(CompletableFuture[]::new)).thenCompose(v -> batch.ack());
    }

    private Tagging read(String payload) {
        SuggestionTagged tagged;
        try {
            tagged = mapper.readValue(payload, SuggestionTagged.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable tagged event: " + e.getClass().getSimpleName());
        }
        if (tagged.suggestionId() == null) {
            throw new IllegalArgumentException("no suggestionId");
        }
        return new Tagging(tagged.suggestionId(), tagged.revision(), tagged.primaryTopic(), tagged.redactedText());
    }

    /** The batch in one transaction, retried while the failure is transient; false when it failed otherwise. */
    private boolean applied(List<Tagging> taggings) {
        return attempt(taggings, retrying.withUnexpectedAttempts(1)) == null;
    }

    private RuntimeException applyAlone(Tagging tagging) {
        return attempt(List.of(tagging), retrying);
    }

    /** Null once the taggings are applied, or the failure to dead-letter with (contract {@link Retrying}'s rule). */
    private RuntimeException attempt(List<Tagging> taggings, Retrying rule) {
        return rule.failureOf(() -> suggestions.markAllTagged(taggings), (kind, failure, retryIn) -> {
            if (retryIn >= 0) {
                LOG.warnf("tagged batch not applied yet (%s %s): retrying in %d ms", kind,
                        FailureKind.describe(failure), retryIn);
            }
        });
    }

    private CompletableFuture<Void> reject(KafkaRecord<String, String> record, RuntimeException reason) {
        LOG.warnf("tagged record rejected to the dead-letter topic: %s", reason.getMessage());
        deadLetters.increment();
        return record.nack(reason).toCompletableFuture();
    }

}
