package io.planconsult.intake.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.planconsult.intake.architecture.rest.LeakyResource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The package rules of the intake service (README "Layout"), checked on its main classes only. */
class ArchitectureTest {

    private static final String SERVICE = "io.planconsult.intake";

    /** find, list, stream, count, persist, delete, update...: what a Panache entity inherits to reach the database. */
    private static final Set<String> PANACHE_OPERATIONS = Arrays.stream(PanacheEntityBase.class.getMethods())
            .filter(method -> method.getDeclaringClass() == PanacheEntityBase.class)
            .map(Method::getName).collect(Collectors.toSet());

    private static JavaClasses service;

    @BeforeAll
    static void importServiceClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(SERVICE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(SERVICE + ".(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void theServiceSharesOnlyTheContractWithOtherServices() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.planconsult.tagging..", "io.planconsult.reporting..")
                .check(service);
    }

    @Test
    void toolsAreNotOnTheServiceClasspath() {
        noClasses().should().resideInAPackage("io.planconsult..tools..").allowEmptyShould(true).check(service);
    }

    /** Checked on the service, and on a fixture that breaks it so the rule is known to bite. */
    private static final ArchRule RESOURCES_DO_NOT_TOUCH_THE_DATABASE = noClasses()
            .that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.agroal..",
                    "javax.sql..", "io.quarkus.hibernate.orm.panache..")
            .orShould().callMethodWhere(describe("a query or write of a Panache entity",
                    (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                            && PANACHE_OPERATIONS.contains(call.getName())))
            .because("a resource validates, calls one service method and maps the result");

    @Test
    void resourcesDoNotTouchTheDatabaseDirectly() {
        RESOURCES_DO_NOT_TOUCH_THE_DATABASE.check(service);
    }

    @Test
    void aResourceThatCountsEntitiesItselfBreaksTheRule() {
        JavaClasses fixture = new ClassFileImporter().importClasses(LeakyResource.class);
        assertTrue(RESOURCES_DO_NOT_TOUCH_THE_DATABASE.evaluate(fixture).hasViolation());
    }
}
