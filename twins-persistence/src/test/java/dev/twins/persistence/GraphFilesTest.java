package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.graph.Twins;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class GraphFilesTest {
  @TempDir Path dir;

  private static String export(Twins t, ExportFormat f) {
    StringWriter w = new StringWriter();
    GraphFiles.export(t, f, w);
    return w.toString();
  }

  @Test
  void dotHasEveryTwinAndRelationship() {
    Twins demo = Twins.demo();
    demo.createTwin("odd \"id\"", "dtmi:twins:demo:Sensor;1", java.util.Map.of("kind", "x"));
    String dot = export(demo, ExportFormat.DOT);
    assertThat(dot).startsWith("digraph twins {");
    assertThat(dot).contains("\"building-1\" [ label=\"building-1\" model=\"dtmi:twins:demo:Building;1\" ];");
    assertThat(dot).contains("\"building-1\" -> \"floor-1\" [ label=\"hasFloor\" id=\"has-floor-1\" ];");
    assertThat(dot).contains("\"odd \\\"id\\\"\"");
    assertThat(dot.lines().filter(l -> l.contains("->")).count()).isEqualTo(demo.relationCount());
    assertThat(export(demo, ExportFormat.DOT)).isEqualTo(dot);
  }

  @Test
  void graphmlIsXmlWithTheAttributes() throws Exception {
    Twins demo = Twins.demo();
    String xml = export(demo, ExportFormat.GRAPHML);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(demo.twinCount());
    assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo((int) demo.relationCount());
    assertThat(xml).contains("attr.name=\"model\"").contains("dtmi:twins:demo:Room;1").contains("hasSensor");
  }

  @Test
  void jsonExportReimports() throws Exception {
    Twins demo = Twins.demo();
    Path file = dir.resolve("demo.json");
    Files.writeString(file, export(demo, ExportFormat.JSON));
    try (TwinStore store = TwinStore.open(dir.resolve("store"))) {
      ImportSummary s = GraphFiles.importFiles(store, List.of(file), ErrorPolicy.STOP);
      assertThat(s).hasToString("ImportSummary[models=4, twins=9, relationships=8, errors=0]");
      assertThat(export(store.twins(), ExportFormat.JSON)).isEqualTo(export(demo, ExportFormat.JSON));
    }
  }

  @Test
  void modelFilesThenDataFilesInSeparateImports() throws Exception {
    Twins demo = Twins.demo();
    Path models = dir.resolve("models.json");
    Files.writeString(models, dev.twins.core.model.ModelWriter.toJson(demo.models()));
    String ndjson = export(demo, ExportFormat.NDJSON);
    // a data file without its Models section: the models come from the store
    String dataOnly = ndjson.lines().filter(l -> !l.contains("\"@context\"")).reduce("", (a, b) -> a + b + "\n");
    Path data = dir.resolve("data.ndjson");
    Files.writeString(data, dataOnly);
    try (TwinStore store = TwinStore.open(dir.resolve("store"))) {
      assertThat(GraphFiles.importFiles(store, List.of(models), ErrorPolicy.STOP).modelsAdded()).isEqualTo(4);
    }
    try (TwinStore store = TwinStore.open(dir.resolve("store"))) {
      ImportSummary s = GraphFiles.importFiles(store, List.of(data), ErrorPolicy.STOP);
      assertThat(s.twinsCreated()).isEqualTo(9);
      assertThat(export(store.twins(), ExportFormat.NDJSON)).isEqualTo(ndjson);
    }
  }
}
