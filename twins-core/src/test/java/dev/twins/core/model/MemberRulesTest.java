package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.line;
import static dev.twins.core.model.ModelTesting.one;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Member rules: unknown, required, JSON form, reserved keywords, term/DTMI duplicates, literal values. */
class MemberRulesTest {
  private static final String A = "dtmi:ex:A;1";
  private static final String T = "dtmi:ex:A:_contents:__t;1";

  // ---- MEMBER_UNKNOWN ----

  @Test
  void definedMembersAreValid() {
    valid(v3(A, "{\"@type\": \"Property\", \"name\": \"t\", \"schema\": \"double\", \"writable\": true, "
        + "\"comment\": \"c\", \"description\": \"d\", \"displayName\": \"n\"}"));
  }

  @Test
  void unknownMemberIsRejectedInV3() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"color\": \"red\"}");
    only(errors(text), ErrorCode.MEMBER_UNKNOWN, IN0, 5, "/contents/0/color", T);
  }

  @Test
  void unknownMemberOnTheInterfaceIsRejected() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "version": 2
        }
        """;
    only(errors(text), ErrorCode.MEMBER_UNKNOWN, IN0, 5, "/version", A);
  }

  @Test
  void memberWithAColonThatIsNotADtmiIsRejected() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"ex:color\": \"red\"}");
    only(errors(text), ErrorCode.MEMBER_UNKNOWN, IN0, 5, "/contents/0/ex:color", T);
  }

  @Test
  void unknownMemberIsRejectedInV2WithoutAnUndefinedCoType() {
    String text = v2(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"color\": \"red\"}");
    only(errors(text), ErrorCode.MEMBER_UNKNOWN, IN0, 5, "/contents/0/color", T);
  }

  @Test
  void unknownMemberIsAcceptedInV2OnAnInformallyCoTypedElement() {
    String text = v2(A, "{\"@type\": [\"Telemetry\", \"Paint\"], \"name\": \"t\", \"schema\": \"double\", \"color\": \"red\"}");
    Content t = valid(text).require(A).content("t").orElseThrow();
    assertThat(t.coTypes()).containsExactly("Paint");
    assertThat(t.otherProperty("color")).hasValueSatisfying(v -> assertThat(v.asString()).isEqualTo("red"));
  }

  // ---- MEMBER_REQUIRED ----

  @Test
  void commandNeedsOnlyItsName() {
    assertThat(valid(v3(A, "{\"@type\": \"Command\", \"name\": \"c\"}")).require(A).commands()).hasSize(1);
  }

  @Test
  void telemetryWithoutSchemaIsMemberRequiredAtTheObject() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\"}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0", T);
  }

  @Test
  void interfaceWithoutIdIsMemberRequired() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@type": "Interface"
        }
        """;
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 1, "", "");
  }

  @Test
  void relationshipWithoutNameIsMemberRequired() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A:r;1\", \"@type\": \"Relationship\", \"target\": \"dtmi:ex:B;1\"}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0", "dtmi:ex:A:r;1");
  }

  @Test
  void componentWithoutSchemaIsMemberRequired() {
    String text = v3(A, "{\"@type\": \"Component\", \"name\": \"c\"}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0", "dtmi:ex:A:_contents:__c;1");
  }

  @Test
  void mapWithoutMapValueIsMemberRequired() {
    String text = v3(A, "{\"@type\": \"Property\", \"name\": \"m\", \"schema\": {\"@type\": \"Map\", \"mapKey\": {\"name\": \"k\", \"schema\": \"string\"}}}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0/schema", "dtmi:ex:A:_contents:__m:_schema;1");
  }

  @Test
  void arrayWithoutElementSchemaIsMemberRequired() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": {\"@type\": \"Array\"}}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0/schema", "dtmi:ex:A:_contents:__t:_schema;1");
  }

  @Test
  void fieldWithoutSchemaIsMemberRequired() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": {\"@type\": \"Object\", \"fields\": [{\"name\": \"x\"}]}}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0/schema/fields/0",
        "dtmi:ex:A:_contents:__t:_schema:_fields:__x;1");
  }

  @Test
  void schemasEntryWithoutIdIsMemberRequired() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "schemas": [
            {"@type": "Enum", "valueSchema": "string", "enumValues": []}
          ]
        }
        """;
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 6, "/schemas/0", null);
  }

  @Test
  void v2EnumWithoutEnumValuesIsMemberRequired() {
    String text = v2(A, "{\"@type\": \"Property\", \"name\": \"e\", \"schema\": {\"@type\": \"Enum\", \"valueSchema\": \"integer\"}}");
    only(errors(text), ErrorCode.MEMBER_REQUIRED, IN0, 5, "/contents/0/schema", "dtmi:ex:A:_contents:__e:_schema;1");
  }

  @Test
  void v3EnumWithoutEnumValuesIsValid() {
    valid(v3(A, "{\"@type\": \"Property\", \"name\": \"e\", \"schema\": {\"@type\": \"Enum\", \"valueSchema\": \"integer\"}}"));
  }

  // ---- MEMBER_TYPE ----

  @Test
  void writableThatIsAStringIsMemberType() {
    String text = v3(A, "{\"@type\": \"Property\", \"name\": \"t\", \"schema\": \"double\", \"writable\": \"yes\"}");
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/writable", T);
  }

  @Test
  void writableValueObjectWithAStringIsMemberType() {
    String text = v3(A, "{\"@type\": \"Property\", \"name\": \"t\", \"schema\": \"double\", \"writable\": {\"@value\": \"yes\"}}");
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/writable/@value", T);
  }

  @Test
  void contentsThatIsANumberIsMemberType() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "contents": 5
        }
        """;
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents", A);
  }

  @Test
  void displayNameThatIsANumberIsMemberType() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "displayName": 5
        }
        """;
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/displayName", A);
  }

  @Test
  void commentWithTwoValuesIsMemberType() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "comment": ["one", "two"]
        }
        """;
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/comment", A);
  }

  @Test
  void nameThatIsANumberIsMemberType() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A:t;1\", \"@type\": \"Telemetry\", \"name\": 5, \"schema\": \"double\"}");
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/name", "dtmi:ex:A:t;1");
  }

  @Test
  void nameArrayWithTwoValuesIsMemberType() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A:t;1\", \"@type\": \"Telemetry\", \"name\": [\"a\", \"b\"], \"schema\": \"double\"}");
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/name", "dtmi:ex:A:t;1");
  }

  @Test
  void maxMultiplicityThatIsAStringIsMemberType() {
    String text = v3(A, "{\"@type\": \"Relationship\", \"name\": \"r\", \"maxMultiplicity\": \"many\"}");
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/maxMultiplicity", "dtmi:ex:A:_contents:__r;1");
  }

  @Test
  void idThatIsAnArrayIsMemberType() {
    String text = v3(A, "{\"@id\": [\"dtmi:ex:A:t;1\"], \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    one(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/contents/0/@id", null);
  }

  // ---- MEMBER_RESERVED ----

  @Test
  void otherKeywordOnAV3ElementIsReserved() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"@foo\": 1}");
    only(errors(text), ErrorCode.MEMBER_RESERVED, IN0, 5, "/contents/0/@foo", T);
  }

  @Test
  void graphKeywordOnTheInterfaceIsReserved() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "@graph": []
        }
        """;
    only(errors(text), ErrorCode.MEMBER_RESERVED, IN0, 5, "/@graph", A);
  }

  @Test
  void graphKeywordIsReservedInV2Too() {
    String text = v2(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"@graph\": []}");
    only(errors(text), ErrorCode.MEMBER_RESERVED, IN0, 5, "/contents/0/@graph", T);
  }

  @Test
  void otherKeywordsAreOnlyDiscouragedInV2() {
    // DTDL v2: members starting with "@" other than @context, @id, @type SHOULD NOT be present (only @graph MUST NOT).
    valid(v2(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"@foo\": 1}"));
  }

  // ---- MEMBER_DUPLICATE_FORM ----

  @Test
  void memberWrittenAsDtmiIsValid() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "dtmi:dtdl:property:contents;3": [
            {"@type": "Telemetry", "dtmi:dtdl:property:name;3": "t", "dtmi:dtdl:property:schema;3": "double"}
          ]
        }
        """;
    assertThat(valid(text).require(A).contents()).containsOnlyKeys("t");
  }

  @Test
  void classWrittenBothAsTermAndDtmiIsOnlyDiscouraged() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": ["Interface", "dtmi:dtdl:class:Interface;3"]
        }
        """;
    assertThat(valid(text).require(A).coTypes()).isEmpty();
  }

  @Test
  void nameWrittenAsTermAndAsDtmiIsDuplicateForm() {
    String text = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"dtmi:dtdl:property:name;3\": \"t\"}");
    only(errors(text), ErrorCode.MEMBER_DUPLICATE_FORM, IN0, 5, "/contents/0/dtmi:dtdl:property:name;3", T);
  }

  @Test
  void contentsWrittenAsTermAndAsDtmiIsDuplicateForm() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "contents": [],
          "dtmi:dtdl:property:contents;3": []
        }
        """;
    only(errors(text), ErrorCode.MEMBER_DUPLICATE_FORM, IN0, 6, "/dtmi:dtdl:property:contents;3", A);
  }

  @Test
  void v2DisplayNameWrittenBothWaysIsDuplicateForm() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;2",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "displayName": "A",
          "dtmi:dtdl:property:displayName;2": "A"
        }
        """;
    only(errors(text), ErrorCode.MEMBER_DUPLICATE_FORM, IN0, 6, "/dtmi:dtdl:property:displayName;2", A);
  }

  // ---- VALUE_INVALID ----

  @ParameterizedTest
  @ValueSource(strings = {"synchronous", "asynchronous", "dtmi:dtdl:instance:CommandType:synchronous;3"})
  void deprecatedCommandTypeWithAListedValueIsValid(String value) {
    valid(v3(A, "{\"@type\": \"Command\", \"name\": \"c\", \"commandType\": \"" + value + "\"}"));
  }

  @Test
  void commandTypeOutsideItsSetIsValueInvalid() {
    String text = v3(A, "{\"@type\": \"Command\", \"name\": \"c\", \"commandType\": \"sometimes\"}");
    only(errors(text), ErrorCode.VALUE_INVALID, IN0, 5, "/contents/0/commandType", "dtmi:ex:A:_contents:__c;1");
  }

  @Test
  void v2CommandTypeOutsideItsSetIsValueInvalid() {
    valid(v2(A, "{\"@type\": \"Command\", \"name\": \"c\", \"commandType\": \"synchronous\"}"));
    String text = v2(A, "{\"@type\": \"Command\", \"name\": \"c\", \"commandType\": \"Synchronous\"}");
    only(errors(text), ErrorCode.VALUE_INVALID, IN0, 5, "/contents/0/commandType", "dtmi:ex:A:_contents:__c;1");
  }

  // ---- all at once ----

  @Test
  void threeUnrelatedMemberErrorsAreAllReportedInOrder() {
    String text = v3(A,
        "{\"@type\": \"Telemetry\", \"name\": \"a\", \"schema\": \"double\", \"color\": \"red\"}",
        "{\"@type\": \"Telemetry\", \"name\": \"b\", \"schema\": \"double\"}",
        "{\"@type\": \"Property\", \"name\": \"c\", \"schema\": \"double\", \"writable\": 1}",
        "{\"@type\": \"Telemetry\", \"name\": \"d\"}");
    var errors = errors(text);
    assertThat(errors).extracting(ModelError::code)
        .containsExactly(ErrorCode.MEMBER_UNKNOWN, ErrorCode.MEMBER_TYPE, ErrorCode.MEMBER_REQUIRED);
    assertThat(errors).extracting(ModelError::pointer)
        .containsExactly("/contents/0/color", "/contents/2/writable", "/contents/3");
    assertThat(errors).extracting(ModelError::line)
        .containsExactly(line(text, "\"red\""), line(text, "\"writable\""), line(text, "\"d\""));
    assertThat(errors).extracting(ModelError::dtmi).containsExactly(
        "dtmi:ex:A:_contents:__a;1", "dtmi:ex:A:_contents:__c;1", "dtmi:ex:A:_contents:__d;1");
  }
}
