package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.HIST;
import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.QT;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.iface;
import static dev.twins.core.model.ModelTesting.line;
import static dev.twins.core.model.ModelTesting.one;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code @type} rules: presence, form, allowed classes and co-types. */
class TypeRulesTest {
  private static final String A = "dtmi:ex:A;1";

  // ---- TYPE_MISSING ----

  @Test
  void optionalTypesMayBeOmitted() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "contents": [
            {"@type": "Command", "name": "c", "request": {"name": "in", "schema": "double"}, "response": {"name": "out", "schema": "string"}},
            {"@type": "Property", "name": "p", "schema": {"@type": "Object", "fields": [{"name": "f", "schema": "double"}]}},
            {"@type": "Property", "name": "e", "schema": {"@type": "Enum", "valueSchema": "integer", "enumValues": [{"name": "one", "enumValue": 1}]}},
            {"@type": "Property", "name": "m", "schema": {"@type": "Map", "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "double"}}}
          ]
        }
        """;
    assertThat(valid(text).require(A).contents()).containsOnlyKeys("c", "p", "e", "m");
  }

  @Test
  void contentWithoutTypeIsTypeMissing() {
    String text = v3(A, "{\"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.TYPE_MISSING, IN0, 5, "/contents/0", "dtmi:ex:A:_contents:__t;1");
  }

  @Test
  void interfaceWithoutTypeIsTypeMissing() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1"
        }
        """;
    one(errors(text), ErrorCode.TYPE_MISSING, IN0, 1, "", A);
  }

  @Test
  void inlineSchemaWithoutTypeIsTypeMissing() {
    String text = v3(A, "{\"@type\": \"Property\", \"name\": \"p\", \"schema\": {\"fields\": []}}");
    only(errors(text), ErrorCode.TYPE_MISSING, IN0, 5, "/contents/0/schema", "dtmi:ex:A:_contents:__p:_schema;1");
  }

  // ---- TYPE_INVALID ----

  @Test
  void typeAsDtmiOrOneElementArrayIsValid() {
    Models m = valid(v3(A,
        "{\"@type\": \"dtmi:dtdl:class:Telemetry;3\", \"name\": \"t\", \"schema\": \"double\"}",
        "{\"@type\": [\"Property\"], \"name\": \"p\", \"schema\": \"double\"}"));
    assertThat(m.require(A).content("t")).containsInstanceOf(Telemetry.class);
    assertThat(m.require(A).content("p")).containsInstanceOf(Property.class);
  }

