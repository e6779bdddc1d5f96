package dev.twins.cli;

import static dev.twins.cli.Run.twins;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.adt.AdtExport;
import dev.twins.core.graph.Twins;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {
  @TempDir Path dir;

  private Path demoFile() throws IOException {
    StringWriter w = new StringWriter();
    AdtExport.bulkImport(Twins.demo(), w);
    return Files.writeString(dir.resolve("demo.ndjson"), w.toString());
  }

  @Test
  void importThenStatsThenExport() throws IOException {
    String store = dir.resolve("store").toString();
    Run imp = twins("import", "--store", store, demoFile().toString());
    assertThat(imp.status()).as(imp.toString()).isZero();
    assertThat(imp.out()).contains("imported 4 models, 9 twins, 8 relationships");

    Run stats = twins("stats", "--store", store);
    assertThat(stats.status()).as(stats.toString()).isZero();
    assertThat(stats.outLines()).contains("twins          9", "relationships  8");
    assertThat(stats.out()).contains("journalSegments").contains("recovery");

    Run ndjson = twins("export", "--store", store, "--format", "ndjson");
    assertThat(ndjson.status()).as(ndjson.toString()).isZero();
    assertThat(ndjson.outLines()).hasSize(2 + 1 + 4 + 1 + 9 + 1 + 8);

    Run dot = twins("export", "--store", store, "--format", "dot");
    assertThat(dot.out()).startsWith("digraph twins {").contains("hasSensor");

    Path xml = dir.resolve("g.graphml");
    Run graphml = twins("export", "--store", store, "--format", "graphml", "--output", xml.toString());
    assertThat(graphml.status()).isZero();
    assertThat(Files.readString(xml)).contains("<graphml");
  }

  @Test
  void importingTwiceRefusesExistingTwinsWithFileAndLine() throws IOException {
    String store = dir.resolve("store").toString();
    Path f = demoFile();
    assertThat(twins("import", "--store", store, f.toString()).status()).isZero();
    Run again = twins("import", "--store", store, f.toString());
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains(f + ":").contains("building-1");
  }

  @Test
  void ingestThenQuery() throws IOException {
    String store = dir.resolve("store").toString();
    assertThat(twins("import", "--store", store, demoFile().toString()).status()).isZero();
    Path feed = Files.writeString(dir.resolve("feed.ndjson"),
        "{\"twinId\":\"sensor-101\",\"sourceTime\":\"2024-05-01T12:00:00Z\",\"values\":{\"temperature\":21.5}}\n"
            + "{\"twinId\":\"nobody\",\"sourceTime\":\"2024-05-01T12:00:00Z\",\"values\":{\"temperature\":1}}\n");
    Run ingest = twins("ingest", "--store", store, feed.toString());
    assertThat(ingest.status()).as(ingest.toString()).isEqualTo(1);
    assertThat(ingest.out()).contains("2 messages, 1 accepted");
    assertThat(ingest.err()).contains("nobody");

    Run q = twins("query", "--store", store, "--json", "SELECT T.$dtId FROM DIGITALTWINS T WHERE T.$dtId = 'room-101'");
    assertThat(q.status()).as(q.toString()).isZero();
    assertThat(q.out()).contains("room-101");
    Run bad = twins("query", "--store", store, "SELECT FROM");
    assertThat(bad.status()).isEqualTo(1);
  }

  @Test
  void queryReadsTheHistoryTheStoreKeeps() throws Exception {
    Path store = dir.resolve("history-store");
    java.time.Instant before;
    try (dev.twins.persistence.TwinStore st = dev.twins.persistence.TwinStore.builder(store)
        .models(Twins.demo().models()).propertyHistory(h -> h.track("dtmi:twins:demo:Room;1", "temperature")).open()) {
      st.twins().createTwin("room-1", "dtmi:twins:demo:Room;1", java.util.Map.of("temperature", 21.5));
      Thread.sleep(2);
      before = java.time.Instant.now();
      Thread.sleep(2);
      st.twins().set("room-1", "temperature", 25.0);
    }
    Run q = twins("query", "--store", store.toString(), "--json", "SELECT R.temperature AS now, PROPERTY_AT(R.temperature, '"
        + before + "') AS was FROM DIGITALTWINS R");
    assertThat(q.status()).as(q.toString()).isZero();
    assertThat(q.out()).contains("\"now\":25.0").contains("\"was\":21.5");
  }

  @Test
  void usageErrors() {
    assertThat(twins("export", "--store", dir.resolve("none").toString()).status()).isEqualTo(2);
    assertThat(twins("export", "--store", dir.toString(), "--format", "png").err()).contains("unknown --format");
    assertThat(twins("stats").status()).isEqualTo(2);
    assertThat(twins("import", "--store", dir.toString(), dir.resolve("missing.json").toString()).err())
        .contains("no such file");
  }
}
