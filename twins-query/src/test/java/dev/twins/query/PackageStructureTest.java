package dev.twins.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of twins-query: API on top, implementation in {@code internal}, core only through its API. */
class PackageStructureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.twins.query");

  @Test
  void publicClassesOfInternalAreFinal() {
    classes().that().resideInAPackage("dev.twins.query.internal..").and().arePublic()
        .and().areTopLevelClasses().and().areNotInterfaces().and().areNotEnums().and().areNotRecords()
        .should().haveModifier(JavaModifier.FINAL)
        .check(CLASSES);
  }

  @Test
  void usesOnlyThePublicApiOfCore() {
    noClasses().that().resideInAPackage("dev.twins.query..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.twins.core.internal..", "dev.twins.cli..")
        .check(CLASSES);
  }
}
