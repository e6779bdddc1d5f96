package dev.twins.cli;

import static dev.twins.cli.Run.twins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code twins validate --each --json} over every real-world ontology in the shared folder. */
@Tag("corpus")
class CorpusValidateTest {

  /**
   * Interfaces per set: one top-level Interface per file, plus inline Interfaces (Component
   * schemas defined in place): {@code iot-pnp-dmr-subset} has 309 files and 3 inline Interfaces,
   * all in {@code dtmi/bosch/xdk110-1.json}.
   */
  private static final Map<String, Integer> EXPECTED = Map.of(
      "rec-building-v3", 767,
      "rec-building-v2", 767,
      "smartcities", 63,
      "energygrid", 113,
      "willow-building", 3700,
      "willow-rail", 582,
      "rec4", 1364,
      "isa95", 180,
      "aas", 68,
      "iot-pnp-dmr-subset", 309 + 3);

  @Test
  void everyOntologyIsValidWithTheExpectedInterfaceCount() throws IOException {
    String shared = System.getProperty("twins.shared.dir", "");
    Path ontologies = (shared.isEmpty() ? Path.of("..", "..", "shared") : Path.of(shared))
        .resolve("ontologies");
    assumeTrue(Files.isDirectory(ontologies),
        "corpus test skipped: " + ontologies + " not found (set -Dtwins.shared.dir)");
    List<String> args = new ArrayList<>(List.of("validate", "--each", "--json"));
    try (Stream<Path> dirs = Files.list(ontologies)) {
      dirs.filter(Files::isDirectory).sorted().forEach(d -> args.add(d.toString()));
    }

    Run run = twins(args.toArray(String[]::new));

    JsonMapper json = JsonMapper.builder().build();
    Map<String, Integer> counts = new TreeMap<>();
    StringBuilder problems = new StringBuilder();
    for (String line : run.outLines()) {
      JsonNode o = json.readTree(line);
      String name = Path.of(o.get("path").asString()).getFileName().toString();
      counts.put(name, o.get("interfaces").asInt());
      if (!o.get("valid").asBoolean()) {
        problems.append(name).append(": ").append(o.get("errors").size()).append(" errors, first ")
            .append(o.get("errors").get(0)).append('\n');
      }
    }
    assertThat(problems.toString()).as("invalid sets").isEmpty();
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(counts).isEqualTo(new TreeMap<>(EXPECTED));
  }
}
