package io.planconsult.intake.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.ServiceRules;
import io.planconsult.intake.architecture.rest.LeakyResource;

/** The package rules of the intake service (README "Layout"), checked on its main classes only. */
class ArchitectureTest {

    private static final String SERVICE = "io.planconsult.intake";

    private static JavaClasses service;

    @BeforeAll
    static void importServiceClasses() {
        service = ServiceRules.mainClasses(SERVICE);
    }

    @Test
    void packagesHaveNoCycles() {
        ServiceRules.noPackageCycles(SERVICE).check(service);
    }

    @Test
    void theServiceSharesOnlyTheContractWithOtherServices() {
        ServiceRules.sharesOnlyTheContract(SERVICE).check(service);
    }

    @Test
    void toolsAreNotOnTheServiceClasspath() {
        ServiceRules.toolsAreNotOnTheServiceClasspath().check(service);
    }

    @Test
    void resourcesDoNotTouchTheDatabaseDirectly() {
        ServiceRules.resourcesDoNotTouchTheDatabase().check(service);
    }

    /** The rule is known to bite: a resource that counts entities itself breaks it. */
    @Test
    void aResourceThatCountsEntitiesItselfBreaksTheRule() {
        JavaClasses fixture = new ClassFileImporter().importClasses(LeakyResource.class);
        assertTrue(ServiceRules.resourcesDoNotTouchTheDatabase().evaluate(fixture).hasViolation());
    }
}
