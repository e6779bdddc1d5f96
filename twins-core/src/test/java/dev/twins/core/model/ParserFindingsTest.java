package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Problems the properties of {@link ModelRoundTripProperties} found in the parser, each shrunk to
 * a minimal model: every test asserts the correct behaviour, a {@link ModelException} with the
 * expected code, rather than another exception.
 */
class ParserFindingsTest {

  private static String iface(String id, String members) {
    return "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"" + id + "\",\"@type\":\"Interface\"" + members + "}";
  }

  private static ModelException parseFails(String... texts) {
    return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      try {
        ModelParser.parseJson(texts);
      } catch (ModelException e) {
        return e;
      }
      throw new AssertionError("the model set was accepted");
    });
  }

  private static String nestedArrays(int depth) {
    String schema = "\"double\"";
    for (int i = 0; i < depth; i++) schema = "{\"@type\":\"Array\",\"elementSchema\":" + schema + "}";
    return schema;
  }

  /** A DTMI of about 1,100 one-letter segments overflowed the stack in the DTMI regular expression. */
  @Test
  void dtmiWithThousandsOfSegmentsIsAModelError() {
    String longId = "dtmi:ex:" + "a:".repeat(2000) + "b;1";
    ModelException e = parseFails(iface("dtmi:ex:A;1", ",\"extends\":\"" + longId + "\""));
    assertThat(e.errors()).extracting(ModelError::code).containsAnyOf(ErrorCode.DTMI_TOO_LONG, ErrorCode.DTMI_INVALID);
  }

  /** An Interface extending a self-extending Interface whose DTMI sorts first overflowed the stack. */
  @Test
  void extendsCycleBelowAnotherInterfaceIsAModelError() {
    ModelException e = parseFails(
        iface("dtmi:ex:A;1", ",\"extends\":\"dtmi:ex:A;1\""),
        iface("dtmi:ex:B;1", ",\"extends\":\"dtmi:ex:A;1\""));
    assertThat(e.errors()).extracting(ModelError::code).contains(ErrorCode.EXTENDS_CYCLE);
  }

  /** Complex schemas nested more than 65 levels deep were accepted (6 to 65 levels are rejected). */
  @Test
  void schemaNestedSixtySixLevelsDeepIsTooDeep() {
    ModelException e = parseFails(iface("dtmi:ex:A;1",
        ",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"t\",\"schema\":" + nestedArrays(66) + "}]"));
    assertThat(e.errors()).extracting(ModelError::code).contains(ErrorCode.SCHEMA_TOO_DEEP);
  }

  /**
   * Below 65 nested levels the reference checks were skipped too: an {@code elementSchema} naming
   * a Property threw {@code IllegalStateException: not a schema class: Property}.
   */
  @Test
  void referenceToAPropertyDeepInsideASchemaIsAModelError() {
    String schema = "\"dtmi:ex:p;1\"";
    for (int i = 0; i < 66; i++) schema = "{\"@type\":\"Array\",\"elementSchema\":" + schema + "}";
    ModelException e = parseFails(iface("dtmi:ex:A;1", ",\"contents\":[{\"@id\":\"dtmi:ex:p;1\",\"@type\":\"Property\","
        + "\"name\":\"p\",\"schema\":\"double\"},{\"@type\":\"Telemetry\",\"name\":\"t\",\"schema\":" + schema + "}]"));
    assertThat(e.errors()).extracting(ModelError::code).contains(ErrorCode.SCHEMA_TOO_DEEP);
  }

  /**
   * Schemas nested a few hundred levels deep (JSON allows 500) threw IllegalArgumentException from
   * {@code Dtmi.of} once auto-assigned ids passed 4096 characters (about 270 levels), or
   * StackOverflowError in the element reader ({@code readSchema}, {@code childId}, {@code literal},
   * {@code Node.get}), which uses a few KB of stack per level. Parsing runs here on a thread with a
   * 512 KB stack, as in small thread pools.
   */
  @ParameterizedTest
  @ValueSource(ints = {120, 450})
  void schemaNestedHundredsOfLevelsDeepIsAModelErrorOnASmallStack(int levels) throws InterruptedException {
    String text = iface("dtmi:ex:A;1", ",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"t\",\"schema\":"
        + nestedArrays(levels) + "}]");
    Throwable[] thrown = new Throwable[1];
    Thread parser = new Thread(null, () -> {
      try {
        ModelParser.parseJson(text);
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "small-stack-parser", 512 * 1024);
    parser.start();
    parser.join(5000);
    assertThat(parser.isAlive()).as("parser finished").isFalse();
    assertThat(thrown[0]).isInstanceOf(ModelException.class);
    // 120 levels are 240 levels of JSON, read and then cut short by the schema reader; 450 levels
    // (900 of JSON) are already beyond the JSON nesting the parser reads.
    assertThat(((ModelException) thrown[0]).errors()).extracting(ModelError::code)
        .contains(levels < 128 ? ErrorCode.SCHEMA_TOO_DEEP : ErrorCode.JSON_TOO_DEEP);
  }

  /**
   * A valid-looking v3 model whose auto-assigned ids grow past 4096 characters (names of 512
   * characters, five nested Objects and an Enum under a Relationship property) threw
   * IllegalArgumentException from {@code Dtmi.of}.
   */
  @Test
  void overlongAutoAssignedIdIsAModelError() {
    String schema = "{\"@type\":\"Enum\",\"valueSchema\":\"string\",\"enumValues\":[{\"name\":\"" + "e".repeat(512)
        + "\",\"enumValue\":\"x\"}]}";
    for (int i = 0; i < 5; i++) {
      schema = "{\"@type\":\"Object\",\"fields\":[{\"name\":\"" + String.valueOf((char) ('f' + i)).repeat(512)
          + "\",\"schema\":" + schema + "}]}";
    }
    String text = iface("dtmi:ex:A;1", ",\"contents\":[{\"@type\":\"Relationship\",\"name\":\"" + "r".repeat(512)
        + "\",\"properties\":[{\"@type\":\"Property\",\"name\":\"" + "p".repeat(512) + "\",\"schema\":" + schema + "}]}]");
    assertThatThrownBy(() -> ModelParser.parseJson(text)).isInstanceOf(ModelException.class);
  }
}
