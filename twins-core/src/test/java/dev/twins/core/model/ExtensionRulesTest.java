package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.ANNOTATION;
import static dev.twins.core.model.ModelTesting.HIST;
import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.OVERRIDING;
import static dev.twins.core.model.ModelTesting.QT;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.iface;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The feature extensions: Historization, Annotation ({@code annotates}) and Overriding ({@code overrides}). */
class ExtensionRulesTest {
  private static final String A = "dtmi:ex:A;1";
  private static final String ALL = "[\"dtmi:dtdl:context;3\", \"" + QT + "\", \"" + ANNOTATION + "\", \"" + OVERRIDING + "\"]";
  private static final String CURRENT_TEMP = "{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"currentTemp\", \"schema\": \"double\", \"unit\": \"degreeFahrenheit\"}";

  // ---- Historization ----

  @Test
  void historizedPropertyAndTelemetryKeepTheCoType() {
    Models m = valid(iface("[\"dtmi:dtdl:context;3\", \"" + HIST + "\"]", A,
        "{\"@type\": [\"Property\", \"Historized\"], \"name\": \"p\", \"schema\": \"double\"}",
        "{\"@type\": [\"Telemetry\", \"Historized\"], \"name\": \"t\", \"schema\": \"double\"}"));
    assertThat(m.require(A).content("p").orElseThrow().coTypes()).containsExactly("Historized");
    assertThat(m.require(A).content("t").orElseThrow().coTypes()).containsExactly("Historized");
  }

