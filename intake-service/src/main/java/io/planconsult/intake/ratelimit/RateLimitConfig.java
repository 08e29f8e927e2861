package io.planconsult.intake.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code intake.rate-limit.*}: how many writes a station may make per period. */
@ConfigMapping(prefix = "intake.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Writes (submissions, amendments, withdrawals) per station per {@link #period()}. */
    @WithDefault("600")
    int perStation();

    @WithDefault("PT1M")
    Duration period();

    /**
     * Per-station overrides, e.g. {@code intake.rate-limit.station."st-xihu-01"=1200} for a station that runs big
     * forums.
     */
    Map<String, Integer> station();
}
