package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.errors;
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

/** DTMI rules: syntax, lengths, reserved prefixes, versions per DTDL version, uniqueness. */
class IdentifierRulesTest {
  private static final String A = "dtmi:ex:A;1";

  private static String interfaceWithId(String context, String id) {
    return "{\n  \"@context\": \"" + context + "\",\n  \"@id\": \"" + id + "\",\n  \"@type\": \"Interface\"\n}\n";
  }

  // ---- DTMI_INVALID ----

  @ParameterizedTest
  @ValueSource(strings = {"dtmi:ex:A;1", "dtmi:ex:A", "dtmi:ex:A;1.2", "dtmi:ex:A;999999999", "dtmi:ex:A;1.999999",
      "dtmi:a_b:C9:d;12", "dtmi:x;1", "dtmi:dtdlx:A;1", "dtmi:standardx:A;1"})
  void validV3InterfaceIds(String id) {
    assertThat(valid(interfaceWithId("dtmi:dtdl:context;3", id)).get(id)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dtmi:ex:1A;1", "dtmi:ex:A_;1", "dtmi:ex:_A;1", "dtmi:ex::A;1", "dtmi:ex:A;0", "dtmi:ex:A;01",
      "dtmi:ex:A;1.0", "dtmi:ex:A;1.01", "dtmi:ex:A;1234567890", "dtmi:ex:A;1.1234567", "dtmi:ex:A;", "dtmi:ex:A;1.",
      "dtmi:ex:a-b;1", "dtmi:ex:A;v1", "DTMI:ex:A;1", "urn:ex:A;1", "dtmi:", "dtmi:ex:A B;1", "dtmi:ex:A#frag;1"})
  void invalidInterfaceIdsAreDtmiInvalid(String id) {
    List<ModelError> errors = errors(interfaceWithId("dtmi:dtdl:context;3", id));
    one(errors, ErrorCode.DTMI_INVALID, IN0, 3, "/@id", null);
  }

