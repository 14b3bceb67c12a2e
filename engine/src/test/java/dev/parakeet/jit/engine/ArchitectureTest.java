package dev.parakeet.jit.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is the pure core: no I/O, no network, no database, no framework. Its only
 * dependencies beyond the JDK's core packages are annotations (JSON names, validation bounds).
 */
@AnalyzeClasses(packages = "dev.parakeet.jit.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheJdkCoreAndAnnotations =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.parakeet.jit.engine..",
              "java.lang..",
              "java.util..",
              "java.time..",
              "java.math..",
              "com.fasterxml.jackson.annotation..",
              "jakarta.validation..")
          .because("the engine is a pure core; adapters live in their own modules");

  @ArchTest
  static final ArchRule noIoNetworkOrDatabase =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..", "java.lang.reflect..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.lang.System$Logger")
          .because("I/O belongs to adapters behind ports");

  @ArchTest
  static final ArchRule onlyAnnotationsFromValidation =
      noClasses()
          .should()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("jakarta.validation..")
                  .and(DescribedPredicate.describe("are not annotations", c -> !c.isAnnotation())))
          .because("validation is run by the wire module; the core only declares bounds");

  @ArchTest
  static final ArchRule coreDoesNotReachIntoStrategies =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.parakeet.jit.engine.model..", "dev.parakeet.jit.engine.calc..", "dev.parakeet.jit.engine.session..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.parakeet.jit.engine.strategy..", "dev.parakeet.jit.engine.constraint..")
          .because("the model and calculators are the bottom layer");

  @ArchTest
  static final ArchRule portsDependOnlyOnTheModel =
      noClasses()
          .that()
          .resideInAPackage("dev.parakeet.jit.engine.port..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.parakeet.jit.engine.calc..",
              "dev.parakeet.jit.engine.session..",
              "dev.parakeet.jit.engine.strategy..",
              "dev.parakeet.jit.engine.constraint..")
          .because("a port is the core's contract with an adapter: it speaks the model's values only");

  /**
   * Every output passed the constraint layer, by construction: only the pipeline runs the hard
   * constraints, only the hard constraints start a generated output, and nothing outside the model
   * calls its constructor. A strategy proposes drafts and cannot hand out a session of its own.
   */
  @ArchTest
  static final ArchRule onlyThePipelineRunsTheConstraints =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.parakeet.jit.engine.strategy.SessionGenerator")
          .and()
          .resideOutsideOfPackage("dev.parakeet.jit.engine.constraint..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.parakeet.jit.engine.constraint.HardConstraints")
          .because("SessionGenerator is the one place that turns every draft into an output");

  @ArchTest
  static final ArchRule onlyTheConstraintsStartAnOutput =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.parakeet.jit.engine.constraint..")
          .should()
          .callMethod(
              dev.parakeet.jit.engine.model.JitOutput.class,
              "generated",
              String.class,
              java.time.Instant.class,
              dev.parakeet.jit.engine.model.JitStrategy.class)
          .orShould()
          .callConstructorWhere(
              DescribedPredicate.describe(
                  "the JitOutput constructor outside the model package",
                  call ->
                      call.getTargetOwner().isEquivalentTo(dev.parakeet.jit.engine.model.JitOutput.class)
                          && !call.getOriginOwner().getPackageName().equals("dev.parakeet.jit.engine.model")))
          .because("a session reaches a caller only through the hard constraints");
}

