package io.planconsult.reporting.messaging;

import static io.planconsult.contract.EventBodies.require;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.EventBodies;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.ForumRecorded;
import io.planconsult.contract.PoisonRecordException;
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

    private final EventBodies bodies;

    ReportingEvents(ObjectMapper mapper) {
        this.bodies = new EventBodies(mapper);
    }

    /**
     * @return one of the contract's records: SuggestionTagged, SuggestionWithdrawn, SuggestionRetagged,
     *     SuggestionsMerged, ForumRecorded
     */
    public Record parse(String type, String payload) {
        if (type == null) {
            throw new PoisonRecordException("no CloudEvents type (ce_type header)");
        }
        return switch (type) {
            case EventTypes.SUGGESTION_TAGGED -> {
                SuggestionTagged e = read(payload, SuggestionTagged.class);
                require(e.suggestionId() != null && e.stationDistrict() != null && e.primaryTopic() != null
                        && e.redactedText() != null
                        && e.submittedAt() != null && e.channel() != null && e.stationId() != null);
                fits("stationId", e.stationId(), 64);
                fits("stationDistrict", e.stationDistrict(), 32);
                fits("textDistrict", e.textDistrict(), 32);
                fits("channel", e.channel(), 16);
                fits("primaryTopic", e.primaryTopic(), 32);
                fits("labels", stored(e.primaryTopic(), e.labels()), 200);
                fits("redactedText", e.redactedText(), 10_000);
                fits("modelVersion", e.modelVersion(), 64);
                fits("taxonomyVersion", e.taxonomyVersion(), 64);
                fits("keywords", e.keywords() == null ? null : String.join(",", e.keywords()), 1_000);
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
                fits("primaryTopic", e.primaryTopic(), 32);
                fits("labels", stored(e.primaryTopic(), e.labels()), 200);
                yield e;
            }
            case EventTypes.SUGGESTIONS_MERGED -> {
                SuggestionsMerged e = read(payload, SuggestionsMerged.class);
                require(e.clusterId() != null && e.clusterFirstSuggestionId() != null && e.suggestionIds() != null
                        && !e.suggestionIds().isEmpty() && e.suggestionIds().stream()
                        .allMatch(java.util.Objects::nonNull));
                yield e;
            }
            case EventTypes.FORUM_RECORDED -> {
                ForumRecorded e = read(payload, ForumRecorded.class);
                require(e.forumId() != null && e.name() != null && e.heldOn() != null && e.district() != null
                        && e.recordedAt() != null);
                fits("name", e.name(), 200);
                fits("district", e.district(), 32);
                fits("stationId", e.stationId(), 64);
                yield e;
            }
            default -> throw new PoisonRecordException("unknown ce_type " + type);
        };
    }

    /**
     * A value longer than the read model's column can never be stored: a rule the record breaks, so it is poison (live
     * consumption dead-letters it with this reason and a rebuild skips it) rather than a failure of every write.
     */
    private static void fits(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new PoisonRecordException(field + " is longer than " + max + " characters");
        }
    }

    /** Labels as the read model stores them: primary first, each once, comma-separated. */
    private static String stored(String primary, java.util.List<String> labels) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(primary);
        if (labels != null) {
            all.addAll(labels);
        }
        return String.join(",", all);
    }

    private <T> T read(String payload, Class<T> type) {
        return bodies.read(payload, type);
    }
}
