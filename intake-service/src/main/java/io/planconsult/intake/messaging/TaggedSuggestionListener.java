package io.planconsult.intake.messaging;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.intake.domain.SuggestionService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows the public tagged topic so that staff see a suggestion's status move to TAGGED, and keeps the redacted
 * text it carries (erasure replaces the raw text with it). A withdrawn suggestion never moves back to TAGGED. Other event types on
 * the topic (withdrawals, which intake itself issued) are skipped. A tagged record that cannot be read goes to
 * the intake dead-letter topic (failure-strategy in config).
 */
@ApplicationScoped
public class TaggedSuggestionListener {

    private static final Logger LOG = Logger.getLogger(TaggedSuggestionListener.class);

    private final SuggestionService suggestions;
    private final ObjectMapper mapper;
    /** The same meter as the other services' consumers (planconsult_consumer_dead_letters_total). */
    private final Counter deadLetters;

    TaggedSuggestionListener(SuggestionService suggestions, ObjectMapper mapper, MeterRegistry registry) {
        this.suggestions = suggestions;
        this.mapper = mapper;
        this.deadLetters = Counter.builder("planconsult.consumer.dead.letters")
                .description("Records a consumer sent to its dead-letter topic, by failure kind")
                .tag("channel", "suggestions-tagged").tag("kind", "poison").register(registry);
    }

    @Incoming("suggestions-tagged")
    @Blocking
    public CompletionStage<Void> onTagged(Message<String> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType).orElse(null);
        if (type != null && !EventTypes.SUGGESTION_TAGGED.equals(type)) {
            return message.ack();
        }
        SuggestionTagged tagged;
        try {
            tagged = mapper.readValue(message.getPayload(), SuggestionTagged.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("tagged record rejected to the dead-letter topic: %s", e.getClass().getSimpleName());
            deadLetters.increment();
            return message.nack(e);
        }
        UUID id = tagged.suggestionId();
        if (id == null) {
            deadLetters.increment();
            return message.nack(new IllegalArgumentException("no suggestionId"));
        }
        if (!suggestions.markTagged(id, tagged.revision(), tagged.primaryTopic(), tagged.redactedText())) {
            LOG.debugf("tagged suggestion %s revision %d ignored: not from this intake, withdrawn, or an older revision", id, tagged.revision());
        }
        return message.ack();
    }
}
