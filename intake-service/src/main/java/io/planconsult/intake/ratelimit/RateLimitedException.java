package io.planconsult.intake.ratelimit;

/** A station is over its request rate. */
public class RateLimitedException extends RuntimeException {

    private final String stationId;
    private final long retryAfterSeconds;

    public RateLimitedException(String stationId, long retryAfterSeconds) {
        super("station over its rate limit");
        this.stationId = stationId;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String stationId() {
        return stationId;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
