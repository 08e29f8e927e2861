package io.planconsult.tagging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the tagging service (README "Layout"), checked on its main classes only. */
class ArchitectureTest {

    private static final String TAGGING = "io.planconsult.tagging";

    private static JavaClasses service;

    @BeforeAll
    static void importServiceClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(TAGGING);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(TAGGING + ".(*)..").should().beFreeOfCycles().check(service);
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
        noClasses().should().resideInAPackage(TAGGING + ".tools..").allowEmptyShould(true).check(service);
    }

    @Test
    void theServiceSharesOnlyTheContractWithOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.planconsult.intake..",
                "io.planconsult.reporting..").check(service);
    }

    @Test
    void resourcesDoNotTouchTheDatabaseDirectly() {
        noClasses().that().resideInAPackage("..tagging.rest..")
                .should().dependOnClassesThat().resideInAPackage("..tagging.dedup.store..")
                .check(service);
    }
}
