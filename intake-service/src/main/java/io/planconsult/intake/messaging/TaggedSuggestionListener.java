package io.planconsult.intake.messaging;

import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.SuggestionTagged;
import io.planconsult.intake.domain.SuggestionService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows the public tagged topic so that staff see a suggestion's status move to TAGGED.
 * A record that cannot be read goes to the intake dead-letter topic (failure-strategy in config).
 */
@ApplicationScoped
public class TaggedSuggestionListener {

    private static final Logger LOG = Logger.getLogger(TaggedSuggestionListener.class);

    private final SuggestionService suggestions;
    private final ObjectMapper mapper;

    TaggedSuggestionListener(SuggestionService suggestions, ObjectMapper mapper) {
        this.suggestions = suggestions;
        this.mapper = mapper;
    }

    @Incoming("suggestions-tagged")
    @Blocking
    public void onTagged(String payload) throws JsonProcessingException {
        SuggestionTagged tagged = mapper.readValue(payload, SuggestionTagged.class);
        UUID id = tagged.suggestionId();
        if (!suggestions.markTagged(id, tagged.primaryTopic())) {
            LOG.debugf("tagged suggestion %s is not from this intake; ignored", id);
        }
    }
}
