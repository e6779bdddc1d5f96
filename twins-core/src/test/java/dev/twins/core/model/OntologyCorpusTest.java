package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.twins.core.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every real model set of {@code ../shared/ontologies} loads as one batch, without errors, under default options. */
@Tag("corpus")
class OntologyCorpusTest {

  @ParameterizedTest(name = "{0}: {1} interfaces")
  @CsvSource({
    "rec-building-v3, 767",
    "rec-building-v2, 767",
    "smartcities, 63",
    "energygrid, 113",
    "willow-building, 3700",
    "willow-rail, 582",
    "rec4, 1364",
    "isa95, 180",
    "aas, 68",
    "iot-pnp-dmr-subset, 309",
  })
  void loadsWithoutErrors(String set, int interfaces) {
    Path dir = SharedData.dir().resolve("ontologies").resolve(set);
    Models models;
    try {
      models = ModelParser.parseFiles(dir);
    } catch (ModelException e) {
      List<String> first = e.errors().stream().limit(40).map(ModelError::toString).collect(Collectors.toList());
      fail(set + ": " + e.errors().size() + " errors, first ones:\n" + String.join("\n", first));
      return;
    }
    assertThat(models.size()).as("interfaces in %s", set).isEqualTo(interfaces);
  }
}
