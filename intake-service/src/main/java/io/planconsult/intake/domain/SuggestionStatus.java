package io.planconsult.intake.domain;

/** Where a suggestion is on its way from intake to the tallies. */
public enum SuggestionStatus {
    /** Stored; its event waits in the outbox (for example while the broker is unreachable). */
    RECEIVED,
    /** Its event is on the submitted topic. */
    PUBLISHED,
    /** The tagging service has published its tags. */
    TAGGED
}
