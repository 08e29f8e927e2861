package io.planconsult.contract.rest;

import java.util.function.BooleanSupplier;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether the service has begun to stop: set when Quarkus fires {@link ShutdownEvent}, before the datasource, the ORM
 * and the container go away under records still in flight. The consumers' retry rule
 * ({@link io.planconsult.contract.Retrying}) reads it so that a failure caused by the shutdown leaves the record for
 * its next owner instead of dead-lettering it.
 */
@ApplicationScoped
public class ServiceStopping implements BooleanSupplier {

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public boolean getAsBoolean() {
        return stopping;
    }
}
