package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.QT;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.iface;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Semantic types and units: native in DTDL v2 (Telemetry and Property), through the
 * QuantitativeTypes extension in v3 (also Field, MapValue, CommandRequest, CommandResponse).
 */
class SemanticTypeRulesTest {
  private static final String A = "dtmi:ex:A;1";
  private static final String T = "dtmi:ex:A:_contents:__t;1";

  private static String v3qt(String... contents) {
    return iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\"]", A, contents);
  }

  private static String temperature(String schema, String unitMember) {
    return "{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"t\", \"schema\": \"" + schema + "\"" + unitMember + "}";
  }

  private static Quantity quantity(Models m, String name) {
    return ((SchemaField) m.require(A).content(name).orElseThrow()).quantity().orElseThrow();
  }

  // ---- valid uses ----

  @Test
  void v3TelemetryWithSemanticTypeAndUnitHasAQuantity() {
    Models m = valid(v3qt(temperature("double", ", \"unit\": \"degreeCelsius\"")));
    assertThat(quantity(m, "t")).isEqualTo(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius"));
  }

  @Test
  void v2NativeSemanticTypeHasAQuantity() {
    Models m = valid(v2(A, temperature("float", ", \"unit\": \"kelvin\"")));
    assertThat(quantity(m, "t")).isEqualTo(new Quantity("Temperature", "TemperatureUnit", "kelvin"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"double", "float", "integer", "long"})
  void numericSchemasTakeSemanticTypes(String schema) {
    valid(v3qt(temperature(schema, ", \"unit\": \"degreeFahrenheit\"")));
    valid(v2(A, temperature(schema, ", \"unit\": \"degreeFahrenheit\"")));
  }

  @Test
  void v3SemanticTypesApplyToFieldsMapValuesAndPayloads() {
    String text = v3qt(
        "{\"@type\": \"Telemetry\", \"name\": \"pos\", \"schema\": {\"@type\": \"Object\", \"fields\": ["
            + "{\"@type\": [\"Field\", \"Distance\"], \"name\": \"x\", \"schema\": \"double\", \"unit\": \"metre\"}]}}",
        "{\"@type\": \"Property\", \"name\": \"temps\", \"schema\": {\"@type\": \"Map\", \"mapKey\": {\"name\": \"room\", \"schema\": \"string\"}, "
            + "\"mapValue\": {\"@type\": [\"MapValue\", \"Temperature\"], \"name\": \"temp\", \"schema\": \"double\", \"unit\": \"degreeCelsius\"}}}",
        "{\"@type\": \"Command\", \"name\": \"wait\", \"request\": {\"@type\": [\"CommandRequest\", \"TimeSpan\"], \"name\": \"for\", \"schema\": \"integer\", \"unit\": \"second\"}}");
    Interface a = valid(text).require(A);
    ObjectSchema pos = (ObjectSchema) ((Telemetry) a.content("pos").orElseThrow()).schema();
    assertThat(pos.field("x").orElseThrow().quantity()).hasValue(new Quantity("Distance", "LengthUnit", "metre"));
    MapSchema temps = (MapSchema) ((Property) a.content("temps").orElseThrow()).schema();
    assertThat(temps.mapValue().quantity()).hasValue(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius"));
    CommandPayload request = ((Command) a.content("wait").orElseThrow()).request().orElseThrow();
    assertThat(request.quantity()).hasValue(new Quantity("TimeSpan", "TimeUnit", "second"));
  }

  @Test
  void v2SemanticTypeAndUnitMayBeWrittenAsDtmis() {
    // DTDL v2 "Semantic types" table: type DTMI dtmi:standard:class:Temperature;2, unit DTMI dtmi:standard:unit:degreeCelsius;2
    Models m = valid(v2(A, "{\"@type\": [\"Telemetry\", \"dtmi:standard:class:Temperature;2\"], \"name\": \"t\", \"schema\": \"double\", "
        + "\"unit\": \"dtmi:standard:unit:degreeCelsius;2\"}"));
    assertThat(quantity(m, "t").unit()).isEqualTo("degreeCelsius");
    assertThat(quantity(m, "t").semanticType()).isEqualTo("Temperature");
  }

  @Test
  void elementsWithoutSemanticTypeHaveNoQuantity() {
    Models m = valid(v3qt("{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}"));
    assertThat(((Telemetry) m.require(A).content("t").orElseThrow()).quantity()).isEmpty();
  }

  // ---- UNIT_REQUIRED ----

  @Test
  void semanticTypeWithoutUnitIsUnitRequiredInV3() {
    only(errors(v3qt(temperature("double", ""))), ErrorCode.UNIT_REQUIRED, IN0, 5, "/contents/0", T);
  }

  @Test
  void semanticTypeWithoutUnitIsUnitRequiredInV2() {
    only(errors(v2(A, temperature("double", ""))), ErrorCode.UNIT_REQUIRED, IN0, 5, "/contents/0", T);
  }

  // ---- UNIT_INVALID ----

  @Test
  void unitOfAnotherUnitTypeIsInvalid() {
    only(errors(v3qt(temperature("double", ", \"unit\": \"metre\""))), ErrorCode.UNIT_INVALID, IN0, 5, "/contents/0/unit", T);
    only(errors(v2(A, temperature("double", ", \"unit\": \"metre\""))), ErrorCode.UNIT_INVALID, IN0, 5, "/contents/0/unit", T);
  }

  @Test
  void unknownUnitIsInvalid() {
    only(errors(v3qt(temperature("double", ", \"unit\": \"degreesCelsius\""))), ErrorCode.UNIT_INVALID, IN0, 5,
        "/contents/0/unit", T);
  }

  @Test
  void unitThatIsNotAStringIsRejectedAtTheUnit() {
    List<ModelError> errors = errors(v3qt(temperature("double", ", \"unit\": 5")));
    assertThat(errors).as(render(errors)).hasSize(1);
    assertThat(errors.get(0).code()).isIn(ErrorCode.UNIT_INVALID, ErrorCode.MEMBER_TYPE);
    assertThat(errors.get(0).pointer()).isEqualTo("/contents/0/unit");
  }

  @Test
  void v2UnitWithoutSemanticTypeIsInvalid() {
    String text = v2(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"unit\": \"degreeCelsius\"}");
    only(errors(text), ErrorCode.UNIT_INVALID, IN0, 5, "/contents/0/unit", T);
  }

  @Test
  void v3UnitWithoutSemanticTypeIsRejectedAtTheUnit() {
    String text = v3qt("{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"unit\": \"degreeCelsius\"}");
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).hasSize(1);
    assertThat(errors.get(0).code()).as("no semantic type: an invalid unit, or a member the element does not have")
        .isIn(ErrorCode.UNIT_INVALID, ErrorCode.MEMBER_UNKNOWN);
    assertThat(errors.get(0).pointer()).isEqualTo("/contents/0/unit");
    assertThat(errors.get(0).line()).isEqualTo(5);
    assertThat(errors.get(0).dtmi()).isEqualTo(T);
  }

  // ---- SEMANTIC_TYPE_SCHEMA ----

  @ParameterizedTest
  @ValueSource(strings = {"string", "boolean", "dateTime", "duration"})
  void semanticTypeOnANonNumericSchemaIsRejected(String schema) {
    only(errors(v3qt(temperature(schema, ", \"unit\": \"degreeCelsius\""))), ErrorCode.SEMANTIC_TYPE_SCHEMA, IN0, 5,
        "/contents/0/schema", T);
    only(errors(v2(A, temperature(schema, ", \"unit\": \"degreeCelsius\""))), ErrorCode.SEMANTIC_TYPE_SCHEMA, IN0, 5,
        "/contents/0/schema", T);
  }

  @Test
  void semanticTypeOnAnObjectSchemaIsRejected() {
    String text = v3qt("{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"t\", \"unit\": \"kelvin\", "
        + "\"schema\": {\"@type\": \"Object\", \"fields\": [{\"name\": \"v\", \"schema\": \"double\"}]}}");
    only(errors(text), ErrorCode.SEMANTIC_TYPE_SCHEMA, IN0, 5, "/contents/0/schema", T);
  }

  @Test
  void semanticTypeErrorsOfSeveralElementsAreAllReported() {
    String text = v3qt(
        temperature("double", ""),
        "{\"@type\": [\"Property\", \"Temperature\"], \"name\": \"p\", \"schema\": \"double\", \"unit\": \"metre\"}",
        "{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"s\", \"schema\": \"string\", \"unit\": \"kelvin\"}");
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).extracting(ModelError::code)
        .containsExactly(ErrorCode.UNIT_REQUIRED, ErrorCode.UNIT_INVALID, ErrorCode.SEMANTIC_TYPE_SCHEMA);
    assertThat(errors).extracting(ModelError::line).containsExactly(5, 6, 7);
    assertThat(errors).extracting(ModelError::dtmi)
        .containsExactly(T, "dtmi:ex:A:_contents:__p;1", "dtmi:ex:A:_contents:__s;1");
  }
}
