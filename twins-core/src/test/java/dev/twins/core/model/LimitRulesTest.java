package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.repeat;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Size and count limits with their exact numbers: 1 MiB per v3 Interface, 100,000 elements per v3
 * contents hierarchy, 300 contents (inherited included) per v2 Interface, and the v2 counts of enum
 * values (1..100), fields (1..30) and relationship properties (300).
 */
class LimitRulesTest {
  private static final int MIB = 1024 * 1024;
  private static final String A = "dtmi:ex:A;1";

  // ---- INTERFACE_TOO_LARGE ----

  /** An Interface whose text from its opening to its closing brace is exactly {@code bytes} long. */
  private static String interfaceOfExactly(String context, String id, int bytes) {
    String head = "{\"@context\": \"" + context + "\", \"@id\": \"" + id + "\", \"@type\": \"Interface\",";
    String tail = "\"contents\": []}";
    String text = head + repeat(' ', bytes - head.length() - tail.length()) + tail;
    assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return text + "\n";
  }

  @Test
  void interfaceOfExactlyOneMebibyteIsValid() {
    Models m = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> valid(interfaceOfExactly("dtmi:dtdl:context;3", "dtmi:ex:Big;1", MIB)));
    assertThat(m.get("dtmi:ex:Big;1")).isPresent();
  }

  @Test
  void interfaceOneByteOverOneMebibyteIsTooLarge() {
    String text = interfaceOfExactly("dtmi:dtdl:context;3", "dtmi:ex:Big;1", MIB + 1);
    only(errors(text), ErrorCode.INTERFACE_TOO_LARGE, IN0, 1, "", "dtmi:ex:Big;1");
  }

  @Test
  void v2InterfacesHaveNoByteLimit() {
    assertThat(valid(interfaceOfExactly("dtmi:dtdl:context;2", "dtmi:ex:Big;1", 2 * MIB)).get("dtmi:ex:Big;1")).isPresent();
  }

  @Test
  void theLimitCountsUtf8BytesNotCharacters() {
    StringBuilder sb = new StringBuilder("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:Wide;1\", \"@type\": \"Interface\", \"contents\": [\n");
    int n = 1100;
    for (int i = 0; i < n; i++) {
      sb.append("{\"@type\": \"Telemetry\", \"name\": \"t").append(i).append("\", \"schema\": \"double\", \"description\": \"")
          .append(repeat('\u00e9', 500)).append("\"}").append(i + 1 < n ? ",\n" : "\n");
    }
    sb.append("]}\n");
    String text = sb.toString();
    assertThat(text.length()).as("characters").isLessThan(MIB);
    assertThat(text.getBytes(StandardCharsets.UTF_8).length).as("bytes").isGreaterThan(MIB);
    only(errors(text), ErrorCode.INTERFACE_TOO_LARGE, IN0, 1, "", "dtmi:ex:Wide;1");
  }

  /** An outer Interface with an inline component Interface whose own text is {@code innerBytes} long. */
  private static String outerWithInlineInner(int innerBytes) {
    String head = "{\"@id\": \"dtmi:ex:Inner;1\", \"@type\": \"Interface\",";
    String tail = "\"contents\": []}";
    String inner = head + repeat(' ', innerBytes - head.length() - tail.length()) + tail;
    assertThat(inner).hasSize(innerBytes);
    return "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:Outer;1\", \"@type\": \"Interface\", \"contents\": [\n"
        + "{\"@type\": \"Component\", \"name\": \"c\", \"schema\": " + inner + "}\n"
        + "]}\n";
  }

  @Test
  void inlineComponentInterfaceDoesNotCountTowardsItsParent() {
    String text = outerWithInlineInner(MIB);
    assertThat(text.length()).isGreaterThan(MIB);
    Models m = valid(text);
    assertThat(m.get("dtmi:ex:Inner;1")).isPresent();
    assertThat(m.require("dtmi:ex:Outer;1").components()).hasSize(1);
  }

  @Test
  void inlineComponentInterfaceOverTheLimitIsTooLargeItself() {
    String text = outerWithInlineInner(MIB + 1);
    only(errors(text), ErrorCode.INTERFACE_TOO_LARGE, IN0, 2, "/contents/0/schema", "dtmi:ex:Inner;1");
  }

  // ---- TOO_MANY_ELEMENTS ----

  /** A v3 Interface with {@code count} Commands named {@code <prefix><i>}, small enough for the byte limit. */
  private static String commands(String id, String prefix, int count) {
    StringBuilder sb = new StringBuilder("{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"").append(id)
        .append("\",\"@type\":\"Interface\",\"contents\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) sb.append(',');
      sb.append("{\"@type\":\"Command\",\"name\":\"").append(prefix).append(Integer.toString(i, 36)).append("\"}");
    }
    sb.append("]}");
    assertThat(sb.length()).as("each base stays under the byte limit").isLessThan(MIB);
    return sb.toString();
  }

  private static List<String> hierarchyOf100000(String ownContents) {
    List<String> texts = new ArrayList<>();
    texts.add("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:D;1\", \"@type\": \"Interface\",\n"
        + "\"extends\": [\"dtmi:ex:B0;1\", \"dtmi:ex:B1;1\", \"dtmi:ex:B2;1\", \"dtmi:ex:B3;1\"],\n"
        + "\"contents\": [" + ownContents + "]}\n");
    for (int b = 0; b < 4; b++) texts.add(commands("dtmi:ex:B" + b + ";1", "b" + b + "x", 25_000));
    return texts;
  }

  @Test
  void hundredThousandElementsIncludingInheritedAreValid() {
    List<String> texts = hierarchyOf100000("");
    Models m = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> valid(texts.toArray(new String[0])));
    assertThat(m.require("dtmi:ex:D;1").contents()).hasSize(100_000);
  }

  @Test
  void oneElementMoreIsTooMany() {
    List<String> texts = hierarchyOf100000("{\"@type\": \"Command\", \"name\": \"own\"}");
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> errors(texts.toArray(new String[0])));
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ELEMENTS);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.dtmi()).isEqualTo("dtmi:ex:D;1");
    assertThat(e.pointer()).as("the Interface, or its contents").isIn("", "/contents");
    assertThat(e.line()).isEqualTo(e.pointer().isEmpty() ? 1 : 3);
  }

  // ---- TOO_MANY_CONTENTS (v2) ----

  private static String[] telemetries(String prefix, int count) {
    String[] out = new String[count];
    for (int i = 0; i < count; i++) out[i] = "{\"@type\": \"Telemetry\", \"name\": \"" + prefix + i + "\", \"schema\": \"double\"}";
    return out;
  }

  @Test
  void v2InterfaceWith300ContentsIsValid() {
    assertThat(valid(v2(A, telemetries("t", 300))).require(A).contents()).hasSize(300);
  }

  @Test
  void v2InterfaceWith301ContentsIsTooMany() {
    only(errors(v2(A, telemetries("t", 301))), ErrorCode.TOO_MANY_CONTENTS, IN0, 4, "/contents", A);
  }

  @Test
  void v3InterfaceWith301ContentsIsValid() {
    assertThat(valid(v3(A, telemetries("t", 301))).require(A).contents()).hasSize(301);
  }

  private static String v2Derived(String base, String... contents) {
    return v2("dtmi:ex:D;1", contents).replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"" + base + "\",");
  }

  @Test
  void v2InheritedContentsCountTowardsThe300() {
    String base = v2("dtmi:ex:B;1", telemetries("b", 200));
    assertThat(valid(base, v2Derived("dtmi:ex:B;1", telemetries("d", 100))).require("dtmi:ex:D;1").contents()).hasSize(300);
    only(errors(base, v2Derived("dtmi:ex:B;1", telemetries("d", 101))), ErrorCode.TOO_MANY_CONTENTS, IN1, 4, "/contents",
        "dtmi:ex:D;1");
  }

  // ---- COUNT_LIMIT (v2) ----

  private static String enumProperty(String context, int values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values; i++) sb.append(i > 0 ? ", " : "").append("{\"name\": \"v").append(i).append("\", \"enumValue\": ").append(i).append('}');
    String p = "{\"@type\": \"Property\", \"name\": \"e\", \"schema\": {\"@type\": \"Enum\", \"valueSchema\": \"integer\", \"enumValues\": [" + sb + "]}}";
    return context.endsWith("2") ? v2(A, p) : v3(A, p);
  }

  private static String objectTelemetry(String context, int fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields; i++) sb.append(i > 0 ? ", " : "").append("{\"name\": \"f").append(i).append("\", \"schema\": \"double\"}");
    String t = "{\"@type\": \"Telemetry\", \"name\": \"o\", \"schema\": {\"@type\": \"Object\", \"fields\": [" + sb + "]}}";
    return context.endsWith("2") ? v2(A, t) : v3(A, t);
  }

  private static String relationship(String context, int properties) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < properties; i++) sb.append(i > 0 ? ", " : "").append("{\"@type\": \"Property\", \"name\": \"p").append(i).append("\", \"schema\": \"double\"}");
    String r = "{\"@type\": \"Relationship\", \"name\": \"r\", \"properties\": [" + sb + "]}";
    return context.endsWith("2") ? v2(A, r) : v3(A, r);
  }

  @Test
  void v2EnumWithOneAndWithHundredValuesIsValid() {
    valid(enumProperty("2", 1));
    valid(enumProperty("2", 100));
  }

  @Test
  void v2EnumWithoutValuesBreaksTheCountLimit() {
    only(errors(enumProperty("2", 0)), ErrorCode.COUNT_LIMIT, IN0, 5, "/contents/0/schema/enumValues",
        "dtmi:ex:A:_contents:__e:_schema;1");
  }

  @Test
  void v2EnumWith101ValuesBreaksTheCountLimit() {
    only(errors(enumProperty("2", 101)), ErrorCode.COUNT_LIMIT, IN0, 5, "/contents/0/schema/enumValues",
        "dtmi:ex:A:_contents:__e:_schema;1");
  }

  @Test
  void v3EnumsMayHaveNoneOrManyValues() {
    valid(enumProperty("3", 0));
    valid(enumProperty("3", 101));
  }

  @Test
  void v2ObjectWithOneAndWithThirtyFieldsIsValid() {
    valid(objectTelemetry("2", 1));
    valid(objectTelemetry("2", 30));
  }

  @Test
  void v2ObjectWithoutFieldsBreaksTheCountLimit() {
    only(errors(objectTelemetry("2", 0)), ErrorCode.COUNT_LIMIT, IN0, 5, "/contents/0/schema/fields",
        "dtmi:ex:A:_contents:__o:_schema;1");
  }

  @Test
  void v2ObjectWith31FieldsBreaksTheCountLimit() {
    only(errors(objectTelemetry("2", 31)), ErrorCode.COUNT_LIMIT, IN0, 5, "/contents/0/schema/fields",
        "dtmi:ex:A:_contents:__o:_schema;1");
  }

  @Test
  void v3ObjectsMayHaveNoneOrManyFields() {
    valid(objectTelemetry("3", 0));
    valid(objectTelemetry("3", 31));
  }

  @Test
  void v2RelationshipWith300PropertiesIsValid() {
    assertThat(((Relationship) valid(relationship("2", 300)).require(A).content("r").orElseThrow()).properties()).hasSize(300);
  }

  @Test
  void v2RelationshipWith301PropertiesBreaksTheCountLimit() {
    only(errors(relationship("2", 301)), ErrorCode.COUNT_LIMIT, IN0, 5, "/contents/0/properties",
        "dtmi:ex:A:_contents:__r;1");
  }

  @Test
  void v3RelationshipWith301PropertiesIsValid() {
    valid(relationship("3", 301));
  }
}
