package com.switchback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import com.switchback.migration.MigrationExecutor;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.RequestLifecycle;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

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
    void theMigrationCoreDoesNotDependOnItsAdapters() {
        noClasses().that().resideInAPackage("com.switchback.migration")
                .should().dependOnClassesThat().resideInAnyPackage("com.switchback.migration.simulated..",
                        "com.switchback.migration.mysql..", "com.switchback.migration.aliyun..")
                .check(CLASSES);
    }

    @Test
    void viewsReachNeitherTheRunnerNorTheExecutorNorRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat(JavaClass.Predicates.belongToAnyOf(OperationRunner.class,
                        MigrationExecutor.class, RequestLifecycle.class)
                        .or(CanBeAnnotated.Predicates.annotatedWith(Repository.class)))
                .check(CLASSES);
    }

    @Test
    void everyRouteSaysWhoMayOpenIt() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class).orShould().beAnnotatedWith(DenyAll.class)
                .check(CLASSES);
    }

    /**
     * Public methods of feature services that need no role, and why. Everything else a service
     * offers is guarded by method security.
     */
    private static final Set<String> UNSECURED_SERVICE_METHODS = Set.of(
            // The approval policy in force: configuration, read by views to word their dialogs.
            "MigrationService.policy",
            // Scheduled, run by the system on requests people already made.
            "ApprovalService.expireOverdue",
            // Spring Security looks an account up to log it in, before anyone is authenticated.
            "AccountUserDetailsService.loadUserByUsername",
            // Wiring: the security configuration builds its filter chain before anyone logs in.
            "UserSessions.registrationFilter",
            // Scheduled, run by the system: ends sessions that are idle, too old or ended elsewhere.
            "UserSessions.sweep");

    @Test
    void everyPublicServiceMethodIsSecuredOrOnTheAllowList() {
        methods().that().arePublic().and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and(new DescribedPredicate<JavaMethod>("not on the allow-list") {
                    @Override
                    public boolean test(JavaMethod m) {
                        return !UNSECURED_SERVICE_METHODS.contains(m.getOwner().getSimpleName() + "." + m.getName());
                    }
                })
                .should().beAnnotatedWith(PreAuthorize.class)
                .check(CLASSES);
    }

    @Test
    void onlyTheSimulatedAdapterKnowsTheSimulation() {
        noClasses().that().resideOutsideOfPackage("com.switchback.migration.simulated..")
                .should().dependOnClassesThat().resideInAPackage("com.switchback.migration.simulated..")
                .check(CLASSES);
    }
}
