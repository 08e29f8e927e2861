package io.planconsult.reporting.messaging;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.SuggestionRetagged;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.SuggestionsMerged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the event bodies reporting follows, by CloudEvents type, and rejects what can never be applied: an unknown
 * type, unreadable JSON, a missing field. Reasons name the parser's verdict and position, never the record's text.
 */
@ApplicationScoped
public class ReportingEvents {

    private final ObjectMapper mapper;

    ReportingEvents(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A record that can never be applied, however often it is retried. */
    public static final class PoisonEventException extends RuntimeException {
        PoisonEventException(String reason) {
            super(reason);
        }
    }

    public static UUID eventId(String id) {
        if (id == null) {
            throw new PoisonEventException("no CloudEvents id (ce_id header)");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("ce_id is not a UUID");
        }
    }

    /** @return one of the contract's records: SuggestionTagged, SuggestionWithdrawn, SuggestionRetagged, SuggestionsMerged, ForumRecorded */
    public Record parse(String type, String payload) {
        if (type == null) {
            throw new PoisonEventException("no CloudEvents type (ce_type header)");
        }
        return switch (type) {
            case EventTypes.SUGGESTION_TAGGED -> {
                SuggestionTagged e = read(payload, SuggestionTagged.class);
                require(e.suggestionId() != null && e.stationDistrict() != null && e.primaryTopic() != null && e.redactedText() != null
                        && e.submittedAt() != null && e.channel() != null && e.stationId() != null);
                yield e;
            }
            case EventTypes.SUGGESTION_WITHDRAWN -> {
                SuggestionWithdrawn e = read(payload, SuggestionWithdrawn.class);
                require(e.suggestionId() != null);
                yield e;
            }
            case EventTypes.SUGGESTION_RETAGGED -> {
                SuggestionRetagged e = read(payload, SuggestionRetagged.class);
                require(e.suggestionId() != null && e.primaryTopic() != null);
                yield e;
            }
            case EventTypes.SUGGESTIONS_MERGED -> {
                SuggestionsMerged e = read(payload, SuggestionsMerged.class);
                require(e.clusterId() != null && e.clusterFirstSuggestionId() != null && e.suggestionIds() != null
                        && !e.suggestionIds().isEmpty() && e.suggestionIds().stream().allMatch(java.util.Objects::nonNull));
                yield e;
            }
            case EventTypes.FORUM_RECORDED -> {
                ForumRecorded e = read(payload, ForumRecorded.class);
                require(e.forumId() != null && e.name() != null && e.heldOn() != null && e.district() != null && e.recordedAt() != null);
                yield e;
            }
            default -> throw new PoisonEventException("unknown ce_type " + type);
        };
    }

    private <T> T read(String payload, Class<T> type) {
        if (payload == null) {
            throw new PoisonEventException("empty record");
        }
        try {
            return mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("body is not a " + type.getSimpleName() + " v1 JSON object (" + describe(e) + ")");
        }
    }

    private static void require(boolean present) {
        if (!present) {
            throw new PoisonEventException("a required field is missing");
        }
    }

    /** The parser's verdict without its message, which may quote the record's text. */
    private static String describe(JsonProcessingException e) {
        var location = e.getLocation();
        return e.getClass().getSimpleName() + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr());
    }
}
