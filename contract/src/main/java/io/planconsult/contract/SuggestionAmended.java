package io.planconsult.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Station staff corrected a suggestion (a typo in the text, the channel). Published on
 * {@link Topics#SUGGESTIONS_SUBMITTED} (internal) with the suggestion's whole current state, so the
 * tagging service re-tags it from this event alone. As in {@link SuggestionSubmitted}, the text travels sealed with
 * the suggestion's key ({@code sealedText}); a plain {@code text} is only read from events written before sealing.
 *
 * @param revision 1 after the first amendment, 2 after the second...; the submission itself is revision 0.
 *                 Consumers keep the highest revision they have seen, whatever order events arrive in.
 */
public record SuggestionAmended(
        UUID suggestionId,
        int revision,
        String stationId,
        String stationDistrict,
        String channel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        Instant submittedAt,
        Instant amendedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sealedText) {

    /** A plain-text event (older producers, tests of the tagging rules): no sealed text. */
    public SuggestionAmended(UUID suggestionId, int revision, String stationId, String stationDistrict, String channel,
            String text, Instant submittedAt, Instant amendedAt) {
        this(suggestionId, revision, stationId, stationDistrict, channel, text, submittedAt, amendedAt, null);
    }
}
