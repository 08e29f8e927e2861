package io.planconsult.reporting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.planconsult.contract.PoisonRecordException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What reporting's consumers did with each record, as Prometheus counters: events applied (new) or found applied
 * already (a redelivery), and records sent to the dead-letter topic by kind. Labels are channel names and fixed words.
 */
@ApplicationScoped
public class ConsumerMetrics {

    static final String APPLIED = "planconsult.reporting.events.applied";
    /** The same name in every service's consumers; Prometheus' service label tells them apart. */
    static final String DEAD_LETTERS = "planconsult.consumer.dead.letters";

    private final MeterRegistry registry;

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(String channel, boolean isNew) {
        Counter.builder(APPLIED).description("Events the consumers applied to the read model, or found applied already")
                .tag("channel", channel).tag("outcome", isNew ? "applied" : "duplicate")
                .register(registry).increment();
    }

    void deadLettered(String channel, RuntimeException reason) {
        Counter.builder(DEAD_LETTERS).description("Records a consumer sent to its dead-letter topic, by failure kind")
                .tag("channel", channel).tag("kind", reason instanceof PoisonRecordException ? "poison" : "unexpected")
                .register(registry).increment();
    }
}
