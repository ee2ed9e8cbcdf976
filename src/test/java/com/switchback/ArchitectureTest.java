package com.switchback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.switchback");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("com.switchback.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnViews() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().doNotHaveSimpleName("SecurityConfig")
                .should().dependOnClassesThat().resideInAPackage("com.switchback..ui..")
                .check(CLASSES);
    }

    @Test
    void migrationKnowsNothingOfClusterViews() {
        noClasses().that().resideInAPackage("com.switchback.migration..")
                .should().dependOnClassesThat().resideInAPackage("com.switchback.cluster..")
                .check(CLASSES);
    }

    @Test
    void repositoriesAreReachedOnlyFromTheirOwnFeature() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void onlyTheSimulatedAdapterKnowsTheSimulation() {
        noClasses().that().resideOutsideOfPackage("com.switchback.migration.simulated..")
                .should().dependOnClassesThat().resideInAPackage("com.switchback.migration.simulated..")
                .check(CLASSES);
    }
}
