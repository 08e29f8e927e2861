package io.planconsult.tagging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.ServiceRules;

/** The package rules of the tagging service (README "Layout"), checked on its main classes only. */
class ArchitectureTest {

    private static final String TAGGING = "io.planconsult.tagging";

    private static JavaClasses service;

    @BeforeAll
    static void importServiceClasses() {
        service = ServiceRules.mainClasses(TAGGING);
    }

    @Test
    void packagesHaveNoCycles() {
        ServiceRules.noPackageCycles(TAGGING).check(service);
    }

    @Test
    void theEnginesPartsDoNotDependOnTheEngineOrItsAdapters() {
        noClasses().that().resideInAnyPackage("..tagging.pii..", "..tagging.topics..", "..tagging.district..",
                        "..tagging.dedup..", "..tagging.text..")
                .should().dependOnClassesThat().resideInAnyPackage("..tagging.pipeline..", "..tagging.messaging..",
                        "..tagging.rest..")
                .check(service);
    }

    @Test
    void noServiceClassHasAMainMethod() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage(TAGGING + "..").and().areStatic()
                .should().haveName("main")
                .because("offline programs live in the tagging tools module, never in the service jar")
                .allowEmptyShould(true)
                .check(service);
    }

    @Test
    void toolsAreNotOnTheServiceClasspath() {
        ServiceRules.toolsAreNotOnTheServiceClasspath().check(service);
    }

    @Test
    void theServiceSharesOnlyTheContractWithOtherServices() {
        ServiceRules.sharesOnlyTheContract(TAGGING).check(service);
    }

    @Test
    void resourcesDoNotTouchTheDatabaseDirectly() {
        ServiceRules.resourcesDoNotTouchTheDatabase().check(service);
    }

    @Test
    void resourcesDoNotReachTheNearDuplicateStore() {
        noClasses().that().resideInAPackage("..tagging.rest..")
                .should().dependOnClassesThat().resideInAPackage("..tagging.dedup.store..")
                .check(service);
    }
}
