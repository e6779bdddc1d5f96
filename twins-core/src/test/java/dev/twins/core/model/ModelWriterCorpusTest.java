package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real model set of {@code ../shared/ontologies} that parses writes back out, both as one
 * array document and as one document per Interface, to text that parses to an equal model set;
 * writing that again gives the same text.
 */
@Tag("corpus")
class ModelWriterCorpusTest {

  @ParameterizedTest
  @ValueSource(strings = {"rec-building-v3", "rec-building-v2", "smartcities", "energygrid", "willow-building",
      "willow-rail", "rec4", "isa95", "aas", "iot-pnp-dmr-subset"})
  void writtenOntologiesParseBackToEqualModels(String set) {
    Path dir = SharedData.dir().resolve("ontologies").resolve(set);
    Models models = ModelParser.parseFiles(dir);
    String written = ModelWriter.toJson(models);
    Models again = ModelParser.parseJson(written);
    ModelRoundTripProperties.assertEqualModels(again, models, List.of("(" + set + ", written as one array)"));
    assertThat(ModelWriter.toJson(again)).isEqualTo(written);
    Models perInterface = ModelParser.parseJson(ModelWriter.toJsonDocuments(models).toArray(new String[0]));
    assertThat(perInterface).isEqualTo(models);
  }
}
