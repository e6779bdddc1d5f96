package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Components: the schema must be an Interface, and a component's Interface may not hold components. */
class ComponentRulesTest {
  private static final String A = "dtmi:ex:A;1";
  private static final String C = "dtmi:ex:A:_contents:__c;1";

  private static String component(String schemaJson) {
    return "{\"@type\": \"Component\", \"name\": \"c\", \"schema\": " + schemaJson + "}";
  }

  // ---- COMPONENT_SCHEMA_NOT_INTERFACE ----

  @Test
  void componentOfAReferencedInterfaceIsValid() {
    Models m = valid(v3(A, component("\"dtmi:ex:B;1\"")), v3("dtmi:ex:B;1", "{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\"}"));
    Component c = m.require(A).components().get(0);
    assertThat(c.schema().id().value()).isEqualTo("dtmi:ex:B;1");
    assertThat(c.schema()).isSameAs(m.require("dtmi:ex:B;1"));
    assertThat(c.schema().contents()).containsOnlyKeys("p");
  }

  @Test
  void componentOfAnInlineInterfaceIsValid() {
    Models m = valid(v3(A, component("{\"@id\": \"dtmi:ex:B;1\", \"@type\": \"Interface\", \"contents\": [{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}]}")));
    assertThat(m.require(A).components().get(0).schema().contents()).containsOnlyKeys("t");
    assertThat(m.get("dtmi:ex:B;1")).as("inline Interfaces are part of the set").isPresent();
  }

  @Test
  void componentOfAPrimitiveIsNotAnInterface() {
    only(errors(v3(A, component("\"double\""))), ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, IN0, 5, "/contents/0/schema", C);
  }

  @Test
  void componentOfAnInlineObjectIsNotAnInterface() {
    List<ModelError> errors = errors(v3(A, component("{\"@type\": \"Object\", \"fields\": []}")));
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isIn(ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, ErrorCode.TYPE_NOT_ALLOWED);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.pointer()).isIn("/contents/0/schema", "/contents/0/schema/@type");
  }

  @Test
  void componentOfAReusableSchemaIsNotAnInterface() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "schemas": [{"@id": "dtmi:ex:A:obj;1", "@type": "Object", "fields": []}],
          "contents": [
            {"@type": "Component", "name": "c", "schema": "dtmi:ex:A:obj;1"}
          ]
        }
        """;
    only(errors(text), ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, IN0, 7, "/contents/0/schema", C);
  }

  // ---- COMPONENT_NESTED ----

  @Test
  void interfaceWithAComponentIsFineWhenNotUsedAsAComponent() {
    Models m = valid(v3(A, component("\"dtmi:ex:B;1\"")), v3("dtmi:ex:B;1"));
    assertThat(m.require(A).components()).hasSize(1);
  }

  private static void assertNestedAtTheComponent(List<ModelError> errors) {
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.COMPONENT_NESTED);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.pointer()).as("the outer Component or its schema").isIn("/contents/0", "/contents/0/schema");
    assertThat(e.dtmi()).isEqualTo(C);
  }

  @Test
  void componentWhoseInterfaceHasAComponentIsNested() {
    String a = v3(A, component("\"dtmi:ex:B;1\""));
    String b = v3("dtmi:ex:B;1", "{\"@type\": \"Component\", \"name\": \"d\", \"schema\": \"dtmi:ex:C;1\"}");
    String c = v3("dtmi:ex:C;1");
    assertNestedAtTheComponent(errors(a, b, c));
  }

  @Test
  void componentWhoseInterfaceInheritsAComponentIsNested() {
    String a = v3(A, component("\"dtmi:ex:B;1\""));
    String b = v3("dtmi:ex:B;1").replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"dtmi:ex:Base;1\",");
    String base = v3("dtmi:ex:Base;1", "{\"@type\": \"Component\", \"name\": \"d\", \"schema\": \"dtmi:ex:C;1\"}");
    String c = v3("dtmi:ex:C;1");
    List<ModelError> errors = errors(a, b, base, c);
    assertThat(ModelTesting.withCode(errors, ErrorCode.COMPONENT_NESTED)).as(render(errors)).hasSize(1);
    assertThat(ModelTesting.withCode(errors, ErrorCode.COMPONENT_NESTED).get(0).source()).isEqualTo(IN0);
  }

  @Test
  void nestedInlineComponentsAreNested() {
    String inner = "{\"@id\": \"dtmi:ex:B;1\", \"@type\": \"Interface\", \"contents\": [{\"@type\": \"Component\", \"name\": \"d\", "
        + "\"schema\": {\"@id\": \"dtmi:ex:C;1\", \"@type\": \"Interface\"}}]}";
    assertNestedAtTheComponent(errors(v3(A, component(inner))));
  }

  @Test
  void componentOfItselfIsRejectedWithoutHanging() {
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errors(v3(A, component("\"dtmi:ex:A;1\""))));
    assertThat(errors).as(render(errors)).isNotEmpty();
    assertThat(errors).extracting(ModelError::code).containsAnyOf(ErrorCode.COMPONENT_NESTED, ErrorCode.EXTENDS_CYCLE);
    assertThat(errors).allSatisfy(e -> assertThat(e.source()).isEqualTo(IN0));
  }

  @Test
  void v2ComponentRulesAreTheSame() {
    only(errors(v2(A, component("\"double\""))), ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, IN0, 5, "/contents/0/schema", C);
    List<ModelError> errors = errors(v2(A, component("\"dtmi:ex:B;1\"")),
        v2("dtmi:ex:B;1", "{\"@type\": \"Component\", \"name\": \"d\", \"schema\": \"dtmi:ex:C;1\"}"), v2("dtmi:ex:C;1"));
    assertThat(errors).as(render(errors)).extracting(ModelError::code).containsExactly(ErrorCode.COMPONENT_NESTED);
  }
}
