package dev.twins.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of the persistence module. */
class PackageStructureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.twins.persistence");

  @Test
  void publicClassesOfInternalAreFinal() {
    classes().that().resideInAPackage("dev.twins.persistence.internal..").and().arePublic()
        .and().areTopLevelClasses().and().areNotInterfaces().should().haveModifier(JavaModifier.FINAL)
        .check(CLASSES);
  }

  @Test
  void persistenceUsesOnlyThePublicApiOfCore() {
    // besides the compact state access that core exports to this module alone, for snapshot records
    noClasses().that().resideInAPackage("dev.twins.persistence..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.twins.core.internal..")
            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("dev.twins.core.internal.snapshot"))))
        .check(CLASSES);
  }

  @Test
  void theApiDoesNotDependOnJgrapht() {
    noClasses().that().resideInAPackage("dev.twins.persistence")
        .should().dependOnClassesThat().resideInAPackage("org.jgrapht.nio..")
        .check(CLASSES);
  }
}
