package io.planconsult.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * Station staff corrected a suggestion (a typo in the text, the channel). Published on
 * {@link Topics#SUGGESTIONS_SUBMITTED} (internal) with the suggestion's whole current state, so the
 * tagging service re-tags it from this event alone: {@code text} is raw and may contain personal data.
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
        String text,
        Instant submittedAt,
        Instant amendedAt) {
}
