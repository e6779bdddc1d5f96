package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PatchException;
import dev.twins.core.graph.PatchException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PatchApplierTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ObjectNode doc(String json) {
    return (ObjectNode) JSON.readTree(json);
  }

  static ObjectNode apply(String document, String patch) {
    return PatchApplier.apply(doc(document), JsonPatch.parse(patch));
  }

  static PatchException failure(String document, String patch) {
    ObjectNode input = doc(document);
    ObjectNode before = input.deepCopy();
    JsonPatch p = JsonPatch.parse(patch);
    try {
      PatchApplier.apply(input, p);
    } catch (PatchException e) {
      assertThat(input).as("input after a failed patch").isEqualTo(before);
      return e;
    }
    throw new AssertionError("expected " + patch + " to fail on " + document);
  }

  // ---- RFC 6902 appendix A

  @Test
  void a1AddingAnObjectMember() {
    assertThat(apply("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]"))
        .isEqualTo(doc("{\"baz\":\"qux\",\"foo\":\"bar\"}"));
  }

  @Test
  void a2AddingAnArrayElement() {
    assertThat(apply("{\"foo\":[\"bar\",\"baz\"]}", "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]"))
        .isEqualTo(doc("{\"foo\":[\"bar\",\"qux\",\"baz\"]}"));
  }

  @Test
  void a3RemovingAnObjectMember() {
    assertThat(apply("{\"baz\":\"qux\",\"foo\":\"bar\"}", "[{\"op\":\"remove\",\"path\":\"/baz\"}]"))
        .isEqualTo(doc("{\"foo\":\"bar\"}"));
  }

  @Test
  void a4RemovingAnArrayElement() {
    assertThat(apply("{\"foo\":[\"bar\",\"qux\",\"baz\"]}", "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]"))
        .isEqualTo(doc("{\"foo\":[\"bar\",\"baz\"]}"));
  }

  @Test
  void a5ReplacingAValue() {
    assertThat(apply("{\"baz\":\"qux\",\"foo\":\"bar\"}", "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]"))
        .isEqualTo(doc("{\"baz\":\"boo\",\"foo\":\"bar\"}"));
  }

  @Test
  void a6AndA7MovingIsNotSupported() {
    assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]"))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_OPERATION));
    assertThatThrownBy(() -> JsonPatch.parse("[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]"))
        .isInstanceOfSatisfying(PatchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_OPERATION));
  }

  @Test
  void a8TestingAValueSuccess() {
    String document = "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}";
    assertThat(apply(document, "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},"
        + "{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]"))
        .isEqualTo(doc(document));
  }

  @Test
  void a9TestingAValueError() {
    PatchException e = failure("{\"baz\":\"qux\"}", "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]");

    assertThat(e.kind()).isEqualTo(Kind.TEST_FAILED);
    assertThat(e.operationIndex()).hasValue(0);
    assertThat(e.path()).contains("/baz");
    assertThat(e.pointer()).isEqualTo("/0/value");
    assertThat(e.detail()).isEqualTo("test failed: expected \"bar\" but found \"qux\"");
  }

  @Test
  void a10AddingANestedMemberObject() {
    assertThat(apply("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]"))
        .isEqualTo(doc("{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}"));
  }

  @Test
  void a11IgnoringUnrecognizedElements() {
    assertThat(apply("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]"))
        .isEqualTo(doc("{\"foo\":\"bar\",\"baz\":\"qux\"}"));
  }

  @Test
  void a12AddingToANonexistentTarget() {
    PatchException e = failure("{\"foo\":\"bar\"}", "[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]");

    assertThat(e.kind()).isEqualTo(Kind.PARENT_NOT_FOUND);
    assertThat(e.operationIndex()).hasValue(0);
    assertThat(e.path()).contains("/baz/bat");
    assertThat(e.pointer()).isEqualTo("/0/path");
    assertThat(e).hasMessage("JSON Patch operation 0 failed at path \"/baz/bat\": add: parent not found: the document"
        + " has no member \"baz\"");
  }

  @Test
  void a14TildeEscapeOrdering() {
    String document = "{\"/\":9,\"~1\":10}";
    assertThat(apply(document, "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]")).isEqualTo(doc(document));
  }

  @Test
  void a15ComparingStringsAndNumbers() {
    PatchException e = failure("{\"/\":9,\"~1\":10}", "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]");

    assertThat(e.kind()).isEqualTo(Kind.TEST_FAILED);
    assertThat(e.detail()).isEqualTo("test failed: expected \"10\" but found 10");
  }

  @Test
  void a16AddingAnArrayValue() {
    assertThat(apply("{\"foo\":[\"bar\"]}", "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]"))
        .isEqualTo(doc("{\"foo\":[\"bar\",[\"abc\",\"def\"]]}"));
  }

  // ---- more semantics

  @Test
  void addOnAnExistingMemberReplacesIt() {
    assertThat(apply("{\"a\":1,\"b\":2}", "[{\"op\":\"add\",\"path\":\"/a\",\"value\":[3]}]"))
        .isEqualTo(doc("{\"a\":[3],\"b\":2}"));
  }

  @Test
  void arrayOperationsInsertAppendReplaceAndShift() {
    assertThat(apply("{\"xs\":[0,1,2]}", "[{\"op\":\"add\",\"path\":\"/xs/3\",\"value\":3},"
        + "{\"op\":\"add\",\"path\":\"/xs/0\",\"value\":-1},"
        + "{\"op\":\"replace\",\"path\":\"/xs/2\",\"value\":10},"
        + "{\"op\":\"remove\",\"path\":\"/xs/0\"},"
        + "{\"op\":\"add\",\"path\":\"/xs/-\",\"value\":4}]"))
        .isEqualTo(doc("{\"xs\":[0,10,2,3,4]}"));
  }

  @Test
  void escapedTokensAddressKeysWithSlashAndTilde() {
    assertThat(apply("{\"a/b\":{\"c~d\":1},\"\":{\"\":2}}", "[{\"op\":\"replace\",\"path\":\"/a~1b/c~0d\",\"value\":5},"
        + "{\"op\":\"remove\",\"path\":\"//\"}]"))
        .isEqualTo(doc("{\"a/b\":{\"c~d\":5},\"\":{}}"));
  }

  @Test
  void testComparesNumbersByValueAndObjectsInAnyOrder() {
    String document = "{\"n\":1,\"big\":5000000000,\"d\":2.50,\"o\":{\"a\":1,\"b\":[1,2]}}";
    assertThat(apply(document, "[{\"op\":\"test\",\"path\":\"/n\",\"value\":1.0},"
        + "{\"op\":\"test\",\"path\":\"/big\",\"value\":5.0e9},"
        + "{\"op\":\"test\",\"path\":\"/d\",\"value\":2.5},"
        + "{\"op\":\"test\",\"path\":\"/o\",\"value\":{\"b\":[1.0,2],\"a\":1}}]"))
        .isEqualTo(doc(document));
    assertThat(failure(document, "[{\"op\":\"test\",\"path\":\"/o\",\"value\":{\"b\":[2,1],\"a\":1}}]").kind())
        .isEqualTo(Kind.TEST_FAILED);
    assertThat(failure(document, "[{\"op\":\"test\",\"path\":\"/o/b\",\"value\":[1]}]").kind())
        .isEqualTo(Kind.TEST_FAILED);
    assertThat(failure(document, "[{\"op\":\"test\",\"path\":\"/n\",\"value\":null}]").kind())
        .isEqualTo(Kind.TEST_FAILED);
  }

  @Test
  void theWholeDocumentCanBeReplacedByAnObject() {
    assertThat(apply("{\"a\":1}", "[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"b\":2}},"
        + "{\"op\":\"add\",\"path\":\"/c\",\"value\":3}]"))
        .isEqualTo(doc("{\"b\":2,\"c\":3}"));
    assertThat(apply("{\"a\":1}", "[{\"op\":\"add\",\"path\":\"\",\"value\":{}}]")).isEqualTo(doc("{}"));
    assertThat(apply("{\"a\":1}", "[{\"op\":\"test\",\"path\":\"\",\"value\":{\"a\":1.0}}]")).isEqualTo(doc("{\"a\":1}"));
  }

  @Test
  void anEmptyPatchGivesAnEqualNewDocument() {
    ObjectNode input = doc("{\"a\":{\"b\":1}}");
    ObjectNode result = PatchApplier.apply(input, JsonPatch.of());

    assertThat(result).isEqualTo(input).isNotSameAs(input);
  }

  // ---- errors

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{\"op\":\"replace\",\"path\":\"/nope\",\"value\":1}] | PATH_NOT_FOUND | 0 | /nope | replace: path not found: the document has no member \"nope\" to replace (use add to create it)",
      "[{\"op\":\"remove\",\"path\":\"/o/nope\"}]            | PATH_NOT_FOUND | 0 | /o/nope | remove: path not found: the object at \"/o\" has no member \"nope\" to remove",
      "[{\"op\":\"test\",\"path\":\"/o/q/y\",\"value\":1}]   | PATH_NOT_FOUND | 0 | /o/q/y | test: path not found: the object at \"/o\" has no member \"q\"",
      "[{\"op\":\"test\",\"path\":\"/o/x/y\",\"value\":1}]   | PATH_NOT_FOUND | 0 | /o/x/y | test: path not found: the value at \"/o/x\" is a number, not an object or array",
      "[{\"op\":\"replace\",\"path\":\"/n/x\",\"value\":1}]  | PATH_NOT_FOUND | 0 | /n/x | replace: path not found: the value at \"/n\" is a number, not an object or array",
      "[{\"op\":\"add\",\"path\":\"/s/x\",\"value\":1}]      | PARENT_NOT_FOUND | 0 | /s/x | add: parent not found: the value at \"/s\" is a string, not an object or array",
      "[{\"op\":\"add\",\"path\":\"/o/p/q\",\"value\":1}]    | PARENT_NOT_FOUND | 0 | /o/p/q | add: parent not found: the object at \"/o\" has no member \"p\"",
      "[{\"op\":\"replace\",\"path\":\"/xs/3\",\"value\":1}] | INDEX_OUT_OF_RANGE | 0 | /xs/3 | replace: index 3 is out of range for the array at \"/xs\" of size 3; valid indexes are 0 to 2",
      "[{\"op\":\"add\",\"path\":\"/xs/4\",\"value\":1}]     | INDEX_OUT_OF_RANGE | 0 | /xs/4 | add: index 4 is out of range for the array at \"/xs\" of size 3; valid indexes are 0 to 3 or \"-\"",
      "[{\"op\":\"remove\",\"path\":\"/e/0\"}]               | INDEX_OUT_OF_RANGE | 0 | /e/0 | remove: index 0 is out of range for the array at \"/e\" of size 0; valid indexes are none, it is empty",
      "[{\"op\":\"remove\",\"path\":\"/xs/-\"}]              | INDEX_OUT_OF_RANGE | 0 | /xs/- | remove: \"-\" (the end of the array at \"/xs\") names no element; only add accepts it as the last token",
      "[{\"op\":\"add\",\"path\":\"/xs/-/a\",\"value\":1}]   | INDEX_OUT_OF_RANGE | 0 | /xs/-/a | add: \"-\" (the end of the array at \"/xs\") names no element; only add accepts it as the last token",
      "[{\"op\":\"add\",\"path\":\"/xs/01\",\"value\":1}]    | INDEX_OUT_OF_RANGE | 0 | /xs/01 | add: \"01\" is not an array index (digits without leading zeros) for the array at \"/xs\"; valid indexes are 0 to 3 or \"-\"",
      "[{\"op\":\"test\",\"path\":\"/xs/a\",\"value\":1}]    | INDEX_OUT_OF_RANGE | 0 | /xs/a | test: \"a\" is not an array index (digits without leading zeros) for the array at \"/xs\"; valid indexes are 0 to 2",
      "[{\"op\":\"replace\",\"path\":\"/xs/99999999999\",\"value\":1}] | INDEX_OUT_OF_RANGE | 0 | /xs/99999999999 | replace: \"99999999999\" is not an array index",
      "[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},{\"op\":\"remove\",\"path\":\"\"}] | INVALID_ROOT | 1 | '' | remove cannot remove the whole document",
      "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]     | INVALID_ROOT | 0 | '' | replace of the whole document needs an object, got an array",
      "[{\"op\":\"add\",\"path\":\"\",\"value\":1}]           | INVALID_ROOT | 0 | '' | add of the whole document needs an object, got a number",
      "[{\"op\":\"test\",\"path\":\"/n\",\"value\":2}]        | TEST_FAILED | 0 | /n | test failed: expected 2 but found 1",
  })
  void everyFailureNamesTheOperationItsPathAndWhy(String patch, Kind kind, int index, String path, String detail) {
    PatchException e = failure("{\"n\":1,\"s\":\"x\",\"o\":{\"x\":1},\"xs\":[1,2,3],\"e\":[]}", patch);

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.operationIndex()).hasValue(index);
    assertThat(e.path()).contains(path);
    assertThat(e.pointer()).startsWith("/" + index + "/");
    assertThat(e.detail()).startsWith(detail);
    assertThat(e.getMessage()).contains("operation " + index).contains("\"" + path + "\"");
  }

  @Test
  void aFailedTestShowsLongValuesAbbreviated() {
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      longText.append("x");
    }
    PatchException e = failure("{\"s\":\"" + longText + "\"}", "[{\"op\":\"test\",\"path\":\"/s\",\"value\":\"y\"}]");

    assertThat(e.detail()).startsWith("test failed: expected \"y\" but found \"xxxx").endsWith("...").hasSizeLessThan(120);
  }

  // ---- atomicity, immutability, sharing

  @Test
  void aFailingThirdOperationLeavesNothingApplied() {
    ObjectNode input = doc("{\"a\":{\"b\":1},\"xs\":[1]}");
    ObjectNode before = input.deepCopy();
    JsonPatch patch = JsonPatch.builder()
        .replace("/a/b", 2)
        .add("/xs/-", 2)
        .remove("/a/missing")
        .build();

    assertThatThrownBy(() -> PatchApplier.apply(input, patch))
        .isInstanceOfSatisfying(PatchException.class, e -> {
          assertThat(e.operationIndex()).hasValue(2);
          assertThat(e.path()).contains("/a/missing");
          assertThat(e.kind()).isEqualTo(Kind.PATH_NOT_FOUND);
        });
    assertThat(input).isEqualTo(before);
    assertThat(input.get("a").get("b").intValue()).isEqualTo(1);
    assertThat(input.get("xs").size()).isEqualTo(1);
  }

  @Test
  void theInputIsNeverMutatedAndUntouchedSubtreesAreShared() {
    ObjectNode input = doc("{\"a\":{\"b\":{\"c\":1},\"d\":[1,{\"e\":2}]},\"f\":{\"g\":3},\"h\":4}");
    ObjectNode before = input.deepCopy();
    JsonPatch patch = JsonPatch.builder().replace("/a/b/c", 5).add("/a/d/1/z", 6).remove("/h").build();

    ObjectNode result = PatchApplier.apply(input, patch);

    assertThat(input).isEqualTo(before);
    assertThat(result).isEqualTo(doc("{\"a\":{\"b\":{\"c\":5},\"d\":[1,{\"e\":2,\"z\":6}]},\"f\":{\"g\":3}}"));
    assertThat(result.get("f")).as("untouched subtree").isSameAs(input.get("f"));
    assertThat(result.get("a")).isNotSameAs(input.get("a"));
    assertThat(result.get("a").get("b")).isNotSameAs(input.get("a").get("b"));
    assertThat(result.get("a").get("d")).isNotSameAs(input.get("a").get("d"));
  }

  @Test
  void testOperationsCopyNothing() {
    ObjectNode input = doc("{\"a\":{\"b\":1}}");
    ObjectNode result = PatchApplier.apply(input, JsonPatch.builder().test("/a/b", 1).test("/a/b", 1).build());

    assertThat(result.get("a")).isSameAs(input.get("a"));
  }

  @Test
  void valuesAddedByAPatchAreNotSharedWithThePatch() {
    JsonPatch patch = JsonPatch.builder()
        .add("/o", doc("{\"list\":[1]}"))
        .add("/o/list/-", 2)
        .add("/o/k", "v")
        .build();
    String printed = patch.toString();

    ObjectNode first = PatchApplier.apply(doc("{}"), patch);
    ((ArrayNode) first.get("o").get("list")).add(99);
    ObjectNode second = PatchApplier.apply(doc("{}"), patch);

    assertThat(patch.toString()).isEqualTo(printed);
    assertThat(second).isEqualTo(doc("{\"o\":{\"list\":[1,2],\"k\":\"v\"}}"));
  }

  @Test
  void severalOperationsOnTheSameContainerCopyItOnce() {
    ObjectNode input = doc("{\"a\":{\"x\":0}}");
    ObjectNode result = PatchApplier.apply(input,
        JsonPatch.builder().add("/a/x", 1).add("/a/y", 2).add("/a/z", 3).remove("/a/x").build());

    assertThat(result).isEqualTo(doc("{\"a\":{\"y\":2,\"z\":3}}"));
    assertThat(input).isEqualTo(doc("{\"a\":{\"x\":0}}"));
  }

  // ---- helpers

  @Test
  void changedPathsLeaveOutTests() {
    JsonPatch patch = JsonPatch.builder().test("/t", 1).add("/a", 1).replace("/b", 2).add("/a", 3).remove("/c").build();

    assertThat(PatchApplier.changedPaths(patch)).containsExactly("/a", "/b", "/c");
    assertThat(PatchApplier.changedPaths(JsonPatch.builder().test("/t", 1).build())).isEmpty();
    assertThat(PatchApplier.changedPaths(JsonPatch.builder().remove("/r").build())).containsExactly("/r");
  }

  @Test
  void pointersSplitAndEscape() {
    assertThat(JsonPointers.parsePointer("")).isEmpty();
    assertThat(JsonPointers.parsePointer("/")).containsExactly("");
    assertThat(JsonPointers.parsePointer("/a~1b/c~0d/~01/0/-")).containsExactly("a/b", "c~d", "~1", "0", "-");
    assertThat(JsonPointers.parsePointer("/temperature")).containsExactly("temperature");
    assertThat(JsonPointers.escape("a/b~c")).isEqualTo("a~1b~0c");
    String plain = "plain";
    assertThat(JsonPointers.escape(plain)).isSameAs(plain);
    assertThat(JsonPointers.child("/a", "~/")).isEqualTo("/a/~0~1");
    for (String key : List.of("", "~", "/", "~1", "a/~0/b")) {
      assertThat(JsonPointers.parsePointer("/" + JsonPointers.escape(key))).containsExactly(key);
    }
    assertThatThrownBy(() -> JsonPointers.parsePointer("a")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start with \"/\"");
    assertThatThrownBy(() -> JsonPointers.parsePointer("/a~")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bare \"~\" at character 2");
  }

  @Test
  void arrayIndexesAreDigitsWithoutLeadingZeros() {
    assertThat(JsonPointers.arrayIndex("0")).isZero();
    assertThat(JsonPointers.arrayIndex("17")).isEqualTo(17);
    assertThat(JsonPointers.arrayIndex("2147483647")).isEqualTo(Integer.MAX_VALUE);
    for (String bad : List.of("", "-", "01", "1a", "+1", "-1", "2147483648", "99999999999")) {
      assertThat(JsonPointers.arrayIndex(bad)).as(bad).isEqualTo(-1);
    }
  }

  @Test
  void jsonEqualityFollowsRfc6902() {
    JsonNode one = doc("{\"v\":1}").get("v");
    assertThat(PatchValues.jsonEquals(one, doc("{\"v\":1.0}").get("v"))).isTrue();
    assertThat(PatchValues.jsonEquals(one, doc("{\"v\":\"1\"}").get("v"))).isFalse();
    assertThat(PatchValues.jsonEquals(doc("{\"a\":1,\"b\":2}"), doc("{\"b\":2,\"a\":1}"))).isTrue();
    assertThat(PatchValues.jsonEquals(doc("{\"a\":1}"), doc("{\"a\":1,\"b\":2}"))).isFalse();
    assertThat(PatchValues.jsonEquals(doc("{\"a\":[1,2]}"), doc("{\"a\":[2,1]}"))).isFalse();
    assertThat(PatchValues.jsonEquals(doc("{\"a\":null}").get("a"), doc("{\"a\":false}").get("a"))).isFalse();
  }
}
