package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.v3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a set's errors are reported: all at once, sorted by source, line, pointer and code. */
class ErrorReportTest {
  private static final String A = "dtmi:ex:A;1";

  @Test
  void threeUnrelatedErrorsInOneTextAreAllReported() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "displayName": {"EN": "Room"},
          "contents": [
            {"@type": "Telemetry", "name": "temp", "schema": "banana"},
            {"@type": "Relationship", "name": "r", "minMultiplicity": 1}
          ]
        }
        """;
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).hasSize(3);
    assertThat(errors).extracting(ModelError::code)
        .containsExactly(ErrorCode.LANGUAGE_TAG_INVALID, ErrorCode.SCHEMA_INVALID, ErrorCode.MULTIPLICITY);
    assertThat(errors).extracting(ModelError::line).containsExactly(5, 7, 8);
    assertThat(errors).extracting(ModelError::pointer)
        .containsExactly("/displayName/EN", "/contents/0/schema", "/contents/1/minMultiplicity");
    assertThat(errors).extracting(ModelError::dtmi)
        .containsExactly(A, "dtmi:ex:A:_contents:__temp;1", "dtmi:ex:A:_contents:__r;1");
  }

  @Test
  void errorsAreSortedBySourceLinePointerAndCode() {
    String later = v3(A,
        "{\"@type\": \"Telemetry\", \"name\": \"a\", \"schema\": \"double\"}",
        "{\"@type\": \"Telemetry\", \"name\": \"b\", \"schema\": \"double\", \"color\": 1}",
        "{\"@id\": \"dtmi:ex:A:c;1\", \"@type\": \"Telemetry\", \"name\": \"bad name\", \"schema\": \"banana\"}");
    String earlier = v3("dtmi:ex:B;1",
        "{\"@type\": \"Property\", \"name\": \"p\", \"schema\": \"double\", \"writable\": \"no\"}");
    // the texts are given in an order that is not the report order
    List<ModelError> errors = ModelTesting.errors(ModelParser.defaults(), List.of(new ModelSource("z.json", later),
        new ModelSource("a.json", earlier)));
    assertThat(errors).as(render(errors)).extracting(ModelError::source).containsExactly("a.json", "z.json", "z.json", "z.json");
    assertThat(errors).extracting(ModelError::line).containsExactly(5, 6, 7, 7);
    assertThat(errors).extracting(ModelError::pointer).containsExactly("/contents/0/writable", "/contents/1/color",
        "/contents/2/name", "/contents/2/schema");
    assertThat(errors).extracting(ModelError::code).containsExactly(ErrorCode.MEMBER_TYPE, ErrorCode.MEMBER_UNKNOWN,
        ErrorCode.NAME_INVALID, ErrorCode.SCHEMA_INVALID);
    List<ModelError> sorted = new ArrayList<>(errors);
    Collections.sort(sorted);
    assertThat(errors).isEqualTo(sorted);
  }

  @Test
  void errorsOfAllSourcesComeInOneException() {
    String bad0 = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\"}");
    String bad1 = "{ not json";
    String bad2 = v3("dtmi:ex:C;1", "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"writable\": true}");
    assertThatThrownBy(() -> ModelParser.parseJson(bad0, bad1, bad2)).isInstanceOfSatisfying(ModelException.class, e -> {
      assertThat(e.errors()).extracting(ModelError::source).containsExactly(IN0, IN1, "input[2]");
      assertThat(e.errors()).extracting(ModelError::code)
          .containsExactly(ErrorCode.MEMBER_REQUIRED, ErrorCode.JSON_SYNTAX, ErrorCode.MEMBER_UNKNOWN);
      assertThat(e.getMessage()).startsWith("3 model errors").contains("input[1]:1: JSON_SYNTAX");
    });
  }

  @Test
  void errorsFoundWhileResolvingAreReportedBesideErrorsFoundWhileReading() {
    // reading error in input[0] (unknown member); resolution errors in input[1] (extends cycle) and input[2] (schema depth)
    String unknownMember = v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"color\": 1}");
    String cycle = v3("dtmi:ex:C;1").replace("\"@type\": \"Interface\",", "\"@type\": \"Interface\", \"extends\": \"dtmi:ex:C;1\",");
    String deep = v3("dtmi:ex:D;1", "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": "
        + "{\"@type\": \"Array\", \"elementSchema\": {\"@type\": \"Array\", \"elementSchema\": {\"@type\": \"Array\", \"elementSchema\": "
        + "{\"@type\": \"Array\", \"elementSchema\": {\"@type\": \"Array\", \"elementSchema\": {\"@type\": \"Array\", \"elementSchema\": \"double\"}}}}}}}");
    List<ModelError> errors = errors(unknownMember, cycle, deep);
    assertThat(errors).as(render(errors)).extracting(ModelError::code)
        .containsExactly(ErrorCode.MEMBER_UNKNOWN, ErrorCode.EXTENDS_CYCLE, ErrorCode.SCHEMA_TOO_DEEP);
    assertThat(errors).extracting(ModelError::source).containsExactly(IN0, IN1, "input[2]");
  }

  @Test
  void errorRendersSourceLineCodeMessageAndPointer() {
    List<ModelError> errors = errors(v3(A, "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"color\": 1}"));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).toString()).startsWith("input[0]:5: MEMBER_UNKNOWN ").endsWith("(at /contents/0/color)");
    assertThat(errors.get(0).message()).contains("color");
  }
}
