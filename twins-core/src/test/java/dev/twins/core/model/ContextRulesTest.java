package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.HIST;
import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.QT;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.iface;
import static dev.twins.core.model.ModelTesting.line;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code @context} rules: presence at top level, form, DTDL version, order, extensions. */
class ContextRulesTest {
  private static final String TELEMETRY = "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}";

  // ---- CONTEXT_MISSING ----

  @Test
  void topLevelInterfaceWithContextIsValid() {
    assertThat(valid(iface("dtmi:dtdl:context;3", "dtmi:ex:A;1", TELEMETRY)).require("dtmi:ex:A;1").dtdlVersion())
        .isEqualTo(DtdlVersion.V3);
  }

  @Test
  void nestedElementsInheritTheContext() {
    Models m = valid(iface("dtmi:dtdl:context;2", "dtmi:ex:A;1", TELEMETRY));
    assertThat(m.require("dtmi:ex:A;1").dtdlVersion()).isEqualTo(DtdlVersion.V2);
  }

  @Test
  void topLevelInterfaceWithoutContextIsContextMissing() {
    String text = """
        {
          "@id": "dtmi:ex:A;1",
          "@type": "Interface"
        }
        """;
    only(errors(text), ErrorCode.CONTEXT_MISSING, IN0, 1, "", "dtmi:ex:A;1");
  }

  @Test
  void secondTopLevelElementOfAnArrayWithoutContextIsContextMissing() {
    String text = """
        [
          {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface"},
          {"@id": "dtmi:ex:B;1", "@type": "Interface"}
        ]
        """;
    only(errors(text), ErrorCode.CONTEXT_MISSING, IN0, 3, "/1", "dtmi:ex:B;1");
  }

  // ---- CONTEXT_INVALID ----

  @Test
  void contextArrayOfVersionedDtmisIsValid() {
    valid(iface("[\"dtmi:dtdl:context;3\", \"" + HIST + "\"]", "dtmi:ex:A;1", TELEMETRY));
  }

  @Test
  void contextThatIsANumberIsInvalid() {
    only(errors(iface("42", "dtmi:ex:A;1", TELEMETRY).replace("\"42\"", "42")), ErrorCode.CONTEXT_INVALID, IN0, 2,
        "/@context", "dtmi:ex:A;1");
  }

