package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.line;
import static dev.twins.core.model.ModelTesting.one;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.repeat;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static dev.twins.core.model.ModelTesting.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and texts: name syntax and length, uniqueness among siblings (inherited contents too),
 * enum value uniqueness, lengths of comment / description / displayName, language tags.
 */
class NameRulesTest {
  private static final String A = "dtmi:ex:A;1";

  private static String telemetryNamed(String name) {
    return "{\"@id\": \"dtmi:ex:A:t;1\", \"@type\": \"Telemetry\", \"name\": \"" + name + "\", \"schema\": \"double\"}";
  }

  // ---- NAME_INVALID ----

  @ParameterizedTest
  @ValueSource(strings = {"a", "A", "a1", "a_b", "a__b9", "Z_z_0"})
  void namesFollowingTheSyntaxAreValid(String name) {
    assertThat(valid(v3(A, telemetryNamed(name))).require(A).contents()).containsOnlyKeys(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "_a", "a_", "a b", "a-b", "ä", "a.b", "a:b"})
  void namesBreakingTheSyntaxAreInvalid(String name) {
    only(errors(v3(A, telemetryNamed(name))), ErrorCode.NAME_INVALID, IN0, 5, "/contents/0/name", "dtmi:ex:A:t;1");
  }

  @Test
  void invalidFieldNameIsReportedAtTheField() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": {\"@type\": \"Object\", \"fields\": [{\"@id\": \"dtmi:ex:A:f;1\", \"name\": \"9f\", \"schema\": \"double\"}]}}");
    only(errors(text), ErrorCode.NAME_INVALID, IN0, 5, "/contents/0/schema/fields/0/name", "dtmi:ex:A:f;1");
  }

  @Test
  void invalidEnumValueNameIsReportedAtTheEnumValue() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "schemas": [
            {"@id": "dtmi:ex:A:E;1", "@type": "Enum", "valueSchema": "integer", "enumValues": [
              {"name": "ok", "enumValue": 1},
              {"@id": "dtmi:ex:A:E:bad;1", "name": "not-ok", "enumValue": 2}
            ]}
          ]
        }
        """;
    only(errors(text), ErrorCode.NAME_INVALID, IN0, 8, "/schemas/0/enumValues/1/name", "dtmi:ex:A:E:bad;1");
  }

  @Test
  void invalidMapKeyNameIsReportedAtTheMapKey() {
    String text = v3(A, "{\"@type\": \"Property\", \"name\": \"m\", \"schema\": {\"@type\": \"Map\", "
        + "\"mapKey\": {\"@id\": \"dtmi:ex:A:k;1\", \"name\": \"key name\", \"schema\": \"string\"}, \"mapValue\": {\"name\": \"v\", \"schema\": \"double\"}}}");
    only(errors(text), ErrorCode.NAME_INVALID, IN0, 5, "/contents/0/schema/mapKey/name", "dtmi:ex:A:k;1");
  }

  // ---- NAME_TOO_LONG ----

  @Test
  void v2NameOf64IsValid() {
    String name = "n" + repeat('x', 63);
    assertThat(valid(v2(A, telemetryNamed(name))).require(A).contents()).containsOnlyKeys(name);
  }

  @Test
  void v2NameOf65IsTooLong() {
    only(errors(v2(A, telemetryNamed("n" + repeat('x', 64)))), ErrorCode.NAME_TOO_LONG, IN0, 5, "/contents/0/name",
        "dtmi:ex:A:t;1");
  }

  @Test
  void v3NameOf512IsValid() {
    String name = "n" + repeat('x', 511);
    assertThat(valid(v3(A, telemetryNamed(name))).require(A).contents()).containsOnlyKeys(name);
  }

  @Test
  void v3NameOf513IsTooLong() {
    only(errors(v3(A, telemetryNamed("n" + repeat('x', 512)))), ErrorCode.NAME_TOO_LONG, IN0, 5, "/contents/0/name",
        "dtmi:ex:A:t;1");
  }

  @Test
  void v2FieldNameOf65IsTooLong() {
    String text = v2(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": {\"@type\": \"Object\", \"fields\": [{\"@id\": \"dtmi:ex:A:f;1\", \"name\": \""
        + "f" + repeat('x', 64) + "\", \"schema\": \"double\"}]}}");
    only(errors(text), ErrorCode.NAME_TOO_LONG, IN0, 5, "/contents/0/schema/fields/0/name", "dtmi:ex:A:f;1");
  }

  // ---- NAME_DUPLICATE ----

  @Test
  void namesMayRepeatAcrossDifferentParents() {
    String text = v3(A,
        "{\"@type\": \"Telemetry\", \"name\": \"x\", \"schema\": {\"@type\": \"Object\", \"fields\": [{\"name\": \"x\", \"schema\": \"double\"}]}}",
        "{\"@type\": \"Relationship\", \"name\": \"r\", \"properties\": [{\"@type\": \"Property\", \"name\": \"x\", \"schema\": \"double\"}]}");
    assertThat(valid(text).require(A).contents()).containsOnlyKeys("x", "r");
  }

  @Test
  void twoContentsWithTheSameNameAreDuplicate() {
    String text = v3(A,
        "{\"@id\": \"dtmi:ex:A:t1;1\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}",
        "{\"@id\": \"dtmi:ex:A:t2;1\", \"@type\": \"Property\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.NAME_DUPLICATE, IN0, 6, "/contents/1/name", "dtmi:ex:A:t2;1");
  }

  @Test
  void ownContentWithTheNameOfAnInheritedContentIsDuplicate() {
    String base = v3("dtmi:ex:Base;1", "{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}");
    String derived = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:Derived;1",
          "@type": "Interface",
          "extends": "dtmi:ex:Base;1",
          "contents": [
            {"@type": "Property", "name": "p", "schema": "double"}
          ]
        }
        """;
    only(errors(base, derived), ErrorCode.NAME_DUPLICATE, IN1, 7, "/contents/0/name",
        "dtmi:ex:Derived:_contents:__p;1");
  }

  @Test
  void sameNameFromTwoDifferentBasesIsDuplicate() {
    String b1 = v3("dtmi:ex:B1;1", "{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}");
    String b2 = v3("dtmi:ex:B2;1", "{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}");
    String d = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:D;1",
          "@type": "Interface",
          "extends": ["dtmi:ex:B1;1", "dtmi:ex:B2;1"]
        }
        """;
    List<ModelError> errors = errors(b1, b2, d);
    assertThat(errors).as(render(errors)).extracting(ModelError::code).containsExactly(ErrorCode.NAME_DUPLICATE);
    assertThat(errors.get(0).source()).isEqualTo("input[2]");
    assertThat(errors.get(0).message()).contains("p");
  }

  @Test
  void duplicateFieldNamesAreDuplicate() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": {\"@type\": \"Object\", \"fields\": ["
        + "{\"@id\": \"dtmi:ex:A:f1;1\", \"name\": \"f\", \"schema\": \"double\"}, {\"@id\": \"dtmi:ex:A:f2;1\", \"name\": \"f\", \"schema\": \"string\"}]}}");
    only(errors(text), ErrorCode.NAME_DUPLICATE, IN0, 5, "/contents/0/schema/fields/1/name", "dtmi:ex:A:f2;1");
  }

  @Test
  void duplicateRelationshipPropertyNamesAreDuplicate() {
    String text = v3(A, "{\"@type\": \"Relationship\", \"name\": \"r\", \"properties\": ["
        + "{\"@id\": \"dtmi:ex:A:p1;1\", \"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}, "
        + "{\"@id\": \"dtmi:ex:A:p2;1\", \"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}]}");
    only(errors(text), ErrorCode.NAME_DUPLICATE, IN0, 5, "/contents/0/properties/1/name", "dtmi:ex:A:p2;1");
  }

  @Test
  void duplicateEnumValueNamesAreDuplicate() {
    String text = v3(A, "{\"@type\": \"Property\", \"name\": \"e\", \"schema\": {\"@type\": \"Enum\", \"valueSchema\": \"integer\", \"enumValues\": ["
        + "{\"@id\": \"dtmi:ex:A:on1;1\", \"name\": \"on\", \"enumValue\": 1}, {\"@id\": \"dtmi:ex:A:on2;1\", \"name\": \"on\", \"enumValue\": 2}]}}");
    only(errors(text), ErrorCode.NAME_DUPLICATE, IN0, 5, "/contents/0/schema/enumValues/1/name", "dtmi:ex:A:on2;1");
  }

  // ---- ENUM_VALUE_DUPLICATE ----

  @Test
  void distinctEnumValuesAreValid() {
    Models m = valid(v3(A, "{\"@type\": \"Property\", \"name\": \"e\", \"schema\": {\"@type\": \"Enum\", \"valueSchema\": \"string\", \"enumValues\": ["
        + "{\"name\": \"on\", \"enumValue\": \"on\"}, {\"name\": \"off\", \"enumValue\": \"off\"}]}}"));
    EnumSchema e = (EnumSchema) ((Property) m.require(A).content("e").orElseThrow()).schema();
    assertThat(e.values()).extracting(EnumValue::enumValue).containsExactly("on", "off");
  }

  @Test
  void repeatedEnumValueIsDuplicate() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "schemas": [
            {"@id": "dtmi:ex:A:E;1", "@type": "Enum", "valueSchema": "integer", "enumValues": [
              {"name": "a", "enumValue": 1},
              {"name": "b", "enumValue": 1}
            ]}
          ]
        }
        """;
    only(errors(text), ErrorCode.ENUM_VALUE_DUPLICATE, IN0, 8, "/schemas/0/enumValues/1/enumValue",
        "dtmi:ex:A:E:_enumValues:__b;1");
  }

  @Test
  void enumValuesDifferingInCaseAreDistinct() {
    valid(v3(A, "{\"@type\": \"Property\", \"name\": \"e\", \"schema\": {\"@type\": \"Enum\", \"valueSchema\": \"string\", \"enumValues\": ["
        + "{\"name\": \"a\", \"enumValue\": \"x\"}, {\"name\": \"b\", \"enumValue\": \"X\"}]}}"));
  }

  // ---- STRING_TOO_LONG ----

  private static String interfaceWith(String context, String member, String jsonValue) {
    return "{\n  \"@context\": \"" + context + "\",\n  \"@id\": \"dtmi:ex:A;1\",\n  \"@type\": \"Interface\",\n  \""
        + member + "\": " + jsonValue + "\n}\n";
  }

  private static String quoted(int length) {
    return "\"" + repeat('x', length) + "\"";
  }

  @ParameterizedTest
  @ValueSource(strings = {"description", "comment"})
  void descriptionAndCommentOf512AreValid(String member) {
    valid(interfaceWith("dtmi:dtdl:context;3", member, quoted(512)));
    valid(interfaceWith("dtmi:dtdl:context;2", member, quoted(512)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"description", "comment"})
  void descriptionAndCommentOf513AreTooLong(String member) {
    only(errors(interfaceWith("dtmi:dtdl:context;3", member, quoted(513))), ErrorCode.STRING_TOO_LONG, IN0, 5,
        "/" + member, A);
    only(errors(interfaceWith("dtmi:dtdl:context;2", member, quoted(513))), ErrorCode.STRING_TOO_LONG, IN0, 5,
        "/" + member, A);
  }

  @Test
  void v2DisplayNameOf64IsValidAnd65IsTooLong() {
    valid(interfaceWith("dtmi:dtdl:context;2", "displayName", quoted(64)));
    only(errors(interfaceWith("dtmi:dtdl:context;2", "displayName", quoted(65))), ErrorCode.STRING_TOO_LONG, IN0, 5,
        "/displayName", A);
  }

  @Test
  void v3DisplayNameOf512IsValidAnd513IsTooLong() {
    valid(interfaceWith("dtmi:dtdl:context;3", "displayName", quoted(512)));
    only(errors(interfaceWith("dtmi:dtdl:context;3", "displayName", quoted(513))), ErrorCode.STRING_TOO_LONG, IN0, 5,
        "/displayName", A);
  }

  @Test
  void oneTooLongLanguageOfALanguageMapIsReportedAtThatLanguage() {
    String value = "{\"en\": \"fine\", \"de\": " + quoted(513) + "}";
    only(errors(interfaceWith("dtmi:dtdl:context;3", "description", value)), ErrorCode.STRING_TOO_LONG, IN0, 5,
        "/description/de", A);
  }

  @Test
  void tooLongDescriptionOfAContentNamesTheContent() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"temp\", \"schema\": \"double\", \"description\": " + quoted(600) + "}");
    only(errors(text), ErrorCode.STRING_TOO_LONG, IN0, 5, "/contents/0/description", "dtmi:ex:A:_contents:__temp;1");
  }

  @Test
  void tooLongCommentOfAnInlineSchemaNamesTheSchema() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"temp\", \"schema\": {\"@type\": \"Array\", \"elementSchema\": \"double\", \"comment\": " + quoted(513) + "}}");
    only(errors(text), ErrorCode.STRING_TOO_LONG, IN0, 5, "/contents/0/schema/comment", "dtmi:ex:A:_contents:__temp:_schema;1");
  }

  // ---- LANGUAGE_TAG_INVALID ----

  @ParameterizedTest
  @ValueSource(strings = {"{\"en\": \"x\", \"de-CH\": \"y\", \"zh-Hans-CN\": \"z\", \"es-419\": \"w\"}",
      "[{\"@value\": \"x\", \"@language\": \"en-US\"}, {\"@value\": \"y\", \"@language\": \"es-ES\"}]",
      "[\"x\", {\"@value\": \"y\", \"@language\": \"fr\"}]", "[\"x\"]"})
  void localizableStringsInTheirThreeFormsAreValid(String value) {
    valid(interfaceWith("dtmi:dtdl:context;3", "displayName", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"EN", "english", "e", "en_US", "en-us", "de-ch-x"})
  void badLanguageMapKeyIsInvalid(String tag) {
    String value = "{\"" + tag + "\": \"x\"}";
    only(errors(interfaceWith("dtmi:dtdl:context;3", "displayName", value)), ErrorCode.LANGUAGE_TAG_INVALID, IN0, 5,
        "/displayName/" + tag, A);
  }

  @Test
  void badLanguageInATaggedValueIsInvalid() {
    String value = "[{\"@value\": \"x\", \"@language\": \"English\"}]";
    only(errors(interfaceWith("dtmi:dtdl:context;3", "description", value)), ErrorCode.LANGUAGE_TAG_INVALID, IN0, 5,
        "/description/0/@language", A);
  }

  @Test
  void repeatedLanguageInTaggedValuesIsInvalid() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "displayName": [
            {"@value": "Raum", "@language": "de"},
            {"@value": "Zimmer", "@language": "de"}
          ]
        }
        """;
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo(ErrorCode.LANGUAGE_TAG_INVALID);
    assertThat(errors.get(0).line()).isEqualTo(7);
    assertThat(errors.get(0).dtmi()).isEqualTo(A);
    assertThat(errors.get(0).pointer()).as("the second tagged value or its @language").isIn("/displayName/1", "/displayName/1/@language");
  }

  @Test
  void twoDefaultLanguageValuesAreInvalid() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "displayName": [
            "Room",
            {"@value": "Chamber", "@language": "en"}
          ]
        }
        """;
    only(errors(text), ErrorCode.LANGUAGE_TAG_INVALID, IN0, 7, "/displayName/1", A);
  }

  // ---- several at once ----

  @Test
  void nameAndTextErrorsAcrossTwoSourcesAreAllReportedSorted() {
    String a = v3(A,
        "{\"@id\": \"dtmi:ex:A:x;1\", \"@type\": \"Telemetry\", \"name\": \"bad name\", \"schema\": \"double\"}",
        "{\"@type\": \"Telemetry\", \"name\": \"ok\", \"schema\": \"double\", \"comment\": " + quoted(513) + "}");
    String b = interfaceWith("dtmi:dtdl:context;3", "displayName", "{\"EN\": \"x\"}").replace("dtmi:ex:A;1", "dtmi:ex:B;1");
    List<ModelError> errors = errors(b, a);
    assertThat(errors).as(render(errors)).extracting(ModelError::code)
        .containsExactly(ErrorCode.LANGUAGE_TAG_INVALID, ErrorCode.NAME_INVALID, ErrorCode.STRING_TOO_LONG);
    assertThat(errors).extracting(ModelError::source).containsExactly(IN0, IN1, IN1);
    assertThat(errors).extracting(ModelError::line).containsExactly(5, line(a, "bad name"), line(a, "\"ok\""));
    assertThat(withCode(errors, ErrorCode.STRING_TOO_LONG).get(0).dtmi()).isEqualTo("dtmi:ex:A:_contents:__ok;1");
    one(errors, ErrorCode.NAME_INVALID, IN1, 5, "/contents/0/name", "dtmi:ex:A:x;1");
  }
}
