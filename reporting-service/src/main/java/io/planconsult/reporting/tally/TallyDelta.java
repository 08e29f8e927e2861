package io.planconsult.reporting.tally;

/** A change to one tally cell: suggestions counted under its topic, mentions of it, distinct clusters. */
public record TallyDelta(TallyDimension dimension, String bucket, String topic, long primary, long mentions,
        long clusters) {
}
