package io.planconsult.reporting.tally;

/** A change to one tally cell. */
public record TallyDelta(Perspective perspective, String district, String topic, long primary, long mentions) {
}
