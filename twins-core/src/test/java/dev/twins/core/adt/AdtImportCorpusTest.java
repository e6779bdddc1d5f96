package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample graphs whose models sit beside them (a model folder, or the RealEstateCore 4
 * ontology) load through {@link AdtImport}: the consistent one with its exact counts, the
 * inconsistent REC guides with errors that name the twin and the property.
 */
@Tag("corpus")
class AdtImportCorpusTest {
  private static Path samples() {
    return SharedData.dir().resolve("samples").resolve("adt");
  }

  @Test
  void theSampleClientAppScenarioLoadsWithItsModelFolder() {
    Path app = samples().resolve("digital-twins-samples/AdtSampleApp/SampleClientApp");
    AdtImport.Result r = AdtImport.load(List.of(app.resolve("Models"), app.resolve("BuildingScenario.transcribed.json")),
        ErrorPolicy.CONTINUE);
    assertThat(r.errors()).isEmpty();
    assertThat(r.twins().twinCount()).isEqualTo(3);
    assertThat(r.twins().relationCount()).isEqualTo(2);
    assertThat(r.twins().twins().stream().flatMap(t -> r.twins().outgoing(t.id()).stream())
        .map(rel -> rel.properties().toString()).collect(Collectors.joining())).contains("ownershipUser");
  }

  /**
   * The REC guides were written against an older REC 4: their twins carry {@code geometry} as a
   * string where REC 4 declares a Relationship, and most omit the components {@code area} and
   * {@code capacity}. Every refusal names the twin and the property.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sensor", "assets_hvac", "tenant"})
  void theRecGuidesDoNotFitRec4(String guide) {
    Path file = samples().resolve("rec-guides/docs/guides/" + guide + "/" + guide + ".json");
    AdtImport.Result r = AdtImport.load(List.of(SharedData.dir().resolve("ontologies/rec4"), file),
        ErrorPolicy.CONTINUE);
    assertThat(r.errors()).isNotEmpty();
    String all = r.errors().stream().map(AdtFileError::toString).collect(Collectors.joining("\n"));
    assertThat(all).containsAnyOf("/geometry", "/area", "/capacity");
    assertThat(r.errors()).allSatisfy(e -> {
      assertThat(e.file()).isEqualTo(file.toString());
      assertThat(e.line()).isPositive();
    });
    // each refused twin names itself first, then the JSON path of the property
    assertThat(r.errors().stream().filter(e -> e.message().contains("does not fit")))
        .allSatisfy(e -> assertThat(e.message()).matches("(?s)[^:]+: the twin does not fit its model: /.*"));
  }
}
