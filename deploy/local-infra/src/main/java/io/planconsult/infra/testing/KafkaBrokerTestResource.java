package io.planconsult.infra.testing;

import java.nio.file.Path;
import java.util.Map;

import io.planconsult.infra.LocalKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real KRaft broker (child JVM) for a module's {@code @QuarkusTest}s and points the
 * Kafka connector at it. One broker serves the whole test run of a module.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalKafkaBroker broker;

    /** The running broker, for tests that produce or consume records themselves. */
    public static LocalKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("the Kafka test broker is not running");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = LocalKafkaBroker.scratch(Path.of("target"));
        broker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
