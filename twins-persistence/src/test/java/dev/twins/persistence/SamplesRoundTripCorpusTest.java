package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every sample graph of {@code shared/samples/adt/} that loads (those with their models embedded or
 * beside them; the spreadsheets and the REC guides, which need REC4 or lack components, are left
 * out) is imported into a store, exported as NDJSON, and the export imported into a second store:
 * the two graphs are equal, the second export is the same bytes, and the first store reopens equal.
 */
@Tag("corpus")
class SamplesRoundTripCorpusTest {
  @TempDir Path tmp;

  static Path samples() {
    String dir = System.getProperty("twins.shared.dir");
    Path p = dir == null ? null : Path.of(dir, "samples", "adt");
    Assumptions.assumeTrue(p != null && Files.isDirectory(p), "shared data folder not found (twins.shared.dir="
        + dir + "): corpus test skipped");
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      getting-started/models/basic-home-example/import.json                          |                                                      |   12 |   11
      getting-started/models/energy-grid-example/distributionGridBulkImport.json     |                                                      |   49 |   50
      aas-explorer-exports/Sample/01_Festo ADTExplorer Export.json                   |                                                      |  967 | 1240
      aas-explorer-exports/Sample/02_Bosch ADTExplorer Export.json                   |                                                      |  795 | 1039
      aas-explorer-exports/Sample/02BoschAnd15Siemens ADT Explorer Export.json       |                                                      | 1354 | 1721
      aas-explorer-exports/Sample/07_PhoenixContact ADTExplorer Export.json          |                                                      |  360 |  385
      aas-explorer-exports/Sample/08_SchneiderElectric ADTExplorer Export.json       |                                                      |  501 |  597
      aas-explorer-exports/Sample/15_Siemens ADTExplorer Export.json                 |                                                      |  559 |  682
      digital-twins-samples/AdtSampleApp/SampleClientApp/BuildingScenario.transcribed.json | digital-twins-samples/AdtSampleApp/SampleClientApp/Models |    3 |    2
      """)
  void importExportImportIsEqual(String file, String models, int twins, int relationships) throws Exception {
    Path root = samples();
    List<Path> inputs = new ArrayList<>();
    if (models != null) inputs.add(root.resolve(models));
    inputs.add(root.resolve(file));
    Path first = tmp.resolve("first");
    String export1;
    List<List<Object>> content1;
    try (TwinStore store = TwinStore.builder(first).durability(Durability.os()).open()) {
      ImportSummary s = GraphFiles.importFiles(store, inputs, ErrorPolicy.CONTINUE);
      assertThat(s.errors()).as(file).isEmpty();
      assertThat(s.twinsCreated()).isEqualTo(twins);
      assertThat(s.relationshipsCreated()).isEqualTo(relationships);
      export1 = export(store.twins());
      content1 = content(store.twins());
    }
    Path ndjson = tmp.resolve("export.ndjson");
    Files.writeString(ndjson, export1, StandardCharsets.UTF_8);
    try (TwinStore store = TwinStore.builder(tmp.resolve("second")).durability(Durability.os()).open()) {
      ImportSummary s = GraphFiles.importFiles(store, List.of(ndjson), ErrorPolicy.STOP);
      assertThat(s.ok()).isTrue();
      assertThat(content(store.twins())).isEqualTo(content1);
      assertThat(export(store.twins())).isEqualTo(export1);
    }
    try (TwinStore store = TwinStore.open(first)) {
      assertThat(content(store.twins())).isEqualTo(content1);
      assertThat(export(store.twins())).isEqualTo(export1);
    }
  }

  static String export(Twins twins) {
    StringWriter w = new StringWriter();
    GraphFiles.export(twins, ExportFormat.NDJSON, w);
    return w.toString();
  }

  /** Twins and relationships without what a new import makes anew (ETags, times). */
  static List<List<Object>> content(Twins t) {
    List<List<Object>> out = new ArrayList<>();
    out.add(List.of(t.models()));
    for (Twin tw : Graphs.twins(t)) {
      List<Object> sourceTimes = new ArrayList<>();
      tw.metadata().forEach((k, m) -> sourceTimes.add(k + "=" + m.sourceTime()));
      sourceTimes.sort(null);
      out.add(List.of(tw.id(), tw.model(), tw.document(), new TreeSet<>(tw.metadata().keySet()), sourceTimes));
      for (Relation r : t.outgoing(tw.id())) out.add(List.of(r.sourceId(), r.id(), r.name(), r.targetId(), r.properties()));
    }
    return out;
  }
}
