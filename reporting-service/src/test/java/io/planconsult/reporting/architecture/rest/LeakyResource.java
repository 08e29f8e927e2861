package io.planconsult.reporting.architecture.rest;

import io.planconsult.reporting.tally.TaggedSuggestion;

/** A resource that queries an entity itself: ArchitectureTest's rule must flag it. Never a bean, never served. */
public final class LeakyResource {

    private LeakyResource() {
    }

    static long countEverything() {
        return TaggedSuggestion.count();
    }
}
