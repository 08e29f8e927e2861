package io.planconsult.infra.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link ServiceRules} as tests, checked on one service's main classes: each service's {@code ArchitectureTest}
 * extends this with its package and a resource that breaks the database rule, and adds the rules of its own design.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String servicePackage;
    private final Class<?> leakyResource;
    private JavaClasses service;

    /**
     * @param servicePackage the service's base package, {@code io.planconsult.<service>}
     * @param leakyResource  a class in a {@code rest} package that queries an entity itself: the rule must flag it
     */
    protected ServiceArchitectureTest(String servicePackage, Class<?> leakyResource) {
        this.servicePackage = servicePackage;
        this.leakyResource = leakyResource;
    }

    @BeforeAll
    void importServiceClasses() {
        service = ServiceRules.mainClasses(servicePackage);
    }

    /** The service's main classes, for a subclass's own rules. */
    protected final JavaClasses service() {
        return service;
    }

    @Test
    void packagesHaveNoCycles() {
        ServiceRules.noPackageCycles(servicePackage).check(service);
    }

    @Test
    void theServiceSharesOnlyTheContractWithOtherServices() {
        ServiceRules.sharesOnlyTheContract(servicePackage).check(service);
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
        JavaClasses fixture = new ClassFileImporter().importClasses(leakyResource);
        assertTrue(ServiceRules.resourcesDoNotTouchTheDatabase().evaluate(fixture).hasViolation());
    }
}