  @Test
  void historizedWithoutItsContextIsUndefinedInV3() {
    only(errors(iface("dtmi:dtdl:context;3", A, "{\"@type\": [\"Property\", \"Historized\"], \"name\": \"p\", \"schema\": \"double\"}")),
        ErrorCode.COTYPE_UNDEFINED, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__p;1");
  }

  @Test
  void historizedOnACommandIsNotApplicable() {
    only(errors(iface("[\"dtmi:dtdl:context;3\", \"" + HIST + "\"]", A, "{\"@type\": [\"Command\", \"Historized\"], \"name\": \"c\"}")),
        ErrorCode.COTYPE_NOT_APPLICABLE, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__c;1");
  }

  // ---- Annotation: ANNOTATES_INVALID (a warning) ----

  @Test
  void annotationOfASiblingIsValidWithoutWarnings() {
    Models m = valid(iface(ALL, A, CURRENT_TEMP,
        "{\"@type\": [\"Telemetry\", \"ValueAnnotation\"], \"name\": \"accuracy\", \"annotates\": \"currentTemp\", \"schema\": \"double\"}",
        "{\"@type\": [\"Property\", \"ValueAnnotation\"], \"name\": \"calibrated\", \"annotates\": \"currentTemp\", \"schema\": \"date\", \"writable\": true}"));
    Content accuracy = m.require(A).content("accuracy").orElseThrow();
    assertThat(accuracy.coTypes()).containsExactly("ValueAnnotation");
    assertThat(accuracy.otherProperty("annotates")).hasValueSatisfying(v -> assertThat(v.asString()).isEqualTo("currentTemp"));
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void annotationOfAnInheritedContentIsValid() {
    String base = iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\"]", "dtmi:ex:Base;1", CURRENT_TEMP);
    String sensor = iface(ALL, A,
        "{\"@type\": [\"Telemetry\", \"ValueAnnotation\"], \"name\": \"accuracy\", \"annotates\": \"currentTemp\", \"schema\": \"double\"}")
        .replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"dtmi:ex:Base;1\",");
    Models m = valid(base, sensor);
    assertThat(m.warnings()).isEmpty();
    assertThat(m.require(A).contents()).containsOnlyKeys("currentTemp", "accuracy");
  }

  @Test
  void annotationOfNothingIsAWarningNotAnError() {
    // The Annotation extension says "annotates" must match the name of a sibling; the parser accepts
    // the set (as the reference tooling does) and reports ANNOTATES_INVALID in Models.warnings().
    String text = iface(ALL, A, CURRENT_TEMP,
        "{\"@type\": [\"Telemetry\", \"ValueAnnotation\"], \"name\": \"accuracy\", \"annotates\": \"nothing\", \"schema\": \"double\"}");
    Models m = valid(text);
    only(m.warnings(), ErrorCode.ANNOTATES_INVALID, IN0, 6, "/contents/1/annotates", "dtmi:ex:A:_contents:__accuracy;1");
  }

  @Test
  void annotationOfACommandIsAWarning() {
    String text = iface(ALL, A, "{\"@type\": \"Command\", \"name\": \"reset\"}",
        "{\"@type\": [\"Property\", \"ValueAnnotation\"], \"name\": \"note\", \"annotates\": \"reset\", \"schema\": \"string\"}");
    only(valid(text).warnings(), ErrorCode.ANNOTATES_INVALID, IN0, 6, "/contents/1/annotates", "dtmi:ex:A:_contents:__note;1");
  }

  @Test
  void valueAnnotationWithoutAnnotatesIsMemberRequired() {
    String text = iface(ALL, A, CURRENT_TEMP, "{\"@type\": [\"Telemetry\", \"ValueAnnotation\"], \"name\": \"accuracy\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 6, "/contents/1", "dtmi:ex:A:_contents:__accuracy;1");
  }

  @Test
  void annotatesWithoutValueAnnotationIsUnknown() {
    String text = iface(ALL, A, CURRENT_TEMP, "{\"@type\": \"Telemetry\", \"name\": \"accuracy\", \"annotates\": \"currentTemp\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.MEMBER_UNKNOWN, IN0, 6, "/contents/1/annotates", "dtmi:ex:A:_contents:__accuracy;1");
  }

  // ---- Overriding: OVERRIDES_INVALID ----

  private static final String OVERRIDE_UNIT = "{\"@type\": [\"Property\", \"ValueAnnotation\", \"Override\"], \"name\": \"currentTempUnit\", "
      + "\"annotates\": \"currentTemp\", \"overrides\": \"unit\", \"schema\": \"TemperatureUnit\", \"writable\": true}";

  @Test
  void overrideOfTheUnitIsValid() {
    Models m = valid(iface(ALL, A, CURRENT_TEMP, OVERRIDE_UNIT));
    Content o = m.require(A).content("currentTempUnit").orElseThrow();
    assertThat(o.coTypes()).containsExactly("ValueAnnotation", "Override");
    assertThat(o.otherProperty("overrides")).hasValueSatisfying(v -> assertThat(v.asString()).isEqualTo("unit"));
  }

  @Test
  void overrideOfAnInheritedTelemetryIsValid() {
    String base = iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\"]", "dtmi:ex:Base;1", CURRENT_TEMP);
    String sensor = iface(ALL, A, OVERRIDE_UNIT)
        .replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"dtmi:ex:Base;1\",");
    valid(base, sensor);
  }

  @Test
  void overrideOfAPropertyTheElementDoesNotHaveIsInvalid() {
    String text = iface(ALL, A, CURRENT_TEMP, OVERRIDE_UNIT.replace("\"overrides\": \"unit\"", "\"overrides\": \"color\""));
    only(errors(text), ErrorCode.OVERRIDES_INVALID, IN0, 6, "/contents/1/overrides", "dtmi:ex:A:_contents:__currentTempUnit;1");
  }

  @Test
  void overrideWithASchemaOtherThanTheUnitTypeIsInvalid() {
    String text = iface(ALL, A, CURRENT_TEMP, OVERRIDE_UNIT.replace("\"schema\": \"TemperatureUnit\"", "\"schema\": \"string\""));
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.OVERRIDES_INVALID);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.pointer()).isIn("/contents/1/schema", "/contents/1/overrides");
    assertThat(e.dtmi()).isEqualTo("dtmi:ex:A:_contents:__currentTempUnit;1");
  }

  @Test
  void overrideWithoutValueAnnotationIsInvalid() {
    String text = iface(ALL, A, CURRENT_TEMP,
        "{\"@type\": [\"Property\", \"Override\"], \"name\": \"currentTempUnit\", \"overrides\": \"unit\", \"schema\": \"TemperatureUnit\"}");
    List<ModelError> errors = errors(text);
    List<ModelError> overrides = ModelTesting.withCode(errors, ErrorCode.OVERRIDES_INVALID);
    assertThat(overrides).as(render(errors)).hasSize(1);
    ModelError e = overrides.get(0);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.pointer()).as("the Override co-type, the overrides member or the element").startsWith("/contents/1");
    assertThat(e.dtmi()).isEqualTo("dtmi:ex:A:_contents:__currentTempUnit;1");
  }

  @Test
  void overrideWithoutTheOverridingContextIsUndefined() {
    String ctx = "[\"dtmi:dtdl:context;3\", \"" + QT + "\", \"" + ANNOTATION + "\"]";
    // "overrides" is then an undefined member too (MEMBER_UNKNOWN), which may be reported beside it
    ModelTesting.one(errors(iface(ctx, A, CURRENT_TEMP, OVERRIDE_UNIT)), ErrorCode.COTYPE_UNDEFINED, IN0, 6, "/contents/1/@type/2",
        "dtmi:ex:A:_contents:__currentTempUnit;1");
  }

  @Test
  void extensionErrorsInTwoSourcesAreAllReported() {
    String a = iface(ALL, A, CURRENT_TEMP, OVERRIDE_UNIT.replace("\"overrides\": \"unit\"", "\"overrides\": \"color\""));
    String b = iface("[\"dtmi:dtdl:context;3\", \"" + HIST + "\"]", "dtmi:ex:B;1", "{\"@type\": [\"Command\", \"Historized\"], \"name\": \"c\"}");
    List<ModelError> errors = errors(a, b);
    assertThat(errors).as(render(errors)).extracting(ModelError::code)
        .containsExactly(ErrorCode.OVERRIDES_INVALID, ErrorCode.COTYPE_NOT_APPLICABLE);
    assertThat(errors).extracting(ModelError::source).containsExactly(IN0, IN1);
  }
}
