package io.planconsult.reporting.messaging;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Health that tells the truth about the consumers (beside the connector's own checks, which report a dead channel):
 * <ul>
 * <li>readiness is DOWN while a consumer has been on one record for longer than {@code reporting.consumer.stall-after}
 * (records are waiting behind it and none moves: the database is away, say); it comes back UP by itself once the
 * record is through;</li>
 * <li>liveness is DOWN when one attempt has not returned for {@code reporting.consumer.hung-after}: the thread is stuck
 * in a call no retry can end, and only a restart helps. SmallRye Reactive Messaging has no API to restart one channel
 * in place, so the restart is the container's.</li>
 * </ul>
 */
@ApplicationScoped
public class ConsumerHealth {

    private final ConsumerProgress progress;
    private final Duration stallAfter;
    private final Duration hungAfter;

    ConsumerHealth(ConsumerProgress progress,
            @ConfigProperty(name = "reporting.consumer.stall-after", defaultValue = "PT30S") Duration stallAfter,
            @ConfigProperty(name = "reporting.consumer.hung-after", defaultValue = "PT5M") Duration hungAfter) {
        this.progress = progress;
        this.stallAfter = stallAfter;
        this.hungAfter = hungAfter;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck flowing() {
        return () -> report("reporting consumers flowing", status -> status.onRecordFor().compareTo(stallAfter) > 0);
    }

    @Produces
    @Liveness
    @ApplicationScoped
    HealthCheck notHung() {
        return () -> report("reporting consumers not hung", status -> status.inAttemptFor().compareTo(hungAfter) > 0);
    }

    private HealthCheckResponse report(String name, java.util.function.Predicate<ConsumerProgress.Status> down) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).up();
        for (ConsumerProgress.Status s : progress.statuses().values()) {
            boolean isDown = down.test(s);
            if (isDown) {
                response.down();
            }
            String state = isDown ? "stuck " + s.onRecordFor().toSeconds() + " s on one record" : "flowing";
            response.withData(s.channel(), state
                    + ", applied " + s.applied() + ", dead-lettered " + s.deadLettered() + ", retries " + s.retries()
                    + (s.lastFailure() == null ? "" : ", last failure " + s.lastFailureKind() + " " + s.lastFailure()));
        }
        return response.build();
    }
}
