package dev.twins.cli;

import static dev.twins.cli.Run.twins;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ValidateCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static List<JsonNode> jsonLines(Run run) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : run.outLines()) nodes.add(JSON.readTree(line));
    return nodes;
  }

  @Test
  void validSetPrintsOkWithInterfaceCount() {
    Dtdl.write(dir, "space.json", Dtdl.SPACE);
    Dtdl.write(dir, "rooms/room.json", Dtdl.ROOM);

    Run run = twins("validate", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("OK " + dir + " (2 interfaces)" + System.lineSeparator());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void severalPathsFormOneSetSoReferencesResolveAcrossThem() {
    Path space = Dtdl.write(dir, "a/space.json", Dtdl.SPACE);
    Path room = Dtdl.write(dir, "b/room.json", Dtdl.ROOM);

    Run run = twins("validate", room.toString(), space.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("OK " + room + " " + space + " (2 interfaces)");
  }

  @Test
  void referenceToAFileOutsideTheSetIsAnError() {
    Path room = Dtdl.write(dir, "room.json", Dtdl.ROOM);

    Run run = twins("validate", room.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("UNRESOLVED_REFERENCE").contains("dtmi:com:example:Space;1");
  }

  @Test
  void invalidSetPrintsEachErrorWithFileAndLineThenASummary() {
    Path bad = Dtdl.write(dir, "bad.json", Dtdl.BAD_NAME);

    Run run = twins("validate", dir.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
    assertThat(lines.get(0)).startsWith(bad + ":6: NAME_INVALID ");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(dir + ": " + (lines.size() - 1) + (lines.size() == 2 ? " error" : " errors"));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonHasOneObjectPerSetWithTheDocumentedShape() {
    Path bad = Dtdl.write(dir, "bad.json", Dtdl.BAD_NAME);

    Run run = twins("validate", "--json", bad.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    List<JsonNode> nodes = jsonLines(run);
    assertThat(nodes).hasSize(1);
    JsonNode o = nodes.get(0);
    assertThat(names(o)).containsExactly("path", "valid", "interfaces", "errors", "warnings");
    assertThat(o.get("path").asString()).isEqualTo(bad.toString());
    assertThat(o.get("valid").asBoolean()).isFalse();
    assertThat(o.get("interfaces").asInt()).isZero();
    assertThat(o.get("errors").size()).isPositive();
    JsonNode e = o.get("errors").get(0);
    assertThat(names(e)).containsExactly("code", "message", "dtmi", "file", "line", "pointer");
    assertThat(e.get("code").asString()).isEqualTo("NAME_INVALID");
    assertThat(e.get("file").asString()).isEqualTo(bad.toString());
    assertThat(e.get("line").isInt()).isTrue();
    assertThat(e.get("line").asInt()).isEqualTo(6);
    assertThat(e.get("pointer").asString()).startsWith("/contents/0");
    assertThat(e.get("message").asString()).isNotBlank();
  }

  @Test
  void jsonOfAValidSetOfSeveralPathsJoinsThemWithASpace() {
    Path space = Dtdl.write(dir, "space.json", Dtdl.SPACE);
    Path room = Dtdl.write(dir, "room.json", Dtdl.ROOM);

    Run run = twins("validate", "--json", space.toString(), room.toString());

    assertThat(run.status()).as(run.toString()).isZero();
    JsonNode o = jsonLines(run).get(0);
    assertThat(o.get("path").asString()).isEqualTo(space + " " + room);
    assertThat(o.get("valid").asBoolean()).isTrue();
    assertThat(o.get("interfaces").asInt()).isEqualTo(2);
    assertThat(o.get("errors").isArray()).isTrue();
    assertThat(o.get("errors").size()).isZero();
  }

  @Test
  void eachValidatesEveryPathOnItsOwn() {
    Path good = dir.resolve("good");
    Path bad = dir.resolve("bad");
    Dtdl.write(good, "space.json", Dtdl.SPACE);
    Dtdl.write(good, "room.json", Dtdl.ROOM);
    Dtdl.write(bad, "bad.json", Dtdl.BAD_NAME);

    Run run = twins("validate", "--each", "--json", good.toString(), bad.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    List<JsonNode> nodes = jsonLines(run);
    assertThat(nodes).hasSize(2);
    assertThat(nodes.get(0).get("path").asString()).isEqualTo(good.toString());
    assertThat(nodes.get(0).get("valid").asBoolean()).isTrue();
    assertThat(nodes.get(0).get("interfaces").asInt()).isEqualTo(2);
    assertThat(nodes.get(1).get("path").asString()).isEqualTo(bad.toString());
    assertThat(nodes.get(1).get("valid").asBoolean()).isFalse();
  }

  @Test
  void eachInHumanFormPrintsOneBlockPerSet() {
    Path good = dir.resolve("good");
    Path other = dir.resolve("other");
    Dtdl.write(good, "space.json", Dtdl.SPACE);
    Dtdl.write(other, "space.json", Dtdl.SPACE);

    Run run = twins("validate", "--each", good.toString(), other.toString());

    // Together the two folders would define Space twice; apart each is valid.
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.outLines())
        .containsExactly("OK " + good + " (1 interface)", "OK " + other + " (1 interface)");
  }

  @Test
  void missingPathIsAnIoErrorWithStatus2() {
    Path missing = dir.resolve("nope");

    Run run = twins("validate", missing.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).contains(missing + ": IO_ERROR ");
  }

  @Test
  void missingPathAmongValidSetsStillGivesStatus2() {
    Dtdl.write(dir, "good/space.json", Dtdl.SPACE);
    Dtdl.write(dir, "bad/bad.json", Dtdl.BAD_NAME);

    Run run = twins("validate", "--each", "--json",
        dir.resolve("good").toString(), dir.resolve("nope").toString(), dir.resolve("bad").toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(2);
    List<JsonNode> nodes = jsonLines(run);
    assertThat(nodes).hasSize(3);
    assertThat(nodes.get(1).get("errors").get(0).get("code").asString()).isEqualTo("IO_ERROR");
  }

  @Test
  void emptyDirectoryIsInvalidWithNoModels() {
    Run run = twins("validate", "--json", dir.toString());

    assertThat(run.status()).as(run.toString()).isEqualTo(1);
    JsonNode o = jsonLines(run).get(0);
    assertThat(o.get("valid").asBoolean()).isFalse();
    assertThat(o.get("errors").get(0).get("code").asString()).isEqualTo("NO_MODELS");
  }

  @Test
  void noPathIsAUsageError() {
    Run run = twins("validate");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("PATH").contains("Usage:");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run run = twins("validate", "--frobnicate", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--frobnicate");
  }

  @Test
  void bothExtensionFlagsAreAUsageError() {
    Dtdl.write(dir, "space.json", Dtdl.SPACE);

    Run run = twins("validate", "--allow-undefined-extensions", "--disallow-undefined-extensions",
        dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void undefinedCoTypeInV3IsRejectedByDefaultAndAcceptedWhenAllowed() {
    Dtdl.write(dir, "odd.json", Dtdl.V3_UNDEFINED_COTYPE);

    Run byVersion = twins("validate", dir.toString());
    Run allowed = twins("validate", "--allow-undefined-extensions", dir.toString());

    assertThat(byVersion.status()).as(byVersion.toString()).isEqualTo(1);
    assertThat(byVersion.out()).contains("COTYPE_UNDEFINED");
    assertThat(allowed.status()).as(allowed.toString()).isZero();
  }

  @Test
  void undefinedCoTypeInV2IsAcceptedByDefaultAndRejectedWhenDisallowed() {
    Dtdl.write(dir, "old.json", Dtdl.V2_UNDEFINED_COTYPE);

    Run byVersion = twins("validate", dir.toString());
    Run disallowed = twins("validate", "--disallow-undefined-extensions", dir.toString());

    assertThat(byVersion.status()).as(byVersion.toString()).isZero();
    assertThat(disallowed.status()).as(disallowed.toString()).isEqualTo(1);
    assertThat(disallowed.out()).contains("COTYPE_UNDEFINED");
  }

  @Test
  void helpDocumentsOptionsAndExitStatus() {
    Run run = twins("validate", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("--json", "--each", "--allow-undefined-extensions",
            "--disallow-undefined-extensions", "NO_MODELS", "IO_ERROR", "Exit status:");
  }

  private static List<String> names(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.propertyNames().forEach(names::add);
    return names;
  }
}
