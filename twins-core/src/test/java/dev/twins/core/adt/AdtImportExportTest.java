package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdtImportExportTest {

  private static List<String> documents(Twins g) {
    return g.twins().stream().sorted(Comparator.comparing(Twin::id))
        .map(t -> t.id() + " " + t.model() + " " + t.document()).collect(Collectors.toList());
  }

  private static List<String> relations(Twins g) {
    return g.twins().stream().sorted(Comparator.comparing(Twin::id)).flatMap(t -> g.outgoing(t.id()).stream())
        .map(r -> r.sourceId() + "/" + r.id() + " " + r.name() + " " + r.targetId() + " " + r.properties())
        .collect(Collectors.toList());
  }

  @Test
  void bulkImportRoundTripGivesTheSameGraph(@TempDir Path dir) throws IOException {
    Twins demo = Twins.demo();
    Path file = dir.resolve("demo.ndjson");
    try (var w = Files.newBufferedWriter(file)) {
      AdtExport.bulkImport(demo, w);
    }
    assertThat(Files.readAllLines(file).get(0)).isEqualTo("{\"Section\": \"Header\"}");
    AdtImport.Result r = AdtImport.load(List.of(file), ErrorPolicy.STOP);
    assertThat(r.ok()).isTrue();
    assertThat(r.twinsCreated()).isEqualTo(9);
    assertThat(r.relationshipsCreated()).isEqualTo(8);
    assertThat(r.twins().models()).isEqualTo(demo.models());
    assertThat(documents(r.twins())).isEqualTo(documents(demo));
    assertThat(relations(r.twins())).isEqualTo(relations(demo));
  }

  @Test
  void explorerRoundTripGivesTheSameGraph() {
    Twins demo = Twins.demo();
    StringWriter out = new StringWriter();
    AdtExport.explorer(demo, out, true);
    Twins copy = Twins.create(demo.models());
    AdtFiles.readExplorer("demo.json", out.toString(), new AdtRecordHandler() {
      @Override
      public void twin(TwinRecord t) {
        copy.createTwin(t.json());
      }

      @Override
      public void relationship(RelationshipRecord rel) {
        copy.createRelation(rel.json());
      }
    }, ErrorPolicy.STOP);
    assertThat(documents(copy)).isEqualTo(documents(demo));
    assertThat(relations(copy)).isEqualTo(relations(demo));
  }

  @Test
  void refusedRecordsAreReportedWithFileLineTwinAndProperty(@TempDir Path dir) throws IOException {
    Path models = dir.resolve("models");
    Files.createDirectories(models);
    StringWriter out = new StringWriter();
    AdtExport.bulkImport(Twins.demo(), out);
    String text = out.toString().replace("\"temperature\":21.5", "\"temperature\":\"warm\"")
        .replace("\"$targetId\":\"room-102\"", "\"$targetId\":\"room-999\"");
    Path file = Files.writeString(dir.resolve("bad.ndjson"), text);
    int badTwinLine = lineOf(text, "\"warm\"");
    int badRelationLine = lineOf(text, "room-999");

    AdtImport.Result r = AdtImport.load(List.of(file), ErrorPolicy.CONTINUE);
    assertThat(r.twinsCreated()).isEqualTo(8);
    // refused: the twin room-101, the two relationships from and to it, the one to room-999
    assertThat(r.relationshipsCreated()).isEqualTo(5);
    assertThat(r.errors()).hasSize(4);
    assertThat(r.errors().get(0).line()).isEqualTo(badTwinLine);
    assertThat(r.errors().get(0).toString()).contains(file.toString(), "room-101", "/temperature", "double", "\"warm\"");
    assertThat(r.errors()).extracting(AdtFileError::line).contains(badRelationLine);
    assertThat(r.errors().stream().map(AdtFileError::message).collect(Collectors.joining("\n")))
        .contains("room-999 does not exist", "no such twin");

    assertThatThrownBy(() -> AdtImport.load(List.of(file), ErrorPolicy.STOP))
        .isInstanceOfSatisfying(AdtFileException.class, e -> assertThat(e.getMessage()).contains("room-101"));
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
    throw new AssertionError(needle);
  }

  @Test
  void relationsSurviveExportInOrder() {
    Twins demo = Twins.demo();
    StringWriter out = new StringWriter();
    AdtExport.bulkImport(demo, out);
    List<String> lines = out.toString().lines().collect(Collectors.toList());
    int relSection = lines.indexOf("{\"Section\": \"Relationships\"}");
    assertThat(relSection).isPositive();
    assertThat(lines.subList(relSection + 1, lines.size())).hasSize(8).first().asString()
        .contains("\"$dtId\":\"building-1\"");
    Relation any = demo.outgoing("building-1").get(0);
    assertThat(any.toJson().has("$sourceId")).isTrue();
  }
}
