package io.planconsult.intake.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per station (Bucket4j): {@code per-station} writes per {@code period}, refilled gradually, so a burst
 * up to the full allowance passes and a steady flood is slowed to the allowance. The buckets live in this instance's
 * memory: with N intake instances behind a load balancer a station gets up to N times the allowance. At that scale
 * the limit belongs in the gateway, or in a shared store (Bucket4j has PostgreSQL and Redis back ends).
 */
@ApplicationScoped
public class StationRateLimiter {

    private final RateLimitConfig config;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    StationRateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /** @throws RateLimitedException when the station has no allowance left; it says how long to wait */
    public void acquire(String stationId) {
        if (!config.enabled() || stationId == null) {
            return;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(stationId, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new RateLimitedException(stationId, seconds);
        }
    }

    private Bucket newBucket(String stationId) {
        int allowance = config.station().getOrDefault(stationId, config.perStation());
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(allowance).refillGreedy(allowance, config.period()))
                .build();
    }
}
