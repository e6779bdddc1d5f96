package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.IN0;
import static dev.twins.core.model.ModelTesting.IN1;
import static dev.twins.core.model.ModelTesting.errors;
import static dev.twins.core.model.ModelTesting.line;
import static dev.twins.core.model.ModelTesting.one;
import static dev.twins.core.model.ModelTesting.only;
import static dev.twins.core.model.ModelTesting.render;
import static dev.twins.core.model.ModelTesting.repeat;
import static dev.twins.core.model.ModelTesting.valid;
import static dev.twins.core.model.ModelTesting.withCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input that is not a DTDL document at all: unreadable files, empty texts, broken or hostile JSON,
 * roots that are not objects. Every case must end in a {@link ModelException} with a located error,
 * never in another exception.
 */
class BadInputTest {
  private static final String MINIMAL = """
      {
        "@context": "dtmi:dtdl:context;3",
        "@id": "dtmi:ex:A;1",
        "@type": "Interface"
      }
      """;

  // ---- JSON_SYNTAX ----

  @Test
  void wellFormedJsonIsAccepted() {
    assertThat(valid(MINIMAL).require("dtmi:ex:A;1").id().value()).isEqualTo("dtmi:ex:A;1");
  }

  @Test
  void missingCommaIsJsonSyntaxAtTheLineOfTheUnexpectedToken() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1"
          "@type": "Interface"
        }
        """;
    only(errors(text), ErrorCode.JSON_SYNTAX, IN0, 4, "", "");
  }

  @Test
  void plainTextIsJsonSyntax() {
    only(errors("this is not JSON"), ErrorCode.JSON_SYNTAX, IN0, 1, "", "");
  }

  @Test
  void unterminatedObjectIsJsonSyntax() {
    String text = "{\n  \"@context\": \"dtmi:dtdl:context;3\",\n  \"@id\": \"dtmi:ex:A;1\"\n";
    List<ModelError> errors = errors(text);
    assertThat(errors).as(render(errors)).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo(ErrorCode.JSON_SYNTAX);
    assertThat(errors.get(0).source()).isEqualTo(IN0);
    assertThat(errors.get(0).line()).as("end of input is on line 3 or 4").isBetween(3, 4);
  }

  @Test
  void unterminatedStringIsJsonSyntaxOnItsLine() {
    String text = "{\n  \"@context\": \"dtmi:dtdl:context;3\",\n  \"@id\": \"dtmi:ex:A;1,\n  \"@type\": \"Interface\"\n}\n";
    List<ModelError> errors = errors(text);
    assertThat(withCode(errors, ErrorCode.JSON_SYNTAX)).as(render(errors)).hasSize(1);
  }

  @Test
  void syntaxErrorsInTwoSourcesAreBothReported() {
    List<ModelError> errors = errors("{ oops }", MINIMAL, "[1, 2,, 3]");
    assertThat(errors).as(render(errors)).extracting(ModelError::code)
        .containsExactly(ErrorCode.JSON_SYNTAX, ErrorCode.JSON_SYNTAX);
    assertThat(errors).extracting(ModelError::source).containsExactly(IN0, "input[2]");
  }

  // ---- EMPTY_INPUT ----

  @Test
  void emptyTextIsEmptyInput() {
    List<ModelError> errors = errors("");
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_INPUT);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.pointer()).isEmpty();
    assertThat(e.line()).isBetween(0, 1);
    assertThat(e.dtmi()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n", "  \n\t \r\n  ", "\uFEFF", "\uFEFF  \n"})
  void whiteSpaceOnlyIsEmptyInput(String text) {
    List<ModelError> errors = errors(MINIMAL, text);
    assertThat(errors).as(render(errors)).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo(ErrorCode.EMPTY_INPUT);
    assertThat(errors.get(0).source()).isEqualTo(IN1);
    assertThat(errors.get(0).pointer()).isEmpty();
  }

  // ---- ROOT_NOT_OBJECT ----

  @ParameterizedTest
  @ValueSource(strings = {"42", "\"x\"", "true", "null", "3.5"})
  void scalarRootIsNotAnObject(String text) {
    only(errors(text), ErrorCode.ROOT_NOT_OBJECT, IN0, 1, "", "");
  }

  @Test
  void arrayOfNumbersIsNotAnArrayOfObjects() {
    List<ModelError> errors = errors("[1, 2]");
    assertThat(errors).as(render(errors)).isNotEmpty().allSatisfy(e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.ROOT_NOT_OBJECT);
      assertThat(e.source()).isEqualTo(IN0);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.pointer()).isIn("", "/0", "/1");
    });
  }

  @Test
  void arrayMixingAnInterfaceAndANumberIsReportedAtTheNumber() {
    String text = """
        [
          {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface"},
          7
        ]
        """;
    only(errors(text), ErrorCode.ROOT_NOT_OBJECT, IN0, 3, "/1", "");
  }

  @Test
  void arrayOfInterfacesIsAccepted() {
    String text = """
        [
          {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface"},
          {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:B;1", "@type": "Interface"}
        ]
        """;
    Models models = valid(text);
    assertThat(models.size()).isEqualTo(2);
    assertThat(models.get("dtmi:ex:B;1")).isPresent();
  }

  // ---- TOP_LEVEL_NOT_INTERFACE ----

  @Test
  void topLevelTelemetryIsNotAnInterface() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:T;1",
          "@type": "Telemetry",
          "name": "t",
          "schema": "double"
        }
        """;
    only(errors(text), ErrorCode.TOP_LEVEL_NOT_INTERFACE, IN0, 4, "/@type", "dtmi:ex:T;1");
  }

  @Test
  void topLevelObjectSchemaInAnArrayIsNotAnInterface() {
    String text = """
        [
          {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface"},
          {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:O;1", "@type": "Object", "fields": []}
        ]
        """;
    only(errors(text), ErrorCode.TOP_LEVEL_NOT_INTERFACE, IN0, 3, "/1/@type", "dtmi:ex:O;1");
  }

  // ---- JSON_TOO_DEEP ----

  @Test
  void tenThousandNestedArraysAreTooDeepWithoutStackOverflow() {
    String text = repeat('[', 10_000) + repeat(']', 10_000);
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> errors(text));
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.JSON_TOO_DEEP);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.pointer()).as("document level, or a pointer into the nesting").matches("(/0)*");
  }

  @Test
  void tenThousandNestedObjectsAreTooDeepWithoutStackOverflow() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_000; i++) sb.append("{\"a\":");
    sb.append("1");
    for (int i = 0; i < 10_000; i++) sb.append('}');
    String text = sb.toString();
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> errors(text));
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.JSON_TOO_DEEP);
    assertThat(e.source()).isEqualTo(IN0);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.pointer()).as("document level, or a pointer into the nesting").matches("(/a)*");
  }

  @Test
  void deepNestingInsideAnInterfaceIsTooDeep() {
    String text = "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:A;1\", \"@type\": \"Interface\",\n"
        + "\"comment\": " + repeat('[', 5_000) + repeat(']', 5_000) + "}";
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> errors(text));
    assertThat(withCode(errors, ErrorCode.JSON_TOO_DEEP)).as(render(errors)).hasSize(1);
    assertThat(withCode(errors, ErrorCode.JSON_TOO_DEEP).get(0).line()).isEqualTo(2);
  }

  // ---- UTF-8 BOM and CRLF ----

  @Test
  void byteOrderMarkIsIgnored() {
    assertThat(valid("\uFEFF" + MINIMAL).get("dtmi:ex:A;1")).isPresent();
  }

  @Test
  void crlfLineEndsAreAcceptedAndLinesStillCount() {
    String lf = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "contents": [
            {"@type": "Telemetry", "name": "ok", "schema": "double"},
            {"@id": "dtmi:ex:A:bad;1", "@type": "Telemetry", "name": "not ok", "schema": "double"}
          ]
        }
        """;
    String crlf = lf.replace("\n", "\r\n");
    assertThat(valid(lf.replace("not ok", "fine").replace("\n", "\r\n")).require("dtmi:ex:A;1").contents())
        .containsOnlyKeys("ok", "fine");
    only(errors(crlf), ErrorCode.NAME_INVALID, IN0, 7, "/contents/1/name", "dtmi:ex:A:bad;1");
  }

  @Test
  void bareCarriageReturnsAlsoEndLines() {
    String text = "{\r\"@context\": \"dtmi:dtdl:context;3\",\r\"@id\": \"dtmi:ex:A;1\",\r\"@type\": \"Interface\",\r"
        + "\"displayName\": 5\r}";
    only(errors(text), ErrorCode.MEMBER_TYPE, IN0, 5, "/displayName", "dtmi:ex:A;1");
  }

  // ---- files: IO_ERROR, NO_MODELS ----

  @Test
  void unreadablePathsDoNotHideErrorsInTheFilesThatWereRead(@TempDir Path dir) throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"@context\": [1, 2\n}");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> ModelParser.defaults().parsePaths(List.of(broken, empty, missing)))
        .isInstanceOfSatisfying(ModelException.class, e -> {
          assertThat(e.errors()).extracting(ModelError::code)
              .containsExactlyInAnyOrder(ErrorCode.JSON_SYNTAX, ErrorCode.NO_MODELS, ErrorCode.IO_ERROR);
          ModelError syntax = e.errors().stream().filter(x -> x.code() == ErrorCode.JSON_SYNTAX).findFirst().orElseThrow();
          assertThat(syntax.source()).isEqualTo(broken.toString());
          assertThat(syntax.line()).isEqualTo(3);
          assertThat(syntax.message()).doesNotContain("[Source:").doesNotContain("REDACTED");
        });
  }

  @Test
  void filesAndDirectoriesAreReadRecursivelyAndOnlyJson(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.json"), MINIMAL);
    Path sub = Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(sub.resolve("b.json"), MINIMAL.replace("dtmi:ex:A;1", "dtmi:ex:B;1"));
    Files.writeString(sub.resolve("notes.txt"), "not a model at all");
    Models models = ModelParser.parseFiles(dir);
    assertThat(models.interfaces()).extracting(i -> i.id().value()).containsExactly("dtmi:ex:A;1", "dtmi:ex:B;1");
  }

  @Test
  void errorsInFilesNameTheFilePath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, MINIMAL.replace("\"Interface\"", "\"Interface\",\n  \"displayName\": 5"));
    List<ModelError> errors = fileErrors(file);
    only(errors, ErrorCode.MEMBER_TYPE, file.toString(), 5, "/displayName", "dtmi:ex:A;1");
  }

  @Test
  void byteOrderMarkInAFileIsIgnored(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.json");
    byte[] body = MINIMAL.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Files.write(file, bytes);
    assertThat(ModelParser.parseFiles(file).get("dtmi:ex:A;1")).isPresent();
  }

  @Test
  void crlfFileKeepsLineNumbers(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("crlf.json");
    Files.writeString(file, MINIMAL.replace("\"Interface\"", "\"Interface\",\n  \"displayName\": 5").replace("\n", "\r\n"));
    only(fileErrors(file), ErrorCode.MEMBER_TYPE, file.toString(), 5, "/displayName", "dtmi:ex:A;1");
  }

  @Test
  void missingFileIsAnIoErrorNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    List<ModelError> errors = fileErrors(missing);
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.IO_ERROR);
    assertThat(e.source()).isEqualTo(missing.toString());
    assertThat(e.line()).isZero();
    assertThat(e.pointer()).isEmpty();
    assertThat(e.message()).contains("nope.json");
  }

  @Test
  void missingFileBesideAGoodOneIsStillAnIoError(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.json");
    Files.writeString(good, MINIMAL);
    Path missing = dir.resolve("missing.json");
    List<ModelError> errors = fileErrors(good, missing);
    one(errors, ErrorCode.IO_ERROR, missing.toString(), 0, "", "");
  }

  @Test
  void unreadableFileIsAnIoError(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("secret.json");
    Files.writeString(file, MINIMAL);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeThat(false).as("no POSIX permissions on this file system").isTrue();
    }
    assumeThat(Files.isReadable(file)).as("the user can read files without permission (root)").isFalse();
    List<ModelError> errors = fileErrors(file);
    only(errors, ErrorCode.IO_ERROR, file.toString(), 0, "", "");
    assertThat(errors.get(0).message()).contains("secret.json");
  }

  @Test
  void fileUnderAFileIsAnIoError(@TempDir Path dir) throws IOException {
    Path plain = dir.resolve("plain.json");
    Files.writeString(plain, MINIMAL);
    Path impossible = plain.resolve("child.json");
    List<ModelError> errors = fileErrors(impossible);
    assertThat(errors).as(render(errors)).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo(ErrorCode.IO_ERROR);
    assertThat(errors.get(0).message()).contains("child.json");
  }

  @Test
  void emptyDirectoryHasNoModels(@TempDir Path dir) {
    List<ModelError> errors = fileErrors(dir);
    assertThat(errors).as(render(errors)).hasSize(1);
    ModelError e = errors.get(0);
    assertThat(e.code()).isEqualTo(ErrorCode.NO_MODELS);
    assertThat(e.line()).isZero();
    assertThat(e.pointer()).isEmpty();
    assertThat(e.source()).isIn("", dir.toString());
  }

  @Test
  void directoryWithoutJsonFilesHasNoModels(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("readme.md"), "# nothing here");
    Files.writeString(dir.resolve("model.json.bak"), MINIMAL);
    List<ModelError> errors = fileErrors(dir);
    assertThat(errors).as(render(errors)).extracting(ModelError::code).containsExactly(ErrorCode.NO_MODELS);
  }

  @Test
  void noSourcesAtAllIsNoModels() {
    List<ModelError> errors = ModelTesting.errors(ModelParser.defaults(), List.<ModelSource>of());
    only(errors, ErrorCode.NO_MODELS, "", 0, "", "");
  }

  @Test
  void parseJsonWithoutTextsIsNoModels() {
    assertThatThrownBy(ModelParser::parseJson).isInstanceOfSatisfying(ModelException.class,
        e -> assertThat(e.errors()).extracting(ModelError::code).containsExactly(ErrorCode.NO_MODELS));
  }

  @Test
  void aDirectoryWithOneModelIsNotEmpty(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("one.json"), MINIMAL);
    assertThat(ModelParser.defaults().parsePaths(List.of(dir)).size()).isEqualTo(1);
  }

  // ---- INTERFACE_TOO_LARGE on a 10 MB file ----

  @Test
  void tenMegabyteInterfaceIsTooLargeAndFastToReject(@TempDir Path dir) throws IOException {
    String text = "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:Huge;1\", \"@type\": \"Interface\","
        + repeat(' ', 10 * 1024 * 1024) + "\"contents\": []}";
    Path file = dir.resolve("huge.json");
    Files.writeString(file, text);
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> fileErrors(file));
    only(errors, ErrorCode.INTERFACE_TOO_LARGE, file.toString(), 1, "", "dtmi:ex:Huge;1");
  }

  @Test
  void hugeTextWithManyErrorsFinishesQuickly() {
    StringBuilder sb = new StringBuilder("{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"dtmi:ex:Many;1\", \"@type\": \"Interface\", \"contents\": [\n");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      sb.append("{\"@type\": \"Telemetry\", \"name\": \"bad name ").append(i).append("\", \"schema\": \"double\"}");
      sb.append(i + 1 < n ? ",\n" : "\n");
    }
    sb.append("]}");
    String text = sb.toString();
    List<ModelError> errors = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> errors(text));
    assertThat(withCode(errors, ErrorCode.NAME_INVALID)).hasSize(n);
    assertThat(withCode(errors, ErrorCode.NAME_INVALID).get(n - 1).line()).isEqualTo(line(text, "bad name " + (n - 1) + "\""));
  }

  private static List<ModelError> fileErrors(Path... paths) {
    try {
      Models m = ModelParser.defaults().parsePaths(List.of(paths));
      throw new AssertionError("expected a ModelException, got " + m);
    } catch (ModelException e) {
      return e.errors();
    }
  }
}
