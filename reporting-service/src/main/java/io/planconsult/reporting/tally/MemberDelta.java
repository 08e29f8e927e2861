package io.planconsult.reporting.tally;

import java.util.UUID;

/** A suggestion joins (+1) or leaves (-1) its cluster's membership of a tally cell. */
public record MemberDelta(TallyDimension dimension, String bucket, String topic, UUID clusterId, int members) {
}
