package io.planconsult.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * A suggestion as the intake service stored it. Published on {@link Topics#SUGGESTIONS_SUBMITTED}
 * (internal): {@code text} is the raw text and may contain personal data. Submitter contact
 * details are never part of any event.
 *
 * @param channel     {@link Channel#code()} of how it arrived
 * @param submittedAt when the resident made it (as entered by staff), else when intake received it
 */
public record SuggestionSubmitted(
        UUID suggestionId,
        String stationId,
        String stationDistrict,
        String channel,
        String text,
        Instant submittedAt,
        Instant receivedAt) {
}
