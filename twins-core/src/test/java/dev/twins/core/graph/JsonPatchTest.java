package dev.twins.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.TwinsException;
import dev.twins.core.graph.JsonPatch.Op;
import dev.twins.core.graph.JsonPatch.Operation;
import dev.twins.core.graph.PatchException.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ShortNode;

class JsonPatchTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void builderMakesOperationsInOrderAndPrintsCompactJson() {
    JsonPatch patch = JsonPatch.builder()
        .add("/temperature", 21.5)
        .replace("/a/b", "x")
        .remove("/c")
        .test("/d", true)
        .build();

    assertThat(patch.operations()).extracting(Operation::op).containsExactly(Op.ADD, Op.REPLACE, Op.REMOVE, Op.TEST);
    assertThat(patch.operations()).extracting(Operation::path).containsExactly("/temperature", "/a/b", "/c", "/d");
    assertThat(patch.toString()).isEqualTo("[{\"op\":\"add\",\"path\":\"/temperature\",\"value\":21.5},"
        + "{\"op\":\"replace\",\"path\":\"/a/b\",\"value\":\"x\"},"
        + "{\"op\":\"remove\",\"path\":\"/c\"},"
        + "{\"op\":\"test\",\"path\":\"/d\",\"value\":true}]");
    assertThat(patch.operations().get(2).value()).isEmpty();
    assertThat(patch.operations().get(0)).hasToString("{\"op\":\"add\",\"path\":\"/temperature\",\"value\":21.5}");
  }

  @Test
  void everyValueOverloadMakesTheMatchingJsonValue() {
    ObjectNode object = NODES.objectNode().put("x", 1);
    JsonPatch patch = JsonPatch.builder()
        .add("/d", 1.25).add("/l", 5_000_000_000L).add("/i", 7).add("/b", false).add("/s", "text").add("/n", object)
        .replace("/d", 2.5).replace("/l", 6_000_000_000L).replace("/i", 8).replace("/b", true).replace("/s", "t")
        .replace("/n", NODES.nullNode())
        .test("/d", 2.5).test("/l", 6_000_000_000L).test("/i", 8).test("/b", true).test("/s", "t")
        .test("/n", NODES.nullNode())
        .build();

    assertThat(patch.operations()).extracting(o -> o.value().orElseThrow()).containsExactly(
        DoubleNode.valueOf(1.25), LongNode.valueOf(5_000_000_000L), IntNode.valueOf(7), NODES.booleanNode(false),
        NODES.stringNode("text"), object,
        DoubleNode.valueOf(2.5), LongNode.valueOf(6_000_000_000L), IntNode.valueOf(8), NODES.booleanNode(true),
        NODES.stringNode("t"), NODES.nullNode(),
        DoubleNode.valueOf(2.5), LongNode.valueOf(6_000_000_000L), IntNode.valueOf(8), NODES.booleanNode(true),
        NODES.stringNode("t"), NODES.nullNode());
    assertThat(JsonPatch.parse(patch.toString())).isEqualTo(patch);
  }

  @Test
  void numbersAreCanonicalSoJavaAndTextAgree() {
    JsonPatch fromJava = JsonPatch.builder()
        .add("/a", 5L)
        .add("/b", NODES.numberNode((short) 3))
        .add("/c", FloatNode.valueOf(0.1f))
        .add("/d", DecimalNode.valueOf(new BigDecimal("1.50")))
        .add("/e", NODES.numberNode(BigInteger.valueOf(42)))
        .add("/f", -0.0)
        .build();
    JsonPatch fromText = JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/a\",\"value\":5},"
        + "{\"op\":\"add\",\"path\":\"/b\",\"value\":3},{\"op\":\"add\",\"path\":\"/c\",\"value\":0.1},"
        + "{\"op\":\"add\",\"path\":\"/d\",\"value\":1.5},{\"op\":\"add\",\"path\":\"/e\",\"value\":42},"
        + "{\"op\":\"add\",\"path\":\"/f\",\"value\":0.0}]");

    assertThat(fromJava).isEqualTo(fromText).hasSameHashCodeAs(fromText);
    assertThat(fromJava.operations().get(0).value()).contains(IntNode.valueOf(5));
    assertThat(fromJava.operations().get(2).value()).contains(DoubleNode.valueOf(0.1));
  }

  @Test
  void decimalsWithMoreDigitsThanADoubleKeepEveryDigit() {
    String text = "[{\"op\":\"add\",\"path\":\"/x\",\"value\":0.1000000000000000000001},"
        + "{\"op\":\"add\",\"path\":\"/y\",\"value\":123456789012345678901234567890},"
        + "{\"op\":\"add\",\"path\":\"/z\",\"value\":1E+400}]";
    JsonPatch patch = JsonPatch.parse(text);

    assertThat(patch.operations().get(0).value().orElseThrow().decimalValue())
        .isEqualByComparingTo("0.1000000000000000000001");
    assertThat(patch.operations().get(1).value().orElseThrow().bigIntegerValue())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(patch.operations().get(2).value().orElseThrow().decimalValue()).isEqualByComparingTo("1E+400");
    assertThat(JsonPatch.parse(patch.toString())).isEqualTo(patch);
  }

  @Test
  void anIntegralDecimalWithManyDigitsStaysAFloatingPointNumber() {
    // Found by JsonPatchProperties: printed as plain digits it read back as a long.
    JsonPatch patch = JsonPatch.builder().add("/x", DecimalNode.valueOf(new BigDecimal("100000000000000001"))).build();

    assertThat(patch).hasToString("[{\"op\":\"add\",\"path\":\"/x\",\"value\":100000000000000001.0}]");
    assertThat(JsonPatch.parse(patch.toString())).isEqualTo(patch);
    assertThat(JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/x\",\"value\":100000000000000001}]").operations().get(0)
        .value()).contains(LongNode.valueOf(100000000000000001L));
  }

  @Test
  void aDoublePrintedWithEighteenDigitsReadsBackAsThatDouble() {
    // Found by JsonPatchProperties: before Java 19, Double.toString may print 18 digits.
    double d = -2.305843009213693440E18;
    JsonPatch patch = JsonPatch.builder().add("/x", d).build();

    assertThat(JsonPatch.parse(patch.toString())).isEqualTo(patch);
    assertThat(JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/x\",\"value\":-2.30584300921369344E18}]"))
        .isEqualTo(patch);
  }

  @Test
  void ofKeepsTheGivenOperations() {
    Operation add = new Operation(Op.ADD, "/x", Optional.of(IntNode.valueOf(1)));
    Operation remove = new Operation(Op.REMOVE, "/y", Optional.empty());
    Operation[] array = {add, remove};
    JsonPatch patch = JsonPatch.of(array);
    array[0] = remove;

    assertThat(patch).isEqualTo(JsonPatch.builder().add("/x", 1).remove("/y").build());
    assertThat(JsonPatch.of(List.of(add, remove))).isEqualTo(patch);
    assertThat(JsonPatch.of()).isEqualTo(JsonPatch.builder().build()).hasToString("[]");
    assertThat(JsonPatch.parse("[]").operations()).isEmpty();
  }

  @Test
  void pathsListsEveryPathOnceInOrder() {
    JsonPatch patch = JsonPatch.builder().test("/t", 1).add("/a", 1).replace("/b", 2).add("/a", 3).remove("/c").build();

    assertThat(patch.paths()).containsExactly("/t", "/a", "/b", "/c");
    assertThat(JsonPatch.builder().remove("/only").build().paths()).containsExactly("/only");
    assertThat(JsonPatch.of().paths()).isEmpty();
  }

  @Test
  void opNamesAreTheJsonPatchNames() {
    assertThat(Op.values()).extracting(Op::jsonName).containsExactly("add", "replace", "remove", "test");
  }

  @Test
  void equalsComparesOperationsInOrder() {
    JsonPatch ab = JsonPatch.builder().add("/a", 1).add("/b", 2).build();
    JsonPatch ba = JsonPatch.builder().add("/b", 2).add("/a", 1).build();

    assertThat(ab).isEqualTo(JsonPatch.builder().add("/a", 1).add("/b", 2).build()).isNotEqualTo(ba);
    assertThat(ab).isNotEqualTo(JsonPatch.builder().add("/a", 1).add("/b", 2.0).build());
    assertThat(ab.hashCode()).isEqualTo(JsonPatch.builder().add("/a", 1).add("/b", 2).build().hashCode());
  }

  // ---- immutability

  @Test
  void changingTheValuePassedToTheBuilderDoesNotChangeThePatch() {
    ObjectNode value = NODES.objectNode().put("x", 1);
    value.putArray("list").add(1);
    JsonPatch patch = JsonPatch.builder().add("/obj", value).build();
    String before = patch.toString();

    value.put("x", 2);
    ((ArrayNode) value.get("list")).add(2);

    assertThat(patch.toString()).isEqualTo(before);
    assertThat(patch.operations().get(0).value().orElseThrow().get("x").intValue()).isEqualTo(1);
  }

  @Test
  void changingTheValueFromTheAccessorDoesNotChangeThePatch() {
    JsonPatch patch = JsonPatch.builder().add("/obj", NODES.objectNode().put("x", 1)).build();
    Operation op = patch.operations().get(0);

    ObjectNode leaked = (ObjectNode) op.value().orElseThrow();
    leaked.put("x", 99).put("y", 2);
    ((ObjectNode) patch.toJson().get(0).get("value")).put("z", 3);

    assertThat(op.value().orElseThrow()).isEqualTo(NODES.objectNode().put("x", 1));
    assertThat(op.value().orElseThrow()).isNotSameAs(op.value().orElseThrow());
    assertThat(patch).hasToString("[{\"op\":\"add\",\"path\":\"/obj\",\"value\":{\"x\":1}}]");
  }

  @Test
  void changingTheParsedDocumentDoesNotChangeThePatch() {
    ArrayNode document = JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/a\",\"value\":[1]}]").toJson();
    JsonPatch patch = JsonPatch.fromJson(document);

    ((ArrayNode) document.get(0).get("value")).add(2);
    ((ObjectNode) document.get(0)).put("path", "/b");

    assertThat(patch).hasToString("[{\"op\":\"add\",\"path\":\"/a\",\"value\":[1]}]");
  }

  @Test
  void operationsListIsUnmodifiable() {
    JsonPatch patch = JsonPatch.builder().add("/a", 1).build();

    assertThatThrownBy(() -> patch.operations().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> patch.paths().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theBuilderCanGoOnAfterBuild() {
    JsonPatch.Builder builder = JsonPatch.builder().add("/a", 1);
    JsonPatch first = builder.build();
    JsonPatch second = builder.remove("/b").build();

    assertThat(first.operations()).hasSize(1);
    assertThat(second.operations()).hasSize(2);
  }

  // ---- operation checks (programming errors)

  @ParameterizedTest
  @ValueSource(strings = {"a", "a/b", "/a~", "/a~2", "/~x/b", "#/a"})
  void badPointersAreRefused(String path) {
    assertThatThrownBy(() -> JsonPatch.builder().add(path, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid path for add");
    assertThatThrownBy(() -> new Operation(Op.REMOVE, path, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON pointer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "/a/b", "/~0/~1", "/a/-", "/$metadata/$model", "//"})
  void validPointersAreAccepted(String path) {
    assertThat(JsonPatch.builder().add(path, 1).build().paths()).containsExactly(path);
  }

  @Test
  void valueMustBePresentExactlyWhenTheOpTakesOne() {
    assertThatThrownBy(() -> new Operation(Op.REMOVE, "/a", Optional.of(IntNode.valueOf(1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remove takes no value");
    for (Op op : List.of(Op.ADD, Op.REPLACE, Op.TEST)) {
      assertThatThrownBy(() -> new Operation(op, "/a", Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(op.jsonName() + " needs a value");
    }
  }

  @Test
  void nonJsonValuesAreRefused() {
    assertThatThrownBy(() -> JsonPatch.builder().add("/a", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> JsonPatch.builder().replace("/a", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    ObjectNode nested = NODES.objectNode();
    nested.putArray("list").add(1).add(BinaryNode.valueOf(new byte[] {1}));
    assertThatThrownBy(() -> JsonPatch.builder().add("/a", nested))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at /list/1").hasMessageContaining("binary");
    assertThatThrownBy(() -> JsonPatch.builder().add("/a", NODES.pojoNode(new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Java object");
    assertThatThrownBy(() -> JsonPatch.builder().add("/a", NODES.missingNode()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
  }

  @Test
  void nullsAreProgrammingErrors() {
    assertThatThrownBy(() -> JsonPatch.builder().add(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JsonPatch.builder().add("/a", (String) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JsonPatch.builder().add("/a", (JsonNode) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JsonPatch.of((Operation) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JsonPatch.parse(null)).isInstanceOf(NullPointerException.class);
  }

  // ---- parse errors

  @Test
  void parseErrorsNameTheOperationAndTheMember() {
    String patch = "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},"
        + "{\"op\":\"remove\",\"path\":\"/b\"},"
        + "{\"op\":\"mve\",\"path\":\"/c\",\"from\":\"/d\"}]";

    assertThatThrownBy(() -> JsonPatch.parse(patch))
        .isInstanceOfSatisfying(PatchException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
          assertThat(e.operationIndex()).hasValue(2);
          assertThat(e.pointer()).isEqualTo("/2/op");
          assertThat(e.path()).contains("/c");
          assertThat(e.detail()).contains("unknown op \"mve\"");
          assertThat(e).hasMessage("invalid JSON Patch, operation 2 at /2/op: unknown op \"mve\"; expected one of"
              + " add, replace, remove, test");
        })
        .isInstanceOf(TwinsException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{\"path\":\"/a\",\"value\":1}]                      | 0 | /0/op    | \"op\" is missing",
      "[{\"op\":7,\"path\":\"/a\",\"value\":1}]             | 0 | /0/op    | \"op\" must be a string, got a number",
      "[{\"op\":\"ADD\",\"path\":\"/a\",\"value\":1}]       | 0 | /0/op    | unknown op \"ADD\"",
      "[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"add\",\"value\":1}] | 1 | /1/path | \"path\" is missing",
      "[{\"op\":\"add\",\"path\":[\"a\"],\"value\":1}]      | 0 | /0/path  | \"path\" must be a string, got an array",
      "[{\"op\":\"add\",\"path\":\"a\",\"value\":1}]        | 0 | /0/path  | must be \"\" or start with \"/\"",
      "[{\"op\":\"add\",\"path\":\"/a~2\",\"value\":1}]     | 0 | /0/path  | \"~\" must be followed by 0 or 1",
      "[{\"op\":\"add\",\"path\":\"/a\"}]                   | 0 | /0/value | \"value\" is missing; add needs a value",
      "[{\"op\":\"replace\",\"path\":\"/a\"}]               | 0 | /0/value | replace needs a value",
      "[{\"op\":\"remove\",\"path\":\"/a\"},{\"op\":\"test\",\"path\":\"/a\"}] | 1 | /1/value | test needs a value",
      "[1]                                                  | 0 | /0       | an operation must be an object",
      "[{\"op\":\"remove\",\"path\":\"/a\"},null]           | 1 | /1       | got null",
  })
  void everyMalformedMemberIsReportedAtItsPointer(String text, int index, String pointer, String detail) {
    assertThatThrownBy(() -> JsonPatch.parse(text))
        .isInstanceOfSatisfying(PatchException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
          assertThat(e.operationIndex()).hasValue(index);
          assertThat(e.pointer()).isEqualTo(pointer);
          assertThat(e.detail()).contains(detail);
          assertThat(e.getMessage()).contains("operation " + index).contains(pointer);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"move", "copy"})
  void moveAndCopyAreRefusedBecauseAzureDigitalTwinsRefusesThem(String op) {
    String text = "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},{\"op\":\"" + op + "\",\"from\":\"/a\",\"path\":\"/b\"}]";

    assertThatThrownBy(() -> JsonPatch.parse(text))
        .isInstanceOfSatisfying(PatchException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_OPERATION);
          assertThat(e.operationIndex()).hasValue(1);
          assertThat(e.pointer()).isEqualTo("/1/op");
          assertThat(e.path()).contains("/b");
          assertThat(e.detail()).contains("\"" + op + "\" is not supported")
              .contains("Azure Digital Twins accepts only add, replace and remove");
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"op\":\"add\",\"path\":\"/a\",\"value\":1} | must be an array of operations, got an object",
      "\"add\"                                       | must be an array of operations, got a string",
      "[{\"op\":\"add\",                           | not valid JSON (line 1",
      "[] []                                       | not valid JSON",
      "'   '                                       | the text is empty",
  })
  void documentErrorsHaveNoOperationIndex(String text, String detail) {
    assertThatThrownBy(() -> JsonPatch.parse(text))
        .isInstanceOfSatisfying(PatchException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
          assertThat(e.operationIndex()).isEmpty();
          assertThat(e.pointer()).isEmpty();
          assertThat(e.path()).isEmpty();
          assertThat(e.detail()).contains(detail);
        });
  }

  @Test
  void duplicateMembersAreAnError() {
    // RFC 6902 appendix A.13: an operation with two "op" members is invalid.
    assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"op\":\"remove\"}]"))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.detail()).contains("Duplicate"));
  }

  @Test
  void nonJsonValuesInADocumentAreReportedInsideTheValue() {
    ArrayNode document = NODES.arrayNode();
    ObjectNode value = NODES.objectNode();
    value.putArray("xs").add(1).add(Double.NaN);
    document.addObject().put("op", "add").put("path", "/a").set("value", value);

    assertThatThrownBy(() -> JsonPatch.fromJson(document))
        .isInstanceOfSatisfying(PatchException.class, e -> {
          assertThat(e.pointer()).isEqualTo("/0/value/xs/1");
          assertThat(e.detail()).contains("NaN");
        });
  }

  @Test
  void unknownMembersAndValuesOfRemoveAreIgnored() {
    // RFC 6902 appendix A.11, and section 4: members not defined for an operation are ignored.
    JsonPatch patch = JsonPatch.parse("[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123},"
        + "{\"op\":\"remove\",\"path\":\"/a\",\"value\":5,\"from\":\"/q\"}]");

    assertThat(patch).isEqualTo(JsonPatch.builder().add("/baz", "qux").remove("/a").build());
  }

  @Test
  void toJsonAndFromJsonRoundTrip() {
    JsonPatch patch = JsonPatch.builder().add("/a~1b", NODES.objectNode().put("k", "v")).remove("/x/0").test("", NODES.objectNode()).build();

    assertThat(JsonPatch.fromJson(patch.toJson())).isEqualTo(patch);
    assertThat(patch.toJson()).isNotSameAs(patch.toJson());
    assertThat(JsonPatch.parse(patch.toString())).isEqualTo(patch);
  }

  @Test
  void exceptionRejectsANegativeIndex() {
    assertThatThrownBy(() -> new PatchException(Kind.MALFORMED, OptionalInt.of(-1), "", Optional.empty(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
