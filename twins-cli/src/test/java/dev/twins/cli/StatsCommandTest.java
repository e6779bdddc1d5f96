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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatsCommandTest {
  private static Path demoFile(Path dir, boolean explorer) throws IOException {
    StringWriter w = new StringWriter();
    if (explorer) AdtExport.explorer(Twins.demo(), w, false);
    else AdtExport.bulkImport(Twins.demo(), w);
    return Files.writeString(dir.resolve(explorer ? "demo.json" : "demo.ndjson"), w.toString());
  }

  @Test
  void countsTwinsPerModelAndRelationshipsPerName(@TempDir Path dir) throws IOException {
    Run run = twins("stats", demoFile(dir, false).toString());
    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.outLines()).contains("models         4", "twins          9", "relationships  8",
        "       4  dtmi:twins:demo:Room;1", "       4  hasRoom");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonIsOneObjectWithTheDocumentedShape(@TempDir Path dir) throws IOException {
    Run run = twins("stats", "--json", demoFile(dir, true).toString());
    assertThat(run.status()).as(run.toString()).isZero();
    JsonNode o = JsonMapper.builder().build().readTree(run.out());
    assertThat(o.get("models").asInt()).isEqualTo(4);
    assertThat(o.get("twins").asInt()).isEqualTo(9);
    assertThat(o.get("relationships").asInt()).isEqualTo(8);
    assertThat(o.get("twinsByModel").get("dtmi:twins:demo:Floor;1").asInt()).isEqualTo(2);
    assertThat(o.get("relationshipsByName").get("hasFloor").asInt()).isEqualTo(2);
    assertThat(o.get("errors").asInt()).isZero();
  }

  @Test
  void refusedLinesGoToStandardErrorWithFileAndLine(@TempDir Path dir) throws IOException {
    Path file = demoFile(dir, false);
    Files.writeString(file, Files.readString(file).replace("\"level\":2", "\"level\":\"two\""));
    Run run = twins("stats", file.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":", "floor-2", "/level", "integer");
    assertThat(run.outLines()).contains("twins          8");
  }

  @Test
  void missingFilesAreUsageErrors(@TempDir Path dir) {
    Run run = twins("stats", dir.resolve("nothing.ndjson").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory");
  }
}
