package io.planconsult.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads event bodies into the contract's records and rejects what can never be processed as a
 * {@link PoisonRecordException}. Reasons name the parser's verdict and position, never the record's text.
 */
public final class EventBodies {

    private final ObjectMapper mapper;

    /** @param mapper the service's mapper (ISO-8601 times, the records' modules) */
    public EventBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws PoisonRecordException an empty record or a body that is not a {@code type} */
    public <T> T read(String payload, Class<T> type) {
        if (payload == null) {
            throw new PoisonRecordException("empty record");
        }
        try {
            return mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException(
                    "body is not a " + type.getSimpleName() + " v1 JSON object (" + describe(e) + ")");
        }
    }

    /** @throws PoisonRecordException unless every required field was present */
    public static void require(boolean present) {
        if (!present) {
            throw new PoisonRecordException("a required field is missing");
        }
    }

    /** Serialises a record the service publishes; failing here is a bug, not a bad record. */
    public String write(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + event.getClass().getSimpleName(), e);
        }
    }

    /** The parser's verdict without its message, which may quote the record's text. */
    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return e.getClass().getSimpleName()
                + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
    }
}
