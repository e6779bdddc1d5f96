package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.SharedData;
import dev.twins.core.model.ModelError;
import dev.twins.core.model.ModelException;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every twin graph in {@code ../shared/samples/adt} reads without errors, with the counts of the
 * samples' README, its embedded models parse as one model set, and it survives a round trip
 * through both writers.
 */
@Tag("corpus")
class AdtSamplesCorpusTest {
  /** File, format, twins, relationships, embedded models, as in the README table. */
  private static final String GRAPHS = """
      getting-started/models/basic-home-example/import.json                                   | EXPLORER    |   12 |   11 |  4
      getting-started/models/energy-grid-example/distributionGridBulkImport.json              | BULK_IMPORT |   49 |   50 | 13
      digital-twins-samples/AdtSampleApp/SampleClientApp/BuildingScenario.transcribed.json    | EXPLORER    |    3 |    2 |  0
      aas-explorer-exports/Sample/01_Festo ADTExplorer Export.json                            | EXPLORER    |  967 | 1240 | 66
      aas-explorer-exports/Sample/02_Bosch ADTExplorer Export.json                            | EXPLORER    |  795 | 1039 | 66
      aas-explorer-exports/Sample/02BoschAnd15Siemens ADT Explorer Export.json                | EXPLORER    | 1354 | 1721 | 66
      aas-explorer-exports/Sample/07_PhoenixContact ADTExplorer Export.json                   | EXPLORER    |  360 |  385 | 66
      aas-explorer-exports/Sample/08_SchneiderElectric ADTExplorer Export.json                | EXPLORER    |  501 |  597 | 66
      aas-explorer-exports/Sample/15_Siemens ADTExplorer Export.json                          | EXPLORER    |  559 |  682 | 66
      rec-guides/docs/guides/spatial/spatial.json                                             | EXPLORER    |    7 |    6 |  8
      rec-guides/docs/guides/sensor/sensor.json                                               | EXPLORER    |   11 |   10 |  0
      rec-guides/docs/guides/assets_hvac/assets_hvac.json                                     | EXPLORER    |   13 |   14 |  0
      rec-guides/docs/guides/tenant/tenant.json                                               | EXPLORER    |   20 |   26 |  0
      """;

  private static Path samples() {
    return SharedData.dir().resolve("samples").resolve("adt");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = GRAPHS)
  void readsWithTheReadmeCounts(String file, AdtFormat format, int twins, int relationships, int models) {
    Path path = samples().resolve(file);
    assertThat(AdtFiles.detect(path)).isEqualTo(format);
    Recorder r = new Recorder();
    ReadSummary s = AdtFiles.read(path, r, ErrorPolicy.CONTINUE);
    r.check(s);
    assertThat(r.errors).isEmpty();
    assertThat(s).isEqualTo(new ReadSummary(format, models, twins, relationships, 0));
    assertThat(r.headers).singleElement().satisfies(h -> assertThat(h.fileVersion()).contains("1.0.0"));
    assertThat(r.calls.subList(0, 2)).containsExactly("header", "models" + models);
    assertThat(r.twins.stream().map(TwinRecord::id).distinct().count()).as("distinct twin ids").isEqualTo(twins);
    assertThat(r.twins).allSatisfy(t -> assertThat(t.line()).isPositive());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = GRAPHS)
  void embeddedModelsParseAsOneModelSet(String file, AdtFormat format, int twins, int relationships, int models) {
    Recorder r = new Recorder();
    AdtFiles.read(samples().resolve(file), r, ErrorPolicy.STOP);
    if (models == 0) {
      assertThat(r.models()).isEmpty();
      return;
    }
    Models parsed;
    try {
      parsed = ModelParser.defaults().parse(r.models());
    } catch (ModelException e) {
      throw new AssertionError(file + ": " + e.errors().size() + " model errors, first ones:\n"
          + e.errors().stream().limit(20).map(ModelError::toString).collect(Collectors.joining("\n")), e);
    }
    assertThat(parsed.size()).as("interfaces").isGreaterThanOrEqualTo(models);
    for (TwinRecord t : r.twins) {
      assertThat(parsed.get(t.modelId())).as("model of twin %s", t.id()).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = GRAPHS)
  void survivesBothWriters(String file, AdtFormat format, int twins, int relationships, int models) {
    Recorder first = new Recorder();
    AdtFiles.read(samples().resolve(file), first, ErrorPolicy.STOP);
    StringWriter bulk = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(bulk, first.headers.get(0).json())) {
      w.models(first.models()).twins(AdtWriterTest.json(first.twins)).relationships(AdtWriterTest.rels(first.relationships));
    }
    Recorder viaBulk = new Recorder();
    viaBulk.check(AdtFiles.readBulkImport(file, new StringReader(bulk.toString()), viaBulk, ErrorPolicy.STOP));
    AdtWriterTest.assertSameRecords(first, viaBulk);
    for (boolean pretty : new boolean[] {false, true}) {
      StringWriter explorer = new StringWriter();
      try (AdtWriter w = AdtFiles.explorerWriter(explorer, pretty)) {
        w.models(first.models()).twins(AdtWriterTest.json(first.twins)).relationships(AdtWriterTest.rels(first.relationships));
      }
      Recorder viaExplorer = new Recorder();
      viaExplorer.check(AdtFiles.readExplorer(file, explorer.toString(), viaExplorer, ErrorPolicy.STOP));
      AdtWriterTest.assertSameRecordsButHeader(first, viaExplorer); // an Explorer file has no author or organization
    }
  }

  @Test
  void everyOtherJsonFileIsAModelFile() throws Exception {
    Map<String, AdtFormat> formats = new TreeMap<>();
    try (Stream<Path> s = Files.walk(samples())) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
          formats.put(samples().relativize(p).toString(), AdtFiles.detect(p));
        }
      }
    }
    List<String> graphs = GRAPHS.lines().map(l -> l.split("\\|")[0].trim()).filter(l -> !l.isEmpty()).toList();
    assertThat(formats.keySet()).containsAll(graphs);
    formats.keySet().removeAll(graphs);
    assertThat(formats).isNotEmpty().allSatisfy((file, format) -> assertThat(format).as(file).isEqualTo(AdtFormat.MODELS));
  }
}
