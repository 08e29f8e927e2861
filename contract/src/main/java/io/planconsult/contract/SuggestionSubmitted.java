package io.planconsult.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A suggestion as the intake service stored it. Published on {@link Topics#SUGGESTIONS_SUBMITTED}
 * (internal). Intake never puts the raw text on the topic as it is: {@code sealedText} is the text sealed with the
 * suggestion's own key ({@link SealedText}), which intake keeps and erasure deletes. {@code text} (plain) is only read
 * for events written before sealing; new events leave it out. Submitter contact details are never part of any event.
 *
 * @param channel     {@link Channel#code()} of how it arrived
 * @param submittedAt when the resident made it (as entered by staff), else when intake received it
 */
public record SuggestionSubmitted(
        UUID suggestionId,
        String stationId,
        String stationDistrict,
        String channel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        Instant submittedAt,
        Instant receivedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sealedText) {

    /** A plain-text event (older producers, tests of the tagging rules): no sealed text. */
    public SuggestionSubmitted(UUID suggestionId, String stationId, String stationDistrict, String channel, String text,
            Instant submittedAt, Instant receivedAt) {
        this(suggestionId, stationId, stationDistrict, channel, text, submittedAt, receivedAt, null);
    }
}
