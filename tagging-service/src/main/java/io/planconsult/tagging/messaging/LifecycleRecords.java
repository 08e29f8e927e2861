package io.planconsult.tagging.messaging;

import static io.planconsult.contract.EventBodies.require;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventBodies;
import io.planconsult.contract.PoisonRecordException;
import io.planconsult.contract.SuggestionAmended;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;

/**
 * Reads the submitted topic's event bodies and rejects what can never be processed. Reasons name the parser's
 * verdict and position, never the record's text, which may hold personal data.
 */
final class LifecycleRecords {

    private final EventBodies bodies;

    LifecycleRecords(ObjectMapper mapper) {
        this.bodies = new EventBodies(mapper);
    }

    SuggestionSubmitted submitted(String payload) {
        SuggestionSubmitted s = read(payload, SuggestionSubmitted.class);
        require(s.suggestionId() != null && (s.text() != null || s.sealedText() != null) && s.stationId() != null
                && s.stationDistrict() != null
                && s.channel() != null && s.submittedAt() != null);
        return s;
    }

    SuggestionAmended amended(String payload) {
        SuggestionAmended a = read(payload, SuggestionAmended.class);
        require(a.suggestionId() != null && (a.text() != null || a.sealedText() != null) && a.stationId() != null
                && a.stationDistrict() != null
                && a.channel() != null && a.submittedAt() != null);
        if (a.revision() < 1) {
            throw new PoisonRecordException("an amendment's revision must be 1 or more");
        }
        return a;
    }

    SuggestionWithdrawn withdrawn(String payload) {
        SuggestionWithdrawn w = read(payload, SuggestionWithdrawn.class);
        require(w.suggestionId() != null);
        return w;
    }

    String serialise(SuggestionTagged tagged) {
        return bodies.write(tagged);
    }

    private <T> T read(String payload, Class<T> type) {
        return bodies.read(payload, type);
    }
}