  @Test
  void invalidIdOfAContentIsDtmiInvalid() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A:9t;1\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.DTMI_INVALID, IN0, 5, "/contents/0/@id", null);
  }

  @Test
  void systemSegmentInAnIdIsDtmiInvalid() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A:_contents:__t;1\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.DTMI_INVALID, IN0, 5, "/contents/0/@id", null);
  }

  @Test
  void relationshipTargetThatIsNotADtmiIsDtmiInvalid() {
    String text = v3(A, "{\"@type\": \"Relationship\", \"name\": \"r\", \"target\": \"Room\"}");
    only(errors(text), ErrorCode.DTMI_INVALID, IN0, 5, "/contents/0/target", "dtmi:ex:A:_contents:__r;1");
  }

  @Test
  void extendsValueThatIsNotADtmiIsDtmiInvalid() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "extends": "dtmi:ex:Base Room;1"
        }
        """;
    one(errors(text), ErrorCode.DTMI_INVALID, IN0, 5, "/extends", A);
  }

  // ---- DTMI_TOO_LONG ----

  private static String idOfLength(String prefix, int length) {
    String id = prefix + repeat('a', length - prefix.length() - 2) + ";1";
    assertThat(id).hasSize(length);
    return id;
  }

  @Test
  void interfaceIdOf128CharactersIsValid() {
    String id = idOfLength("dtmi:ex:", 128);
    assertThat(valid(interfaceWithId("dtmi:dtdl:context;3", id)).get(id)).isPresent();
  }

  @Test
  void interfaceIdOf129CharactersIsTooLong() {
    String id = idOfLength("dtmi:ex:", 129);
    only(errors(interfaceWithId("dtmi:dtdl:context;3", id)), ErrorCode.DTMI_TOO_LONG, IN0, 3, "/@id", id);
  }

  @Test
  void v2InterfaceIdOf129CharactersIsTooLong() {
    String id = idOfLength("dtmi:ex:", 129);
    only(errors(interfaceWithId("dtmi:dtdl:context;2", id)), ErrorCode.DTMI_TOO_LONG, IN0, 3, "/@id", id);
  }

  @Test
  void contentIdOf2048CharactersIsValid() {
    String id = idOfLength("dtmi:ex:A:", 2048);
    Models m = valid(v3(A, "{\"@id\": \"" + id + "\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}"));
    assertThat(m.require(A).content("t").orElseThrow().id().value()).isEqualTo(id);
  }

  @Test
  void contentIdOf2049CharactersIsTooLong() {
    String id = idOfLength("dtmi:ex:A:", 2049);
    String text = v3(A, "{\"@id\": \"" + id + "\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.DTMI_TOO_LONG, IN0, 5, "/contents/0/@id", id);
  }

  @Test
  void schemaIdOf2049CharactersIsTooLong() {
    String id = idOfLength("dtmi:ex:A:", 2049);
    String text = "{\n  \"@context\": \"dtmi:dtdl:context;3\",\n  \"@id\": \"dtmi:ex:A;1\",\n  \"@type\": \"Interface\",\n"
        + "  \"schemas\": [{\"@id\": \"" + id + "\", \"@type\": \"Object\", \"fields\": []}]\n}\n";
    only(errors(text), ErrorCode.DTMI_TOO_LONG, IN0, 5, "/schemas/0/@id", id);
  }

  @Test
  void relationshipTargetOf2048IsValidAnd2049IsTooLong() {
    String ok = idOfLength("dtmi:ex:", 2048);
    valid(v3(A, "{\"@type\": \"Relationship\", \"name\": \"r\", \"target\": \"" + ok + "\"}"));
    String tooLong = idOfLength("dtmi:ex:", 2049);
    String text = v3(A, "{\"@type\": \"Relationship\", \"name\": \"r\", \"target\": \"" + tooLong + "\"}");
    only(errors(text), ErrorCode.DTMI_TOO_LONG, IN0, 5, "/contents/0/target", "dtmi:ex:A:_contents:__r;1");
  }

  // ---- DTMI_RESERVED ----

  @Test
  void referencesToReservedDtmisAreValid() {
    Models m = valid(v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"dtmi:dtdl:instance:Schema:double;3\"}",
        "{\"@type\": \"Telemetry\", \"name\": \"p\", \"schema\": \"dtmi:standard:schema:geospatial:point;3\"}"));
    assertThat(((Telemetry) m.require(A).content("t").orElseThrow()).schema()).isEqualTo(PrimitiveSchema.DOUBLE);
    assertThat(((Telemetry) m.require(A).content("p").orElseThrow()).schema()).isEqualTo(GeospatialSchema.POINT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dtmi:dtdl:A;1", "dtmi:dtdl:context;9", "dtmi:standard:A;1", "dtmi:standard:unit:foo;1"})
  void interfaceIdWithReservedPrefixIsReserved(String id) {
    only(errors(interfaceWithId("dtmi:dtdl:context;3", id)), ErrorCode.DTMI_RESERVED, IN0, 3, "/@id", id);
  }

  @Test
  void contentIdWithReservedPrefixIsReserved() {
    String text = v3(A, "{\"@id\": \"dtmi:standard:t;1\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.DTMI_RESERVED, IN0, 5, "/contents/0/@id", "dtmi:standard:t;1");
  }

  @Test
  void reservedPrefixIsReservedInV2Too() {
    only(errors(interfaceWithId("dtmi:dtdl:context;2", "dtmi:dtdl:mine;1")), ErrorCode.DTMI_RESERVED, IN0, 3, "/@id",
        "dtmi:dtdl:mine;1");
  }

  // ---- DTMI_VERSION ----

  @Test
  void v2InterfaceWithOnePartVersionIsValid() {
    assertThat(valid(interfaceWithId("dtmi:dtdl:context;2", "dtmi:ex:A;12")).get("dtmi:ex:A;12")).isPresent();
  }

  @Test
  void v2InterfaceWithoutVersionIsDtmiVersion() {
    only(errors(interfaceWithId("dtmi:dtdl:context;2", "dtmi:ex:A")), ErrorCode.DTMI_VERSION, IN0, 3, "/@id", null);
  }

  @Test
  void v2InterfaceWithTwoPartVersionIsDtmiVersion() {
    only(errors(interfaceWithId("dtmi:dtdl:context;2", "dtmi:ex:A;1.2")), ErrorCode.DTMI_VERSION, IN0, 3, "/@id", null);
  }

  @Test
  void v2ContentWithoutVersionIsDtmiVersion() {
    String text = v2(A, "{\"@id\": \"dtmi:ex:A:t\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.DTMI_VERSION, IN0, 5, "/contents/0/@id", null);
  }

  @Test
  void v3AcceptsUnversionedAndTwoPartVersions() {
    Models m = valid(interfaceWithId("dtmi:dtdl:context;3", "dtmi:ex:A"),
        interfaceWithId("dtmi:dtdl:context;3", "dtmi:ex:B;2.5"));
    assertThat(m.require("dtmi:ex:A").id().version()).isEmpty();
    assertThat(m.require("dtmi:ex:B;2.5").id().minorVersion()).isEqualTo(5);
  }

  @Test
  void versionWithLeadingZeroIsInvalidInEveryVersion() {
    one(errors(interfaceWithId("dtmi:dtdl:context;2", "dtmi:ex:A;01")), ErrorCode.DTMI_INVALID, IN0, 3, "/@id", null);
  }

  // ---- ID_DUPLICATE ----

  @Test
  void distinctIdsAreValid() {
    Models m = valid(interfaceWithId("dtmi:dtdl:context;3", "dtmi:ex:A;1"),
        interfaceWithId("dtmi:dtdl:context;3", "dtmi:ex:A;2"));
    assertThat(m.size()).isEqualTo(2);
  }

  @Test
  void sameInterfaceIdInTwoSourcesIsDuplicate() {
    List<ModelError> errors = errors(interfaceWithId("dtmi:dtdl:context;3", A), interfaceWithId("dtmi:dtdl:context;3", A));
    assertThat(errors).as(render(errors)).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.ID_DUPLICATE));
    ModelTesting.some(errors, ErrorCode.ID_DUPLICATE, IN1, 3, "/@id", A);
  }

  @Test
  void twoDifferentInterfacesWithTheSameIdAreDuplicate() {
    String other = interfaceWithId("dtmi:dtdl:context;3", A).replace("\"Interface\"", "\"Interface\",\n  \"comment\": \"other\"");
    List<ModelError> errors = errors(interfaceWithId("dtmi:dtdl:context;3", A), other);
    assertThat(errors).as(render(errors)).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.ID_DUPLICATE));
    ModelTesting.some(errors, ErrorCode.ID_DUPLICATE, IN1, 3, "/@id", A);
  }

  @Test
  void idsDifferingOnlyInCaseAreDistinct() {
    Models m = valid(interfaceWithId("dtmi:dtdl:context;3", "dtmi:ex:room;1"),
        interfaceWithId("dtmi:dtdl:context;3", "dtmi:ex:Room;1"));
    assertThat(m.size()).isEqualTo(2);
  }

  @Test
  void twoContentsWithTheSameIdAreDuplicate() {
    String text = v3(A,
        "{\"@id\": \"dtmi:ex:A:x;1\", \"@type\": \"Telemetry\", \"name\": \"a\", \"schema\": \"double\"}",
        "{\"@id\": \"dtmi:ex:A:x;1\", \"@type\": \"Telemetry\", \"name\": \"b\", \"schema\": \"double\"}");
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).allSatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.ID_DUPLICATE));
    ModelTesting.some(errors, ErrorCode.ID_DUPLICATE, IN0, 6, "/contents/1/@id", "dtmi:ex:A:x;1");
  }

  @Test
  void contentWithTheInterfaceIdIsDuplicate() {
    String text = v3(A, "{\"@id\": \"dtmi:ex:A;1\", \"@type\": \"Telemetry\", \"name\": \"a\", \"schema\": \"double\"}");
    List<ModelError> errors = errors(text);
    assertThat(withCode(errors, ErrorCode.ID_DUPLICATE)).as(render(errors)).isNotEmpty();
    ModelTesting.some(errors, ErrorCode.ID_DUPLICATE, IN0, 5, "/contents/0/@id", A);
  }

  @Test
  void explicitIdEqualToAnotherElementsAutomaticIdIsDuplicate() {
    String text = v3(A,
        "{\"@type\": \"Telemetry\", \"name\": \"a\", \"schema\": \"double\"}",
        "{\"@id\": \"dtmi:ex:A:_contents:__a;1\", \"@type\": \"Telemetry\", \"name\": \"b\", \"schema\": \"double\"}");
    // the explicit id uses system segments, which a model may not write: that alone makes it invalid
    List<ModelError> errors = errors(text);
    one(errors, ErrorCode.DTMI_INVALID, IN0, 6, "/contents/1/@id", null);
  }
}
