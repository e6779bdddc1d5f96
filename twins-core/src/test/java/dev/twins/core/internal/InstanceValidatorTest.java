package dev.twins.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.model.ArraySchema;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.ElementInfo;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.EnumValue;
import dev.twins.core.model.Field;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.MapKey;
import dev.twins.core.model.MapSchema;
import dev.twins.core.model.MapValue;
import dev.twins.core.model.ObjectSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;
import dev.twins.core.model.ValueError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class InstanceValidatorTest {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  static List<ValueError> check(Schema schema, String jsonText) {
    return InstanceValidator.validate(schema, json(jsonText));
  }

  static ElementInfo info(String id) {
    return ElementInfo.of(Dtmi.of("dtmi:test:" + id + ";1"));
  }

  static Field field(String name, Schema schema) {
    return new Field(info("f" + name), name, schema, Optional.empty());
  }

  static ObjectSchema object(Field... fields) {
    return new ObjectSchema(info("o"), List.of(fields));
  }

  static MapSchema map(Schema valueSchema) {
    return new MapSchema(
        info("m"),
        new MapKey(info("mk"), "key"),
        new MapValue(info("mv"), "value", valueSchema, Optional.empty()));
  }

  static ArraySchema array(Schema element) {
    return new ArraySchema(info("a"), element);
  }

  static EnumSchema stringEnum(String... values) {
    List<EnumValue> list = new ArrayList<>();
    for (String v : values) {
      list.add(new EnumValue(info("e" + list.size()), "n" + list.size(), v));
    }
    return new EnumSchema(info("e"), PrimitiveSchema.STRING, list);
  }

  static EnumSchema intEnum(int... values) {
    List<EnumValue> list = new ArrayList<>();
    for (int v : values) {
      list.add(new EnumValue(info("e" + list.size()), "n" + list.size(), v));
    }
    return new EnumSchema(info("e"), PrimitiveSchema.INTEGER, list);
  }

  static List<String> pointers(List<ValueError> errors) {
    List<String> result = new ArrayList<>();
    for (ValueError e : errors) {
      result.add(e.pointer());
    }
    return result;
  }

  /** Asserts exactly one error, at the value itself, and returns it. */
  static ValueError singleError(Schema schema, String jsonText) {
    List<ValueError> errors = check(schema, jsonText);
    assertThat(errors).as("errors for %s against %s", jsonText, schema.describe()).hasSize(1);
    return errors.get(0);
  }

  // ---------------------------------------------------------------- primitives

  static Stream<Arguments> validPrimitives() {
    return Stream.of(
        Arguments.of(PrimitiveSchema.BOOLEAN, "true"),
        Arguments.of(PrimitiveSchema.BOOLEAN, "false"),
        Arguments.of(PrimitiveSchema.INTEGER, "0"),
        Arguments.of(PrimitiveSchema.INTEGER, "-2147483648"),
        Arguments.of(PrimitiveSchema.INTEGER, "2147483647"),
        Arguments.of(PrimitiveSchema.INTEGER, "2.0"),
        Arguments.of(PrimitiveSchema.INTEGER, "2e0"),
        Arguments.of(PrimitiveSchema.INTEGER, "-0.0"),
        Arguments.of(PrimitiveSchema.LONG, "9223372036854775807"),
        Arguments.of(PrimitiveSchema.LONG, "-9223372036854775808"),
        Arguments.of(PrimitiveSchema.LONG, "4.5e15"),
        Arguments.of(PrimitiveSchema.BYTE, "-128"),
        Arguments.of(PrimitiveSchema.BYTE, "127"),
        Arguments.of(PrimitiveSchema.SHORT, "-32768"),
        Arguments.of(PrimitiveSchema.SHORT, "32767"),
        Arguments.of(PrimitiveSchema.UNSIGNED_BYTE, "0"),
        Arguments.of(PrimitiveSchema.UNSIGNED_BYTE, "255"),
        Arguments.of(PrimitiveSchema.UNSIGNED_SHORT, "65535"),
        Arguments.of(PrimitiveSchema.UNSIGNED_INTEGER, "4294967295"),
        Arguments.of(PrimitiveSchema.UNSIGNED_LONG, "18446744073709551615"),
        Arguments.of(PrimitiveSchema.UNSIGNED_LONG, "9223372036854775807"),
        Arguments.of(PrimitiveSchema.UNSIGNED_LONG, "0"),
        Arguments.of(PrimitiveSchema.DOUBLE, "0"),
        Arguments.of(PrimitiveSchema.DOUBLE, "-1.5"),
        Arguments.of(PrimitiveSchema.DOUBLE, "1.7976931348623157e308"),
        Arguments.of(PrimitiveSchema.DOUBLE, "1e-400"),
        Arguments.of(PrimitiveSchema.DOUBLE, "123456789012345678901234567890"),
        Arguments.of(PrimitiveSchema.FLOAT, "1.5"),
        Arguments.of(PrimitiveSchema.FLOAT, "3.4028235e38"),
        Arguments.of(PrimitiveSchema.FLOAT, "-3.4028235e38"),
        Arguments.of(PrimitiveSchema.FLOAT, "1e-50"),
        Arguments.of(PrimitiveSchema.FLOAT, "9223372036854775807"),
        Arguments.of(PrimitiveSchema.DECIMAL, "12"),
        Arguments.of(PrimitiveSchema.DECIMAL, "12.5"),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"12.50\""),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"-0.5\""),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"+3\""),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"123456789012345678901234567890.123456789\""),
        Arguments.of(PrimitiveSchema.STRING, "\"\""),
        Arguments.of(PrimitiveSchema.STRING, "\"h\u00e9llo \ud83d\ude00\""),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-02-29\""),
        Arguments.of(PrimitiveSchema.DATE, "\"2000-02-29\""),
        Arguments.of(PrimitiveSchema.DATE, "\"0000-01-01\""),
        Arguments.of(PrimitiveSchema.DATE, "\"9999-12-31\""),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00\""),
        Arguments.of(PrimitiveSchema.TIME, "\"00:00:00\""),
        Arguments.of(PrimitiveSchema.TIME, "\"23:59:59.999999999999\""),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00Z\""),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00z\""),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00+02:00\""),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00.5-05:30\""),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01T13:45:00Z\""),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01t13:45:00z\""),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01T13:45:00.123+02:00\""),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-02-29T00:00:00-00:00\""),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-12-31T23:59:59.1234567Z\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1Y\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1M\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT1M\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1DT2H\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1Y2M3DT4H5M6S\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT0.5S\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT1,5S\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT1H30.5M\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1.5Y\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P2W\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"P0D\""),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT36H\""),
        Arguments.of(PrimitiveSchema.UUID, "\"123e4567-e89b-12d3-a456-426614174000\""),
        Arguments.of(PrimitiveSchema.UUID, "\"123E4567-E89B-12D3-A456-426614174000\""),
        Arguments.of(PrimitiveSchema.BYTES, "\"\""),
        Arguments.of(PrimitiveSchema.BYTES, "\"AQID\""),
        Arguments.of(PrimitiveSchema.BYTES, "\"AA==\""),
        Arguments.of(PrimitiveSchema.BYTES, "\"AAA=\""),
        Arguments.of(PrimitiveSchema.BYTES, "\"AA\""),
        Arguments.of(PrimitiveSchema.BYTES, "\"+/+/\""));
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @MethodSource("validPrimitives")
  void primitivesAcceptValidValues(PrimitiveSchema schema, String jsonText) {
    assertThat(check(schema, jsonText)).isEmpty();
  }

  static Stream<Arguments> invalidPrimitives() {
    return Stream.of(
        // schema, value, a piece of the message
        Arguments.of(PrimitiveSchema.BOOLEAN, "\"true\"", "write booleans without quotes"),
        Arguments.of(PrimitiveSchema.BOOLEAN, "1", "got number 1"),
        Arguments.of(PrimitiveSchema.INTEGER, "2147483648", "out of range for integer (-2147483648 to 2147483647)"),
        Arguments.of(PrimitiveSchema.INTEGER, "-2147483649", "out of range for integer"),
        Arguments.of(PrimitiveSchema.INTEGER, "2.5", "not a whole number"),
        Arguments.of(PrimitiveSchema.INTEGER, "1e300", "too large to be exact"),
        Arguments.of(PrimitiveSchema.INTEGER, "\"1\"", "write numbers without quotes"),
        Arguments.of(PrimitiveSchema.INTEGER, "true", "got boolean true"),
        Arguments.of(PrimitiveSchema.INTEGER, "[1]", "got array [1]"),
        Arguments.of(PrimitiveSchema.LONG, "9223372036854775808", "out of range for long"),
        Arguments.of(PrimitiveSchema.LONG, "-9223372036854775809", "out of range for long"),
        Arguments.of(PrimitiveSchema.LONG, "1e18", "write long values as integer literals"),
        Arguments.of(PrimitiveSchema.BYTE, "128", "out of range for byte (-128 to 127)"),
        Arguments.of(PrimitiveSchema.BYTE, "-129", "out of range for byte"),
        Arguments.of(PrimitiveSchema.SHORT, "32768", "out of range for short (-32768 to 32767)"),
        Arguments.of(PrimitiveSchema.UNSIGNED_BYTE, "-1", "out of range for unsignedByte (0 to 255)"),
        Arguments.of(PrimitiveSchema.UNSIGNED_BYTE, "256", "out of range for unsignedByte"),
        Arguments.of(PrimitiveSchema.UNSIGNED_SHORT, "65536", "out of range for unsignedShort (0 to 65535)"),
        Arguments.of(PrimitiveSchema.UNSIGNED_INTEGER, "4294967296", "out of range for unsignedInteger (0 to 4294967295)"),
        Arguments.of(PrimitiveSchema.UNSIGNED_INTEGER, "-1", "out of range for unsignedInteger"),
        Arguments.of(PrimitiveSchema.UNSIGNED_LONG, "18446744073709551616", "(0 to 18446744073709551615)"),
        Arguments.of(PrimitiveSchema.UNSIGNED_LONG, "-1", "out of range for unsignedLong"),
        Arguments.of(PrimitiveSchema.UNSIGNED_LONG, "-1.0", "out of range for unsignedLong"),
        Arguments.of(PrimitiveSchema.DOUBLE, "1e400", "not a finite number"),
        Arguments.of(PrimitiveSchema.DOUBLE, "\"1.5\"", "write numbers without quotes"),
        Arguments.of(PrimitiveSchema.FLOAT, "3.5e38", "out of range for float"),
        Arguments.of(PrimitiveSchema.FLOAT, "1e39", "out of range for float"),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"1e5\"", "exponents are not allowed"),
        Arguments.of(PrimitiveSchema.DECIMAL, "\".5\"", "expected digits"),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"5.\"", "expected digits after the decimal point"),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"abc\"", "not a valid decimal"),
        Arguments.of(PrimitiveSchema.DECIMAL, "\"\"", "not a valid decimal"),
        Arguments.of(PrimitiveSchema.DECIMAL, "true", "got boolean true"),
        Arguments.of(PrimitiveSchema.STRING, "1", "expected string, got number 1"),
        Arguments.of(PrimitiveSchema.STRING, "\"a\\ud800b\"", "unpaired surrogate at index 1"),
        Arguments.of(PrimitiveSchema.STRING, "{}", "got object {}"),
        Arguments.of(PrimitiveSchema.DATE, "\"2023-02-29\"", "day 29 does not exist in 2023-02"),
        Arguments.of(PrimitiveSchema.DATE, "\"1900-02-29\"", "day 29 does not exist in 1900-02"),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-04-31\"", "day 31 does not exist"),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-13-01\"", "month 13 does not exist"),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-00-10\"", "month 00 does not exist"),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-01-00\"", "day 00 does not exist"),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-1-01\"", "yyyy-MM-dd"),
        Arguments.of(PrimitiveSchema.DATE, "\"2024-01-01T00:00:00Z\"", "yyyy-MM-dd"),
        Arguments.of(PrimitiveSchema.DATE, "20240101", "got number"),
        Arguments.of(PrimitiveSchema.TIME, "\"24:00:00\"", "hour 24 is out of range"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45\"", "seconds are required"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:60:00\"", "minute 60 is out of range"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:61\"", "second 61 is out of range"),
        Arguments.of(PrimitiveSchema.TIME, "\"23:59:60\"", "leap seconds"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00+24:00\"", "offset hour 24"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00+02\"", "±hh:mm"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00.\"", "digits after the decimal point"),
        Arguments.of(PrimitiveSchema.TIME, "\"13:45:00 \"", "unexpected ' '"),
        Arguments.of(PrimitiveSchema.TIME, "\"1:45:00\"", "HH:mm:ss"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01T13:45:00\"", "offset is missing"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01 13:45:00Z\"", "not a space"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2023-02-29T00:00:00Z\"", "day 29 does not exist"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01T24:00:00Z\"", "hour 24"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01\"", "the time is missing"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "\"2024-05-01T13:45:00Zjunk\"", "after the offset"),
        Arguments.of(PrimitiveSchema.DATE_TIME, "1714571100", "got number"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P\"", "no components"),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT\"", "no components"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1DT\"", "T must be followed"),
        Arguments.of(PrimitiveSchema.DURATION, "\"1D\"", "starting with P"),
        Arguments.of(PrimitiveSchema.DURATION, "\"-P1D\"", "no sign"),
        Arguments.of(PrimitiveSchema.DURATION, "\"p1d\"", "upper case"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1S\"", "must follow T"),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT1.5H30M\"", "only the last component"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1W2D\"", "weeks (W) cannot be combined"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1M1Y\"", "out of order"),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT1H1H\"", "repeated"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1\"", "no designator"),
        Arguments.of(PrimitiveSchema.DURATION, "\"PT1.S\"", "digits after the decimal mark"),
        Arguments.of(PrimitiveSchema.DURATION, "\"P1DTT1H\"", "T appears twice"),
        Arguments.of(PrimitiveSchema.DURATION, "3600", "got number"),
        Arguments.of(PrimitiveSchema.UUID, "\"123e4567e89b12d3a456426614174000\"", "8-4-4-4-12"),
        Arguments.of(PrimitiveSchema.UUID, "\"123e4567-e89b-12d3-a456-42661417400g\"", "'g' at position 35"),
        Arguments.of(PrimitiveSchema.UUID, "\"123e4567+e89b-12d3-a456-426614174000\"", "expected '-' at position 8"),
        Arguments.of(PrimitiveSchema.BYTES, "\"A\"", "4k+1"),
        Arguments.of(PrimitiveSchema.BYTES, "\"AA=\"", "multiple of 4"),
        Arguments.of(PrimitiveSchema.BYTES, "\"A===\"", "at most two"),
        Arguments.of(PrimitiveSchema.BYTES, "\"AA==AA==\"", "only appear at the end"),
        Arguments.of(PrimitiveSchema.BYTES, "\"ab-_\"", "base64url"),
        Arguments.of(PrimitiveSchema.BYTES, "\"AA AA\"", "not a base64 character"),
        Arguments.of(PrimitiveSchema.BYTES, "[1,2]", "got array"));
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("invalidPrimitives")
  void primitivesRejectInvalidValues(PrimitiveSchema schema, String jsonText, String messagePart) {
    ValueError error = singleError(schema, jsonText);
    assertThat(error.pointer()).isEmpty();
    assertThat(error.expected()).isEqualTo(schema.term());
    assertThat(error.message()).contains(messagePart);
  }

  @ParameterizedTest
  @EnumSource(PrimitiveSchema.class)
  void nullIsNeverValid(PrimitiveSchema schema) {
    ValueError error = singleError(schema, "null");
    assertThat(error.message()).startsWith("expected " + schema.term() + ", got null").contains("never null");
  }

  @Test
  void nullIsInvalidForComplexAndGeospatialSchemas() {
    List<Schema> schemas = new ArrayList<>(List.of(GeospatialSchema.values()));
    schemas.addAll(List.of(object(), map(PrimitiveSchema.STRING), array(PrimitiveSchema.STRING), stringEnum("a"), intEnum(1)));
    for (Schema schema : schemas) {
      ValueError error = singleError(schema, "null");
      assertThat(error.pointer()).isEmpty();
      assertThat(error.message()).as(schema.describe()).contains("got null").contains("never null");
    }
  }

  @Test
  void messagesNameTheValueGiven() {
    ValueError error = singleError(PrimitiveSchema.DATE, "\"2023-02-29\"");
    assertThat(error.message()).isEqualTo("\"2023-02-29\" is not a valid date: day 29 does not exist in 2023-02");
    assertThat(error.toString()).isEqualTo("(value): " + error.message());
    assertThat(singleError(PrimitiveSchema.FLOAT, "1e39").message())
        .isEqualTo("1.0E39 is out of range for float (magnitude at most 3.4028235E38)");
    assertThat(singleError(PrimitiveSchema.BYTES, "\"ab\\ncd\"").message())
        .isEqualTo("\"ab\\ncd\" is not valid base64 for bytes: '\\u000a' at position 2 is not a base64 character");
    assertThat(singleError(PrimitiveSchema.LONG, "1e18").message())
        .isEqualTo("1.0E18 was read as a floating-point number too large to be exact; write long values as integer literals");
  }

  @Test
  void longValuesAreAbbreviated() {
    String longText = "x".repeat(500);
    ValueError error = singleError(PrimitiveSchema.INTEGER, "\"" + longText + "\"");
    assertThat(error.message()).contains("\"xxxxx").contains("...").hasSizeLessThan(120);

    StringBuilder bigArray = new StringBuilder("[");
    for (int i = 0; i < 10_000; i++) {
      bigArray.append(i == 0 ? "" : ",").append(i);
    }
    ValueError arrayError = singleError(PrimitiveSchema.STRING, bigArray.append(']').toString());
    assertThat(arrayError.message()).startsWith("expected string, got array [0,1,2,").endsWith("...").hasSizeLessThan(120);
  }

  @Test
  void nonFiniteNumbersFromJavaBuiltTreesAreRejected() {
    for (PrimitiveSchema schema : List.of(PrimitiveSchema.DOUBLE, PrimitiveSchema.FLOAT, PrimitiveSchema.DECIMAL, PrimitiveSchema.INTEGER, PrimitiveSchema.LONG)) {
      for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
        List<ValueError> errors = InstanceValidator.validate(schema, NODES.numberNode(d));
        assertThat(errors).as("%s %s", schema, d).hasSize(1);
        assertThat(errors.get(0).message()).contains("not a finite number").contains(String.valueOf(d));
      }
    }
    assertThat(InstanceValidator.validate(PrimitiveSchema.FLOAT, NODES.numberNode(Float.NaN))).hasSize(1);
  }

  @Test
  void bigNumberNodesAreCheckedExactly() {
    BigInteger huge = BigInteger.TEN.pow(400);
    assertThat(InstanceValidator.validate(PrimitiveSchema.DOUBLE, NODES.numberNode(huge)))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("out of range for double"));
    assertThat(InstanceValidator.validate(PrimitiveSchema.DOUBLE, NODES.numberNode(new BigDecimal("1e500")))).hasSize(1);
    assertThat(InstanceValidator.validate(PrimitiveSchema.DECIMAL, NODES.numberNode(new BigDecimal("1e500")))).isEmpty();
    assertThat(InstanceValidator.validate(PrimitiveSchema.LONG, NODES.numberNode(new BigDecimal("9223372036854775807.000")))).isEmpty();
    assertThat(InstanceValidator.validate(PrimitiveSchema.LONG, NODES.numberNode(new BigDecimal("9223372036854775808")))).hasSize(1);
    assertThat(InstanceValidator.validate(PrimitiveSchema.INTEGER, NODES.numberNode(new BigDecimal("2.50"))))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("not a whole number"));
    assertThat(InstanceValidator.validate(PrimitiveSchema.INTEGER, NODES.numberNode(new BigDecimal("0.000")))).isEmpty();
    assertThat(InstanceValidator.validate(PrimitiveSchema.UNSIGNED_LONG, NODES.numberNode(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)))).isEmpty();
    assertThat(InstanceValidator.validate(PrimitiveSchema.UNSIGNED_LONG, NODES.numberNode(BigInteger.ONE.shiftLeft(64)))).hasSize(1);
    assertThat(InstanceValidator.validate(PrimitiveSchema.SHORT, NODES.numberNode((short) 7))).isEmpty();
    assertThat(InstanceValidator.validate(PrimitiveSchema.FLOAT, NODES.numberNode(1.5f))).isEmpty();
  }

  @Test
  void bytesAcceptBinaryNodes() {
    assertThat(InstanceValidator.validate(PrimitiveSchema.BYTES, NODES.binaryNode(new byte[] {1, 2, 3}))).isEmpty();
    assertThat(InstanceValidator.validate(PrimitiveSchema.STRING, NODES.binaryNode(new byte[] {1})))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("binary data"));
  }

  @Test
  void missingAndPojoNodesAreRejected() {
    assertThat(InstanceValidator.validate(PrimitiveSchema.STRING, NODES.missingNode()))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("no value"));
    assertThat(InstanceValidator.validate(PrimitiveSchema.STRING, NODES.pojoNode(new Object())))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Java object"));
  }

  @Test
  void argumentsMustNotBeNull() {
    assertThatThrownBy(() -> InstanceValidator.validate(null, json("1"))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> InstanceValidator.validate(PrimitiveSchema.INTEGER, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void schemaValidateDelegates() {
    assertThat(PrimitiveSchema.INTEGER.validate(json("1"))).isEmpty();
    assertThat(object(field("a", PrimitiveSchema.INTEGER)).validate(json("{\"a\": \"x\"}")))
        .extracting(ValueError::pointer)
        .containsExactly("/a");
  }

  @Test
  void resultsAreImmutable() {
    List<ValueError> errors = check(object(field("a", PrimitiveSchema.INTEGER)), "{\"a\": \"x\", \"b\": 1}");
    assertThat(errors).hasSize(2);
    assertThatThrownBy(() -> errors.add(errors.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> check(PrimitiveSchema.INTEGER, "\"x\"").clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- enums

  @Nested
  class Enums {
    @Test
    void stringEnums() {
      EnumSchema onOff = stringEnum("on", "off");
      assertThat(check(onOff, "\"on\"")).isEmpty();
      assertThat(check(onOff, "\"off\"")).isEmpty();

      ValueError wrongValue = singleError(onOff, "\"On\"");
      assertThat(wrongValue.expected()).isEqualTo("one of [on, off]");
      assertThat(wrongValue.message()).isEqualTo("\"On\" is not one of the Enum's values");

      ValueError wrongType = singleError(onOff, "1");
      assertThat(wrongType.expected()).isEqualTo("one of [on, off]");
      assertThat(wrongType.message()).isEqualTo("expected one of [on, off], got number 1");
    }

    @Test
    void integerEnums() {
      EnumSchema levels = intEnum(1, 2, -3);
      assertThat(check(levels, "1")).isEmpty();
      assertThat(check(levels, "-3")).isEmpty();
      assertThat(check(levels, "2.0")).isEmpty();

      ValueError wrongValue = singleError(levels, "4");
      assertThat(wrongValue.expected()).isEqualTo("one of [1, 2, -3]");
      assertThat(wrongValue.message()).isEqualTo("4 is not one of the Enum's values");

      assertThat(singleError(levels, "\"1\"").message()).contains("got string \"1\"").contains("without quotes");
      assertThat(singleError(levels, "1.5").message()).contains("not a whole number");
      assertThat(singleError(levels, "4294967297").message()).contains("out of range for integer");
    }

    @Test
    void emptyEnumAcceptsNothing() {
      EnumSchema empty = stringEnum();
      ValueError error = singleError(empty, "\"a\"");
      assertThat(error.expected()).contains("declares none");
    }

    @Test
    void manyValuesAreAbbreviatedInExpected() {
      String[] values = new String[40];
      for (int i = 0; i < values.length; i++) {
        values[i] = "value" + i;
      }
      ValueError error = singleError(stringEnum(values), "\"nope\"");
      assertThat(error.expected()).startsWith("one of [value0, value1,").endsWith("more)]").hasSizeLessThan(160);
    }
  }

  // ---------------------------------------------------------------- complex schemas

  @Nested
  class Complex {
    @Test
    void objectFieldsAreOptionalButMustBeDeclared() {
      ObjectSchema point = object(field("x", PrimitiveSchema.DOUBLE), field("y", PrimitiveSchema.DOUBLE));
      assertThat(check(point, "{\"x\": 1.5, \"y\": 2}")).isEmpty();
      assertThat(check(point, "{\"x\": 1.5}")).isEmpty();
      assertThat(check(point, "{}")).isEmpty();

      ValueError undeclared = singleError(point, "{\"x\": 1, \"z\": 3}");
      assertThat(undeclared.pointer()).isEqualTo("/z");
      assertThat(undeclared.message()).isEqualTo("field \"z\" is not declared by the Object schema");
      assertThat(undeclared.expected()).isEqualTo("one of the declared fields [x, y]");

      ValueError notObject = singleError(point, "[1, 2]");
      assertThat(notObject.pointer()).isEmpty();
      assertThat(notObject.expected()).isEqualTo("Object");
      assertThat(notObject.message()).isEqualTo("expected Object, got array [1,2]");
    }

    @Test
    void objectWithoutFieldsAcceptsOnlyTheEmptyObject() {
      assertThat(check(object(), "{}")).isEmpty();
      assertThat(singleError(object(), "{\"a\": 1}").expected()).contains("declares none");
    }

    @Test
    void nestedErrorsCarryExactPointers() {
      // {a: {b: [ {c: integer} ]}}
      ObjectSchema inner = object(field("c", PrimitiveSchema.INTEGER));
      ObjectSchema schema = object(field("a", object(field("b", array(inner)))));
      List<ValueError> errors = check(schema, "{\"a\": {\"b\": [{\"c\": 1}, {}, {\"c\": \"two\"}, {\"c\": 3, \"d\": 4}]}}");
      assertThat(pointers(errors)).containsExactly("/a/b/2/c", "/a/b/3/d");
      assertThat(errors.get(0).expected()).isEqualTo("integer");
      assertThat(errors.get(0).message()).isEqualTo("expected integer, got string \"two\"");
    }

    @Test
    void everyMismatchIsReportedInDocumentOrder() {
      ArraySchema schema = array(PrimitiveSchema.BOOLEAN);
      List<ValueError> errors = check(schema, "[true, 1, false, \"x\", null]");
      assertThat(pointers(errors)).containsExactly("/1", "/3", "/4");
    }

    @Test
    void arrays() {
      ArraySchema schema = array(array(PrimitiveSchema.INTEGER));
      assertThat(check(schema, "[]")).isEmpty();
      assertThat(check(schema, "[[], [1, 2], [3]]")).isEmpty();
      assertThat(pointers(check(schema, "[[1], [2, 2.5], 3]"))).containsExactly("/1/1", "/2");
      ValueError notArray = singleError(schema, "{\"0\": [1]}");
      assertThat(notArray.expected()).isEqualTo("Array<Array<integer>>");
    }

    @Test
    void mapsAcceptAnyKeysAndEscapePointers() {
      MapSchema schema = map(PrimitiveSchema.DOUBLE);
      assertThat(check(schema, "{}")).isEmpty();
      assertThat(check(schema, "{\"\": 1, \"a b\": 2, \"\u00fc\": 3, \"$x\": 4}")).isEmpty();

      List<ValueError> errors = check(schema, "{\"a/b~c\": \"x\", \"\": true, \"~1\": [], \"ok\": 1}");
      assertThat(pointers(errors)).containsExactly("/a~1b~0c", "/", "/~01");
      assertThat(errors.get(0).expected()).isEqualTo("double");

      ValueError notObject = singleError(schema, "[1]");
      assertThat(notObject.expected()).isEqualTo("Map<string, double>");
    }

    @Test
    void mapsOfObjectsOfArrays() {
      MapSchema schema = map(object(field("tags", array(stringEnum("x", "y")))));
      List<ValueError> errors = check(schema, "{\"room/1\": {\"tags\": [\"x\", \"z\"]}, \"room~2\": {\"tag\": []}}");
      assertThat(pointers(errors)).containsExactly("/room~11/tags/1", "/room~02/tag");
    }

    @Test
    void objectKeysInMessagesAreQuotedAndBounded() {
      String key = "k".repeat(300);
      ValueError error = singleError(object(), "{\"" + key + "\": 1}");
      assertThat(error.pointer()).isEqualTo("/" + key);
      assertThat(error.message()).contains("\"kkk").contains("...").hasSizeLessThan(140);
    }

    @Test
    void deepNesting() {
      Schema schema = PrimitiveSchema.INTEGER;
      StringBuilder value = new StringBuilder();
      StringBuilder pointer = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        schema = array(schema);
        value.append('[');
        pointer.append("/0");
      }
      value.append("\"deep\"");
      value.append("]".repeat(50));
      assertThat(pointers(check(schema, value.toString()))).containsExactly(pointer.toString());
    }
  }

  // ---------------------------------------------------------------- geospatial

  @Nested
  class Geospatial {
    static final String SQUARE = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";

    @Test
    void validGeometries() {
      assertThat(check(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [-122.128014, 47.643742]}")).isEmpty();
      assertThat(check(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [180, -90, 1234.5]}")).isEmpty();
      assertThat(check(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [0, 0], \"bbox\": [0, 0, 0, 0], \"title\": \"x\"}")).isEmpty();
      assertThat(check(GeospatialSchema.MULTI_POINT, "{\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [3, 4, 5]]}")).isEmpty();
      assertThat(check(GeospatialSchema.MULTI_POINT, "{\"type\": \"MultiPoint\", \"coordinates\": []}")).isEmpty();
      assertThat(check(GeospatialSchema.LINE_STRING, "{\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, 4]]}")).isEmpty();
      assertThat(check(GeospatialSchema.MULTI_LINE_STRING, "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]], [[0, 0], [0, 1], [1, 1]]]}")).isEmpty();
      assertThat(check(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": [" + SQUARE + "]}")).isEmpty();
      assertThat(check(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": [" + SQUARE + ", [[0.2,0.2],[0.2,0.8],[0.8,0.8],[0.2,0.2]]]}")).isEmpty();
      assertThat(check(GeospatialSchema.MULTI_POLYGON, "{\"type\": \"MultiPolygon\", \"coordinates\": [[" + SQUARE + "], [" + SQUARE + "]]}")).isEmpty();
      assertThat(check(GeospatialSchema.MULTI_POLYGON, "{\"type\": \"MultiPolygon\", \"coordinates\": []}")).isEmpty();
      // -0.0 closes a ring that starts at 0.0
      assertThat(check(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[-0.0,0]]]}")).isEmpty();
    }

    @Test
    void typeMustMatchTheSchema() {
      ValueError error = singleError(GeospatialSchema.POINT, "{\"type\": \"LineString\", \"coordinates\": [1, 2]}");
      assertThat(error.pointer()).isEqualTo("/type");
      assertThat(error.expected()).isEqualTo("\"Point\"");
      assertThat(error.message()).isEqualTo("expected \"Point\", got string \"LineString\"");

      assertThat(singleError(GeospatialSchema.POINT, "{\"type\": \"point\", \"coordinates\": [1, 2]}").pointer()).isEqualTo("/type");
      assertThat(singleError(GeospatialSchema.POINT, "{\"type\": 1, \"coordinates\": [1, 2]}").message()).contains("got number 1");
    }

    @Test
    void missingMembers() {
      List<ValueError> errors = check(GeospatialSchema.POLYGON, "{}");
      assertThat(pointers(errors)).containsExactly("/type", "/coordinates");
      assertThat(errors.get(0).message()).contains("\"type\" is missing");
      assertThat(errors.get(1).message()).contains("\"coordinates\" is missing");
      assertThat(errors.get(1).expected()).isEqualTo("array of at least one linear ring");
    }

    @Test
    void notAnObject() {
      ValueError error = singleError(GeospatialSchema.POINT, "[1, 2]");
      assertThat(error.pointer()).isEmpty();
      assertThat(error.expected()).isEqualTo("GeoJSON Point object");
      assertThat(error.message()).contains("got array [1,2]");
    }

    @Test
    void positionsAreCheckedNumberByNumber() {
      ValueError latitude = singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [10, 91]}");
      assertThat(latitude.pointer()).isEqualTo("/coordinates/1");
      assertThat(latitude.expected()).isEqualTo("latitude from -90 to 90");
      assertThat(latitude.message()).startsWith("91 is out of range");

      ValueError longitude = singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [-180.5, 0]}");
      assertThat(longitude.pointer()).isEqualTo("/coordinates/0");
      assertThat(longitude.expected()).isEqualTo("longitude from -180 to 180");

      ValueError text = singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [\"1\", 0]}");
      assertThat(text.pointer()).isEqualTo("/coordinates/0");

      ValueError altitude = singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [1, 0, true]}");
      assertThat(altitude.pointer()).isEqualTo("/coordinates/2");

      assertThat(singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [1, 2, 3, 4]}").message())
          .contains("expected 2 or 3 numbers, got 4");
      assertThat(singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [1]}").pointer())
          .isEqualTo("/coordinates");
      ValueError nested = singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [[1, 2]]}");
      assertThat(nested.pointer()).isEqualTo("/coordinates");
      assertThat(nested.message()).endsWith("got [[1,2]] with 2 levels of brackets instead of 1");
    }

    @Test
    void swappedCoordinatesGetAHint() {
      // the order used by the example in the DTDL specification: [latitude, longitude]
      ValueError error = singleError(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [47.643742, -122.128014]}");
      assertThat(error.pointer()).isEqualTo("/coordinates/1");
      assertThat(error.message()).contains("are the two swapped?");
    }

    @Test
    void nonFiniteCoordinatesAreRejected() {
      tools.jackson.databind.node.ObjectNode point = NODES.objectNode();
      point.put("type", "Point");
      point.putArray("coordinates").add(Double.NaN).add(1.0);
      assertThat(pointers(InstanceValidator.validate(GeospatialSchema.POINT, point))).containsExactly("/coordinates/0");
    }

    @Test
    void lineStringsNeedTwoPositions() {
      ValueError error = singleError(GeospatialSchema.LINE_STRING, "{\"type\": \"LineString\", \"coordinates\": [[1, 2]]}");
      assertThat(error.pointer()).isEqualTo("/coordinates");
      assertThat(error.expected()).isEqualTo("array of at least 2 positions");
      assertThat(error.message()).contains("at least 2 positions, got 1");

      List<ValueError> both = check(GeospatialSchema.LINE_STRING, "{\"type\": \"LineString\", \"coordinates\": [[1, 200]]}");
      assertThat(pointers(both)).containsExactly("/coordinates", "/coordinates/0/1");
    }

    @Test
    void multiLineStrings() {
      List<ValueError> errors = check(
          GeospatialSchema.MULTI_LINE_STRING,
          "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]], [[5, 6]], [[1, 2], [3, \"4\"]]]}");
      assertThat(pointers(errors)).containsExactly("/coordinates/1", "/coordinates/2/1/1");
    }

    @Test
    void polygonRingsMustBeClosedAndLongEnough() {
      ValueError open = singleError(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,1]]]}");
      assertThat(open.pointer()).isEqualTo("/coordinates/0/3");
      assertThat(open.message()).isEqualTo("a linear ring must end where it starts: [0,1] differs from the first position [0,0]");

      ValueError shortRing = singleError(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[0,0]]]}");
      assertThat(shortRing.pointer()).isEqualTo("/coordinates/0");
      assertThat(shortRing.message()).contains("at least 4 positions, got 3");

      ValueError noRing = singleError(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": []}");
      assertThat(noRing.pointer()).isEqualTo("/coordinates");

      ValueError dimensions = singleError(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0,0]]]}");
      assertThat(dimensions.pointer()).isEqualTo("/coordinates/0/3");

      ValueError bareRing = singleError(GeospatialSchema.POLYGON, "{\"type\": \"Polygon\", \"coordinates\": " + SQUARE + "}");
      assertThat(bareRing.pointer()).isEqualTo("/coordinates");
      assertThat(bareRing.message()).contains("2 levels of brackets instead of 3");
    }

    @Test
    void multiPolygonsReportDeepPointers() {
      List<ValueError> errors = check(
          GeospatialSchema.MULTI_POLYGON,
          "{\"type\": \"MultiPolygon\", \"coordinates\": [[" + SQUARE + "], [" + SQUARE + ", [[0,0],[1,0],[1,100],[0,0]]]]}");
      assertThat(pointers(errors)).containsExactly("/coordinates/1/1/2/1");
      assertThat(pointers(check(GeospatialSchema.MULTI_POLYGON, "{\"type\": \"MultiPolygon\", \"coordinates\": [" + SQUARE + "]}")))
          .containsExactly("/coordinates");
    }

    @Test
    void boundingBoxes() {
      assertThat(check(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [0, 0], \"bbox\": [0, 0, 0, 0, 1, 1]}")).isEmpty();
      assertThat(pointers(check(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [0, 0], \"bbox\": [0, 0, 0]}")))
          .containsExactly("/bbox");
      assertThat(pointers(check(GeospatialSchema.POINT, "{\"type\": \"Point\", \"coordinates\": [0, 0], \"bbox\": [0, 0, \"0\", 0]}")))
          .containsExactly("/bbox/2");
    }

    @Test
    void geospatialInsideObjects() {
      ObjectSchema schema = object(field("where", GeospatialSchema.POINT), field("route", array(GeospatialSchema.LINE_STRING)));
      List<ValueError> errors = check(
          schema,
          "{\"where\": {\"type\": \"Point\", \"coordinates\": [0, 95]},"
              + " \"route\": [{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}, {\"type\": \"Point\", \"coordinates\": [[0, 0], [1, 1]]}]}");
      assertThat(pointers(errors)).containsExactly("/where/coordinates/1", "/route/1/type");
    }
  }
}
