package io.planconsult.tagging.messaging;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Health that tells the truth about the submitted-topic consumer (README "Delivery guarantees"):
 * <ul>
 * <li>readiness is DOWN while a record has been in hand longer than {@code tagging.health.stall-after} (a record is
 * waiting, so lag is above 0, and nothing progresses), typically a database or broker outage being waited out;</li>
 * <li>liveness is DOWN when a record has been in hand longer than {@code tagging.health.stuck-after} without waiting
 * on a transient failure: the thread is hung and only a restart helps. An outage being waited out is not that: the
 * consumer resumes by itself when the dependency is back, and restarting would not bring it back sooner.</li>
 * </ul>
 * SmallRye's own channel checks stay on beside these and report a channel that has failed.
 */
@ApplicationScoped
public class ConsumerHealth {

    private static final String NAME = "tagging submitted-topic consumer";

    private final ConsumerProgress progress;
    private final Duration stallAfter;
    private final Duration stuckAfter;

    ConsumerHealth(ConsumerProgress progress, @ConfigProperty(name = "tagging.health.stall-after") Duration stallAfter,
            @ConfigProperty(name = "tagging.health.stuck-after") Duration stuckAfter) {
        this.progress = progress;
        this.stallAfter = stallAfter;
        this.stuckAfter = stuckAfter;
    }

    @Produces
    @Readiness
    HealthCheck notStalled() {
        return () -> {
            Duration held = progress.stalledFor(Instant.now()).orElse(Duration.ZERO);
            return describe(HealthCheckResponse.named(NAME).status(held.compareTo(stallAfter) <= 0), held).build();
        };
    }

    @Produces
    @Liveness
    HealthCheck notStuck() {
        return () -> {
            Duration held = progress.stalledFor(Instant.now()).orElse(Duration.ZERO);
            boolean stuck = held.compareTo(stuckAfter) > 0 && progress.waitingOn().isEmpty();
            return describe(HealthCheckResponse.named(NAME).status(!stuck), held).build();
        };
    }

    private HealthCheckResponseBuilder describe(HealthCheckResponseBuilder builder, Duration held) {
        builder.withData("recordHeldSeconds", held.toSeconds())
                .withData("recordsFinished", progress.finishedCount())
                .withData("lastFinishedAt", progress.lastFinishedAt().toString());
        progress.waitingOn().ifPresent(failure -> builder.withData("waitingOn", failure));
        return builder;
    }
}
