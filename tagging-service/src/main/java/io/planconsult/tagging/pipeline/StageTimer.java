package io.planconsult.tagging.pipeline;

/**
 * Told how long each stage of one enrichment took ({@link TaggingEngine#STAGES}); the service meters it, offline
 * tools and tests pass {@link #NONE}. Called on the enriching thread; must be cheap and thread-safe.
 */
@FunctionalInterface
public interface StageTimer {

    StageTimer NONE = (stage, nanos) -> {
    };

    void record(String stage, long nanos);

    /** Records the time since {@code since} under {@code stage} and returns now, the next stage's start. */
    default long lap(String stage, long since) {
        long now = System.nanoTime();
        record(stage, now - since);
        return now;
    }
}
