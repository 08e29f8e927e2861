package io.planconsult.intake.architecture.rest;

import io.planconsult.intake.domain.Suggestion;

/** A resource that queries an entity itself: ArchitectureTest's rule must flag it. Never a bean, never served. */
public final class LeakyResource {

    private LeakyResource() {
    }

    static long countEverything() {
        return Suggestion.count();
    }
}
