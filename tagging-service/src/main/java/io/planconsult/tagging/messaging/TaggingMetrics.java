package io.planconsult.tagging.messaging;

import io.planconsult.contract.FailureKind;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.planconsult.contract.ReviewReasons;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.tagging.pipeline.StageTimer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tagging service's own meters (Prometheus names in the README, "Operating it"): time per enrichment stage,
 * suggestions tagged by review flag and model version, residual personal data caught at the last check, and records
 * sent to the dead-letter topic by kind. Labels come from fixed sets (stage names, model versions, failure kinds),
 * never from a suggestion.
 */
@ApplicationScoped
public class TaggingMetrics implements StageTimer {

    static final String STAGE = "planconsult.tagging.stage";
    static final String TAGGED = "planconsult.tagging.tagged";
    static final String RESIDUAL_PII = "planconsult.tagging.residual.pii";
    /** The same name in every service's consumers; Prometheus' service label tells them apart. */
    static final String DEAD_LETTERS = "planconsult.consumer.dead.letters";

    private final MeterRegistry registry;
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();

    TaggingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String stage, long nanos) {
        stages.computeIfAbsent(stage, s -> Timer.builder(STAGE)
                .description("Time of one stage of a suggestion's enrichment")
                .tag("stage", s)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A tagged event was stored for publication (counted once per source event, not per redelivery). */
    void tagged(SuggestionTagged event) {
        String model = event.modelVersion() == null ? "unknown" : event.modelVersion();
        Counter.builder(TAGGED).description("Suggestions tagged, by review flag and model version")
                .tag("needs_review", String.valueOf(event.needsReview())).tag("model_version", model)
                .register(registry).increment();
        if (event.reviewReasons() != null && event.reviewReasons().contains(ReviewReasons.RESIDUAL_PII)) {
            Counter.builder(RESIDUAL_PII)
                    .description("Tagged suggestions in which the residual guard masked personal data")
                    .tag("model_version", model).register(registry).increment();
        }
    }

    /** A record was nacked to the dead-letter topic; {@code kind} is poison or unexpected. */
    void deadLettered(String channel, FailureKind kind) {
        Counter.builder(DEAD_LETTERS).description("Records a consumer sent to its dead-letter topic, by failure kind")
                .tag("channel", channel).tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}
