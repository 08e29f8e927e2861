package io.planconsult.intake.domain;

/** Where a suggestion is on its way from intake to the tallies. */
public enum SuggestionStatus {
    /** Stored; its event waits in the outbox (for example while the broker is unreachable). */
    RECEIVED,
    /** Its event is on the submitted topic. */
    PUBLISHED,
    /** The tagging service has published its tags (of the current revision). */
    TAGGED,
    /** The person who made it withdrew it; final: no amendment, re-tag or merge, and it leaves every tally. */
    WITHDRAWN
}
