package org.peerpay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The feature packages depend on each other in one direction only, and the domain stays free of Spring. */
class ModuleStructureTest {

    static final JavaClasses PEERPAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.peerpay");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.peerpay.(*)..").should().beFreeOfCycles().check(PEERPAY);
    }

    @Test
    void moneyAndCsvDoNotDependOnSpringOrOnFeatures() {
        noClasses().that().resideInAnyPackage("org.peerpay.money..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.peerpay.timesheets..",
                        "org.peerpay.reference..", "org.peerpay.cli..")
                .check(PEERPAY);
        noClasses().that().resideInAnyPackage("org.peerpay.csv..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "org.peerpay.timesheets..", "org.peerpay.reference..", "org.peerpay.cli..")
                .check(PEERPAY);
    }

    @Test
    void statutoryCalculationsArePureJava() {
        noClasses().that().resideInAPackage("org.peerpay.statutory..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.peerpay.timesheets..", "org.peerpay.reference..", "org.peerpay.cli..",
                        "org.peerpay.system..")
                .check(PEERPAY);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("org.peerpay.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(PEERPAY);
    }
}
