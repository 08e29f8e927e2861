package io.planconsult.infra.testing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules every service keeps (README "Layout", STYLE.md), written once; each service's
 * {@code ArchitectureTest} checks them on its own main classes and adds its own.
 */
public final class ServiceRules {

    private static final List<String> SERVICES = List.of("io.planconsult.intake", "io.planconsult.tagging",
            "io.planconsult.reporting");
    private static final String PANACHE_ENTITY = "io.quarkus.hibernate.orm.panache.PanacheEntityBase";

    private ServiceRules() {
    }

    /** The service's main classes: no tests, no jars. */
    public static JavaClasses mainClasses(String servicePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage);
    }

    public static ArchRule noPackageCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** No class of one service uses a class of another: what they share is contract's. */
    public static ArchRule sharesOnlyTheContract(String servicePackage) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(servicePackage)).map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others);
    }

    /** Offline programs (train, evaluate, benchmark) live in tools modules, never in a service jar. */
    public static ArchRule toolsAreNotOnTheServiceClasspath() {
        return noClasses().should().resideInAPackage("io.planconsult..tools..").allowEmptyShould(true);
    }

    /** A resource validates, calls one service method and maps the result: it never queries or writes itself. */
    public static ArchRule resourcesDoNotTouchTheDatabase() {
        Set<String> panacheOperations = panacheOperations();
        return noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.agroal..",
                        "javax.sql..", "io.quarkus.hibernate.orm.panache..")
                .orShould().callMethodWhere(describe("a query or write of a Panache entity",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(PANACHE_ENTITY)
                                && panacheOperations.contains(call.getName())))
                .because("a resource validates, calls one service method and maps the result");
    }

    /** find, list, stream, count, persist, delete, update...: what a Panache entity inherits to reach the database. */
    private static Set<String> panacheOperations() {
        try {
            Class<?> entity = Class.forName(PANACHE_ENTITY);
            return Arrays.stream(entity.getMethods()).filter(m -> m.getDeclaringClass() == entity)
                    .map(Method::getName).collect(Collectors.toSet());
        } catch (ClassNotFoundException e) {
            return Set.of(); // a service without Panache has no entity to query
        }
    }
}
