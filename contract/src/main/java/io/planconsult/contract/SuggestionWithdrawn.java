package io.planconsult.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * The person who made a suggestion asked for it to be withdrawn: it leaves every tally. Intake publishes it
 * on {@link Topics#SUGGESTIONS_SUBMITTED}; the tagging service forwards it unchanged on
 * {@link Topics#SUGGESTIONS_TAGGED} so public subscribers learn of it too. It carries no text and no reason.
 * Withdrawal is final: a consumer ignores any later-arriving tagged event of the same suggestion.
 *
 * @param revision the suggestion's revision when it was withdrawn (see {@link SuggestionAmended#revision()})
 */
public record SuggestionWithdrawn(
        UUID suggestionId,
        int revision,
        String stationId,
        String stationDistrict,
        Instant withdrawnAt) {
}
