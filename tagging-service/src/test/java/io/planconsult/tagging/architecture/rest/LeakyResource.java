package io.planconsult.tagging.architecture.rest;

import io.planconsult.tagging.messaging.ProcessedEvent;

/** A resource that queries an entity itself: ArchitectureTest's rule must flag it. Never a bean, never served. */
public final class LeakyResource {

    private LeakyResource() {
    }

    static long countEverything() {
        return ProcessedEvent.count();
    }
}
