package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's model example, on the ontology bundled in the repository. */
class ReadmeExampleTest {

  static Path bundledOntology() {
    Path repo = Path.of(System.getProperty("twins.repo.dir", ".."));
    Path dir = repo.resolve("data/ontologies/rec-building-v3");
    assertThat(dir).as("the bundled ontology (part of the repository)").isDirectory();
    return dir;
  }

  @Test
  void readmeExampleRuns() {
    Models models = ModelParser.parseFiles(bundledOntology());
    Interface room = models.require("dtmi:digitaltwins:rec_3_3:core:Room;1");
    Dtmi space = Dtmi.of("dtmi:digitaltwins:rec_3_3:core:Space;1");

    assertThat(models.size()).isEqualTo(767);
    assertThat(models.warnings()).isEmpty();
    assertThat(room.ancestors()).contains(room.id(), space);
    assertThat(models.isOfModel(room.id(), space)).isTrue();
    assertThat(models.subtypes(space)).contains(room.id(), Dtmi.of("dtmi:digitaltwins:rec_3_3:core:Building;1"));
    assertThat(room.contents()).containsKeys("isPartOf", "hasPart");
    assertThat(room.contents().get("isPartOf")).isInstanceOf(Relationship.class);
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
