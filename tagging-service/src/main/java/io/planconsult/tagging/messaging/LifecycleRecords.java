package io.planconsult.tagging.messaging;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.SuggestionAmended;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;

/**
 * Reads the submitted topic's event bodies and rejects what can never be processed. Reasons name the parser's
 * verdict and position, never the record's text, which may hold personal data.
 */
final class LifecycleRecords {

    private final ObjectMapper mapper;

    LifecycleRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static UUID eventId(String id) {
        if (id == null) {
            throw new PoisonRecordException("no CloudEvents id (ce_id header)");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("ce_id is not a UUID");
        }
    }

    SuggestionSubmitted submitted(String payload) {
        SuggestionSubmitted s = read(payload, SuggestionSubmitted.class);
        require(s.suggestionId() != null && s.text() != null && s.stationId() != null && s.stationDistrict() != null
                && s.channel() != null && s.submittedAt() != null);
        return s;
    }

    SuggestionAmended amended(String payload) {
        SuggestionAmended a = read(payload, SuggestionAmended.class);
        require(a.suggestionId() != null && a.text() != null && a.stationId() != null && a.stationDistrict() != null
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
        try {
            return mapper.writeValueAsString(tagged);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tagged event", e);
        }
    }

    private <T> T read(String payload, Class<T> type) {
        if (payload == null) {
            throw new PoisonRecordException("empty record");
        }
        try {
            return mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("body is not a " + type.getSimpleName() + " v1 JSON object ("
                    + describe(e) + ")");
        }
    }

    private static void require(boolean present) {
        if (!present) {
            throw new PoisonRecordException("a required field is missing");
        }
    }

    /** The parser's verdict without its message, which may quote the record's text. */
    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return e.getClass().getSimpleName()
                + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
    }
}
