package io.planconsult.tagging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import org.junit.jupiter.api.Test;

import io.planconsult.infra.testing.ServiceArchitectureTest;
import io.planconsult.tagging.architecture.rest.LeakyResource;

/**
 * The package rules of the tagging service (README "Layout"), checked on its main classes only: the shared ones and
 * the engine's own.
 */
class ArchitectureTest extends ServiceArchitectureTest {

    private static final String TAGGING = "io.planconsult.tagging";

    ArchitectureTest() {
        super(TAGGING, LeakyResource.class);
    }

    @Test
    void theEnginesPartsDoNotDependOnTheEngineOrItsAdapters() {
        noClasses().that().resideInAnyPackage("..tagging.pii..", "..tagging.topics..", "..tagging.district..",
                        "..tagging.dedup..", "..tagging.text..")
                .should().dependOnClassesThat().resideInAnyPackage("..tagging.pipeline..", "..tagging.messaging..",
                        "..tagging.rest..")
                .check(service());
    }

    @Test
    void noServiceClassHasAMainMethod() {
        noMethods().that().areDeclaredInClassesThat().resideInAPackage(TAGGING + "..").and().areStatic()
                .should().haveName("main")
                .because("offline programs live in the tagging tools module, never in the service jar")
                .allowEmptyShould(true)
                .check(service());
    }

    @Test
    void resourcesDoNotReachTheNearDuplicateStore() {
        noClasses().that().resideInAPackage("..tagging.rest..")
                .should().dependOnClassesThat().resideInAPackage("..tagging.dedup.store..")
                .check(service());
    }
}
