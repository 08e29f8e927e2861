package io.planconsult.intake.domain;

import java.time.Instant;

/**
 * A suggestion as a client sends it.
 *
 * @param submittedAt when the resident made it; optional, defaults to the time of receipt
 * @param submitter   optional contact details (personal data)
 */
public record NewSuggestion(String stationId, String text, String channel, Instant submittedAt, Submitter submitter) {

    /** Contact details of the person who made the suggestion. {@link #toString()} never shows them. */
    public record Submitter(String name, String phone) {
        @Override
        public String toString() {
            return "Submitter[redacted]";
        }
    }
}