  @Test
  void typeThatIsANumberIsInvalid() {
    String text = v3(A, "{\"@type\": 5, \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.TYPE_INVALID, IN0, 5, "/contents/0/@type", "dtmi:ex:A:_contents:__t;1");
  }

  @Test
  void numberInsideTheTypeArrayIsInvalidAtItsIndex() {
    String text = v3(A, "{\"@type\": [\"Telemetry\", 7], \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.TYPE_INVALID, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__t;1");
  }

  @Test
  void typeNamingNoClassIsInvalid() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A:x;1\", \"@type\": \"Banana\", \"name\": \"x\", \"schema\": \"double\"}");
    one(errors(text), ErrorCode.TYPE_INVALID, IN0, 5, "/contents/0/@type", "dtmi:ex:A:x;1");
  }

  // ---- TYPE_NOT_ALLOWED ----

  @Test
  void fieldInContentsIsNotAllowed() {
    String text = v3(A, "{\"@type\": \"Field\", \"name\": \"f\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.TYPE_NOT_ALLOWED, IN0, 5, "/contents/0/@type", "dtmi:ex:A:_contents:__f;1");
  }

  @Test
  void telemetryInSchemasIsNotAllowed() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "schemas": [
            {"@id": "dtmi:ex:A:t;1", "@type": "Telemetry", "name": "t", "schema": "double"}
          ]
        }
        """;
    only(errors(text), ErrorCode.TYPE_NOT_ALLOWED, IN0, 6, "/schemas/0/@type", "dtmi:ex:A:t;1");
  }

  @Test
  void propertyAsObjectFieldIsNotAllowed() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "contents": [
            {"@type": "Telemetry", "name": "t", "schema": {"@type": "Object", "fields": [
              {"@type": "Property", "name": "x", "schema": "double"}
            ]}}
          ]
        }
        """;
    only(errors(text), ErrorCode.TYPE_NOT_ALLOWED, IN0, 7, "/contents/0/schema/fields/0/@type",
        "dtmi:ex:A:_contents:__t:_schema:_fields:__x;1");
  }

  @Test
  void commandPayloadIsAllowedInV2ButNotInV3() {
    String payload = "{\"@type\": \"Command\", \"name\": \"c\", \"request\": {\"@type\": \"CommandPayload\", \"name\": \"in\", \"schema\": \"double\"}}";
    valid(v2(A, payload));
    only(errors(v3(A, payload)), ErrorCode.TYPE_NOT_ALLOWED, IN0, 5, "/contents/0/request/@type",
        "dtmi:ex:A:_contents:__c:_request;1");
  }

  @Test
  void responseTypedAsRequestIsNotAllowed() {
    String text = v3(A, "{\"@type\": \"Command\", \"name\": \"c\", \"response\": {\"@type\": \"CommandRequest\", \"name\": \"out\", \"schema\": \"double\"}}");
    only(errors(text), ErrorCode.TYPE_NOT_ALLOWED, IN0, 5, "/contents/0/response/@type",
        "dtmi:ex:A:_contents:__c:_response;1");
  }

  // ---- COTYPE_UNDEFINED ----

  @Test
  void undefinedCoTypeIsRejectedInV3() {
    String text = v3(A, "{\"@type\": [\"Telemetry\", \"Banana\"], \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.COTYPE_UNDEFINED, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__t;1");
  }

  @Test
  void semanticTypeWithoutItsExtensionContextIsUndefinedInV3() {
    String text = v3(A, "{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"t\", \"schema\": \"double\"}");
    one(errors(text), ErrorCode.COTYPE_UNDEFINED, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__t;1");
  }

  @Test
  void undefinedCoTypeIsAcceptedInV3WhenAllowed() {
    String text = v3(A, "{\"@type\": [\"Telemetry\", \"Banana\"], \"name\": \"t\", \"schema\": \"double\"}");
    ModelParser allow = ModelParser.builder().undefinedExtensions(UndefinedExtensions.ALLOW).build();
    assertThat(valid(allow, text).require(A).content("t").orElseThrow().coTypes()).containsExactly("Banana");
  }

  @Test
  void undefinedCoTypeIsAcceptedInV2ByDefault() {
    String text = v2(A, "{\"@type\": [\"Telemetry\", \"Banana\"], \"name\": \"t\", \"schema\": \"double\"}");
    assertThat(valid(text).require(A).content("t").orElseThrow().coTypes()).containsExactly("Banana");
  }

  @Test
  void undefinedCoTypeIsRejectedInV2WhenDisallowed() {
    String text = v2(A, "{\"@type\": [\"Telemetry\", \"Banana\"], \"name\": \"t\", \"schema\": \"double\"}");
    ModelParser strict = ModelParser.builder().undefinedExtensions(UndefinedExtensions.DISALLOW).build();
    only(errors(strict, text), ErrorCode.COTYPE_UNDEFINED, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__t;1");
  }

  // ---- COTYPE_NOT_APPLICABLE ----

  @Test
  void coTypesOnTheirElementsAreValid() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\", \"" + HIST + "\"]", A,
        "{\"@type\": [\"Telemetry\", \"Temperature\", \"Historized\"], \"name\": \"t\", \"schema\": \"double\", \"unit\": \"degreeCelsius\"}",
        "{\"@type\": [\"Property\", \"Historized\"], \"name\": \"p\", \"schema\": \"string\"}");
    assertThat(valid(text).require(A).content("t").orElseThrow().coTypes()).containsExactly("Temperature", "Historized");
  }

  @Test
  void semanticTypeOnACommandIsNotApplicable() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\"]", A,
        "{\"@type\": [\"Command\", \"Temperature\"], \"name\": \"c\"}");
    one(errors(text), ErrorCode.COTYPE_NOT_APPLICABLE, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__c;1");
  }

  @Test
  void historizedOnARelationshipIsNotApplicable() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"" + HIST + "\"]", A,
        "{\"@type\": [\"Relationship\", \"Historized\"], \"name\": \"r\"}");
    only(errors(text), ErrorCode.COTYPE_NOT_APPLICABLE, IN0, 5, "/contents/0/@type/1", "dtmi:ex:A:_contents:__r;1");
  }

  @Test
  void typeErrorsOnDifferentLinesAreAllReported() {
    String text = v3(A,
        "{\"name\": \"a\", \"schema\": \"double\"}",
        "{\"@type\": \"Telemetry\", \"name\": \"b\", \"schema\": \"double\"}",
        "{\"@type\": [\"Telemetry\", \"Banana\"], \"name\": \"c\", \"schema\": \"double\"}",
        "{\"@type\": \"Field\", \"name\": \"d\", \"schema\": \"double\"}");
    var errors = errors(text);
    assertThat(errors).extracting(ModelError::code)
        .containsExactly(ErrorCode.TYPE_MISSING, ErrorCode.COTYPE_UNDEFINED, ErrorCode.TYPE_NOT_ALLOWED);
    assertThat(errors).extracting(ModelError::line)
        .containsExactly(line(text, "\"a\""), line(text, "\"c\""), line(text, "\"d\""));
  }
}
