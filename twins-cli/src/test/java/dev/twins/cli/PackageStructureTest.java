package dev.twins.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of the command line module. */
class PackageStructureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.twins.cli");

  @Test
  void publicClassesOfInternalAreFinal() {
    classes().that().resideInAPackage("dev.twins.cli.internal..").and().arePublic()
        .and().areTopLevelClasses().should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
        .check(CLASSES);
  }

  @Test
  void theCommandLineUsesOnlyThePublicApiOfCore() {
    noClasses().that().resideInAPackage("dev.twins.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.twins.core.internal..")
        .check(CLASSES);
  }

  @Test
  void theApiPackageHasOnlyTheEntryPoint() {
    classes().that().resideInAPackage("dev.twins.cli").and().arePublic()
        .should().haveSimpleName("TwinsCommand")
        .check(CLASSES);
  }
}
