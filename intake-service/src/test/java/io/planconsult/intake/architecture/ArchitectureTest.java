package io.planconsult.intake.architecture;

import io.planconsult.infra.testing.ServiceArchitectureTest;
import io.planconsult.intake.architecture.rest.LeakyResource;

/** The package rules of the intake service (README "Layout"), checked on its main classes only. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.planconsult.intake", LeakyResource.class);
    }
}
