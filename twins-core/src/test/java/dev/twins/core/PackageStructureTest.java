package dev.twins.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of twins-core: API packages on top, implementation hidden in {@code internal}. */
class PackageStructureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.twins.core");

  @Test
  void publicClassesOfInternalAreFinal() {
    classes().that().resideInAPackage("dev.twins.core.internal..").and().arePublic()
        .and().areTopLevelClasses().and().areNotInterfaces().and().areNotEnums().and().areNotRecords()
        .should().haveModifier(JavaModifier.FINAL)
        .check(CLASSES);
  }

  @Test
  void internalCodeDoesNotDependOnTheCommandLineOrLaterModules() {
    noClasses().that().resideInAPackage("dev.twins.core..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.twins.cli..", "dev.twins.query..",
            "dev.twins.persistence..")
        .check(CLASSES);
  }

  @Test
  void theModelApiReachesIntoInternalOnlyThroughItsEntryPoints() {
    classes().that().resideInAPackage("dev.twins.core.model")
        .and().haveSimpleNameNotEndingWith("Parser").and().doNotHaveSimpleName("Schema")
        .should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.twins.core.internal..")
        .check(CLASSES);
  }
}
