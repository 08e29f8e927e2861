package io.planconsult.reporting.architecture;

import io.planconsult.infra.testing.ServiceArchitectureTest;
import io.planconsult.reporting.architecture.rest.LeakyResource;

/** The package rules of the reporting service (README "Layout"), checked on its main classes only. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.planconsult.reporting", LeakyResource.class);
    }
}