  @Test
  void contextValueThatIsNotADtmiIsInvalid() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"https://example.com/context\"]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(text), ErrorCode.CONTEXT_INVALID, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  @Test
  void contextValueWithoutVersionIsInvalid() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"dtmi:dtdl:extension:historization\"]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(text), ErrorCode.CONTEXT_INVALID, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  @Test
  void contextArrayWithANumberIsInvalid() {
    String text = iface("[\"dtmi:dtdl:context;3\", 7]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(text), ErrorCode.CONTEXT_INVALID, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  @Test
  void nestedContextThatIsInvalidIsReportedOnTheNestedElement() {
    String text = iface("dtmi:dtdl:context;3", "dtmi:ex:A;1",
        "{\"@context\": true, \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.CONTEXT_INVALID, IN0, 5, "/contents/0/@context", "dtmi:ex:A:_contents:__t;1");
  }

  // ---- CONTEXT_VERSION_UNSUPPORTED ----

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void dtdlVersionsTwoThreeAndFourAreSupported(int version) {
    Models m = valid(iface("dtmi:dtdl:context;" + version, "dtmi:ex:A;1", TELEMETRY));
    assertThat(m.require("dtmi:ex:A;1").dtdlVersion().number()).isEqualTo(version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dtmi:dtdl:context;1", "dtmi:dtdl:context;5", "dtmi:dtdl:context;99"})
  void otherDtdlVersionsAreUnsupported(String context) {
    only(errors(iface(context, "dtmi:ex:A;1", TELEMETRY)), ErrorCode.CONTEXT_VERSION_UNSUPPORTED, IN0, 2, "/@context",
        "dtmi:ex:A;1");
  }

  // ---- CONTEXT_ORDER ----

  @Test
  void dtdlContextFirstThenExtensionsIsValid() {
    valid(iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\", \"" + HIST + "\"]", "dtmi:ex:A;1", TELEMETRY));
  }

  @Test
  void extensionBeforeDtdlContextIsContextOrder() {
    String text = iface("[\"" + HIST + "\", \"dtmi:dtdl:context;3\"]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(text), ErrorCode.CONTEXT_ORDER, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  // ---- CONTEXT_EXTENSION_UNKNOWN ----

  @Test
  void unknownExtensionContextIsRejectedInV3ByDefault() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"dtmi:ex:someExtension;1\"]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(text), ErrorCode.CONTEXT_EXTENSION_UNKNOWN, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  @Test
  void unknownExtensionContextIsAcceptedInV3WhenAllowed() {
    String text = iface("[\"dtmi:dtdl:context;3\", \"dtmi:ex:someExtension;1\"]", "dtmi:ex:A;1", TELEMETRY);
    ModelParser allow = ModelParser.builder().undefinedExtensions(UndefinedExtensions.ALLOW).build();
    assertThat(valid(allow, text).require("dtmi:ex:A;1").contents()).containsOnlyKeys("t");
  }

  @Test
  void unknownExtensionContextIsAcceptedInV2ByDefault() {
    String text = iface("[\"dtmi:dtdl:context;2\", \"dtmi:ex:someExtension;1\"]", "dtmi:ex:A;1", TELEMETRY);
    assertThat(valid(text).require("dtmi:ex:A;1").contents()).containsOnlyKeys("t");
  }

  @Test
  void unknownExtensionContextIsRejectedInV2WhenDisallowed() {
    String text = iface("[\"dtmi:dtdl:context;2\", \"dtmi:ex:someExtension;1\"]", "dtmi:ex:A;1", TELEMETRY);
    ModelParser strict = ModelParser.builder().undefinedExtensions(UndefinedExtensions.DISALLOW).build();
    only(errors(strict, text), ErrorCode.CONTEXT_EXTENSION_UNKNOWN, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  @Test
  void unknownExtensionContextOnANestedElementIsReportedThere() {
    String text = iface("dtmi:dtdl:context;3", "dtmi:ex:A;1",
        "{\"@context\": \"dtmi:ex:someExtension;1\", \"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}");
    only(errors(text), ErrorCode.CONTEXT_EXTENSION_UNKNOWN, IN0, 5, "/contents/0/@context",
        "dtmi:ex:A:_contents:__t;1");
  }

  // ---- CONTEXT_EXTENSION_VERSION ----

  @Test
  void historizationIsUsableInV2AndV3() {
    valid(iface("[\"dtmi:dtdl:context;2\", \"" + HIST + "\"]", "dtmi:ex:A;1", TELEMETRY),
        iface("[\"dtmi:dtdl:context;3\", \"" + HIST + "\"]", "dtmi:ex:B;1", TELEMETRY));
  }

  @Test
  void quantitativeTypesIsUsableInV3Only() {
    valid(iface("[\"dtmi:dtdl:context;3\", \"" + QT + "\"]", "dtmi:ex:A;1", TELEMETRY));
    String v2 = iface("[\"dtmi:dtdl:context;2\", \"" + QT + "\"]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(v2), ErrorCode.CONTEXT_EXTENSION_VERSION, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  @Test
  void annotationIsUsableInV3Only() {
    String v2 = iface("[\"dtmi:dtdl:context;2\", \"" + ModelTesting.ANNOTATION + "\"]", "dtmi:ex:A;1", TELEMETRY);
    only(errors(v2), ErrorCode.CONTEXT_EXTENSION_VERSION, IN0, 2, "/@context/1", "dtmi:ex:A;1");
  }

  // ---- several context errors at once ----

  @Test
  void contextErrorsOfSeveralInterfacesAreAllReported() {
    String a = """
        {
          "@id": "dtmi:ex:A;1",
          "@type": "Interface"
        }
        """;
    String b = iface("[\"" + HIST + "\", \"dtmi:dtdl:context;3\"]", "dtmi:ex:B;1", TELEMETRY);
    var errors = errors(a, b);
    assertThat(errors).extracting(ModelError::code)
        .containsExactly(ErrorCode.CONTEXT_MISSING, ErrorCode.CONTEXT_ORDER);
    assertThat(errors).extracting(ModelError::source).containsExactly(IN0, IN1);
    assertThat(errors.get(1).line()).isEqualTo(line(b, "@context"));
  }
}
