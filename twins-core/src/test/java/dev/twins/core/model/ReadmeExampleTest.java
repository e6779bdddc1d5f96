package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's model builder beyond what its Java block shows (which runs in ReadmeExamplesTest), and the bundled ontology. */
class ReadmeExampleTest {

  static Path bundledOntology() {
    Path repo = Path.of(System.getProperty("twins.repo.dir", ".."));
    Path dir = repo.resolve("data/ontologies/rec-building-v3");
    assertThat(dir).as("the bundled ontology (part of the repository)").isDirectory();
    return dir;
  }

  @Test
  void readmeBuilderExampleRuns() {
    Models building = ModelBuilder.create()
        .define("dtmi:com:example:Space;1", s -> s.property("name", Schemas.STRING))
        .define("dtmi:com:example:Room;1", room -> room
            .extendsFrom("dtmi:com:example:Space;1")
            .property("temperature", Schemas.DOUBLE, p -> p.writable().quantity("Temperature", "degreeCelsius"))
            .telemetry("occupied", Schemas.BOOLEAN)
            .relationship("contains", r -> r.target("dtmi:com:example:Sensor;1").maxMultiplicity(10)))
        .define("dtmi:com:example:Sensor;1")
        .build();
    String dtdl = ModelWriter.toJson(building);

    Interface room = building.require("dtmi:com:example:Room;1");
    assertThat(room.contents()).containsOnlyKeys("name", "temperature", "occupied", "contains");
    Property temperature = (Property) room.contents().get("temperature");
    assertThat(temperature.quantity()).contains(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius"));
    assertThat(temperature.writable()).isTrue();
    assertThat(ModelParser.parseJson(dtdl)).isEqualTo(building);
  }

  @Test
  void bundledFilesAllStartWithAByteOrderMark() throws Exception {
    try (var files = Files.walk(bundledOntology())) {
      assertThat(files.filter(f -> f.toString().endsWith(".json")).allMatch(f -> {
        try {
          byte[] head = Files.readAllBytes(f);
          return head.length > 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).isTrue();
    }
  }
}
