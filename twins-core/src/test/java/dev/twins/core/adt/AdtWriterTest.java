package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The bulk-import and Explorer writers, and round trips through the readers. */
class AdtWriterTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static ObjectNode obj(String json) {
    return (ObjectNode) JSON.readTree(json);
  }

  static final String MODEL_PRETTY = "{\n  \"@id\": \"dtmi:ex:A;1\",\n  \"@type\": \"Interface\",\n"
      + "  \"@context\": \"dtmi:dtdl:context;3\"\n}";
  static final ObjectNode TWIN = obj("{\"$dtId\":\"t1\",\"$etag\":\"W/\\\"1\\\"\",\"$metadata\":{\"$model\":\"dtmi:ex:A;1\"},\"p\":1}");
  static final ObjectNode REL = obj("{\"$relationshipId\":\"r1\",\"$sourceId\":\"t1\",\"$relationshipName\":\"r\","
      + "\"$targetId\":\"t1\",\"w\":[1,2]}");

  @Test
  void bulkImportWriterWritesOneCompactObjectPerLineWithSourceAsDtId() {
    StringWriter out = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(out, obj("{\"fileVersion\":\"1.0.0\",\"author\":\"me\",\"organization\":\"o\"}"))) {
      w.model(MODEL_PRETTY).twin(TWIN).relationship(REL);
    }
    assertThat(out.toString()).isEqualTo("""
        {"Section": "Header"}
        {"fileVersion":"1.0.0","author":"me","organization":"o"}
        {"Section": "Models"}
        {"@id":"dtmi:ex:A;1","@type":"Interface","@context":"dtmi:dtdl:context;3"}
        {"Section": "Twins"}
        {"$dtId":"t1","$etag":"W/\\"1\\"","$metadata":{"$model":"dtmi:ex:A;1"},"p":1}
        {"Section": "Relationships"}
        {"$relationshipId":"r1","$dtId":"t1","$relationshipName":"r","$targetId":"t1","w":[1,2]}
        """);
  }

  @Test
  void sectionsWithoutRecordsAreLeftOutButTheHeaderIsAlwaysWritten() {
    StringWriter out = new StringWriter();
    AdtFiles.bulkImportWriter(out).close();
    assertThat(out.toString()).isEqualTo("{\"Section\": \"Header\"}\n{\"fileVersion\":\"1.0.0\"}\n");
    StringWriter twinsOnly = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(twinsOnly)) {
      w.twin(TWIN);
    }
    assertThat(twinsOnly.toString()).startsWith("{\"Section\": \"Header\"}\n{\"fileVersion\":\"1.0.0\"}\n{\"Section\": \"Twins\"}\n")
        .doesNotContain("Models");
  }

  @Test
  void modelArraysBecomeOneLinePerInterface() {
    StringWriter out = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(out)) {
      w.model("[" + MODEL_PRETTY + ", {\"@id\": \"dtmi:ex:B;1\"}]");
      w.model(JSON.readTree("{\"@id\": \"dtmi:ex:C;1\"}"));
    }
    assertThat(out.toString().split("\n")).containsExactly("{\"Section\": \"Header\"}", "{\"fileVersion\":\"1.0.0\"}",
        "{\"Section\": \"Models\"}", "{\"@id\":\"dtmi:ex:A;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\"}",
        "{\"@id\":\"dtmi:ex:B;1\"}", "{\"@id\":\"dtmi:ex:C;1\"}");
  }

  @Test
  void explorerWriterPutsModelsBeforeTheGraph() {
    StringWriter out = new StringWriter();
    try (AdtWriter w = AdtFiles.explorerWriter(out, false)) {
      w.model(MODEL_PRETTY).twin(TWIN).relationship(REL);
    }
    assertThat(out.toString()).isEqualTo("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},\"digitalTwinsModels\":["
        + "{\"@id\":\"dtmi:ex:A;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\"}],\"digitalTwinsGraph\":"
        + "{\"digitalTwins\":[" + TWIN + "],\"relationships\":[" + REL + "]}}");
  }

  @Test
  void anEmptyExplorerFileHasEveryMember() {
    StringWriter out = new StringWriter();
    AdtFiles.explorerWriter(out, false).close();
    assertThat(out.toString()).isEqualTo("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},\"digitalTwinsModels\":[],"
        + "\"digitalTwinsGraph\":{\"digitalTwins\":[],\"relationships\":[]}}");
    assertThat(Recorder.explorer(out.toString()).errors).isEmpty();
  }

  @Test
  void prettyExplorerOutputIsIndentedAndReadsBack() {
    StringWriter out = new StringWriter();
    try (AdtWriter w = AdtFiles.explorerWriter(out, true)) {
      w.twin(TWIN).relationship(REL);
    }
    String text = out.toString();
    assertThat(text).contains("\n  \"digitalTwinsGraph\"").endsWith("}\n");
    Recorder r = Recorder.explorer(text);
    assertThat(r.errors).isEmpty();
    assertThat(r.twins).singleElement().satisfies(t -> {
      assertThat(t.json()).isEqualTo(TWIN);
      assertThat(t.line()).isGreaterThan(5);
    });
    assertThat(r.relationships).singleElement().extracting(RelationshipRecord::json).isEqualTo(REL);
  }

  @Test
  void recordsMustComeInAdtOrder() {
    for (boolean bulk : new boolean[] {true, false}) {
      AdtWriter w = bulk ? AdtFiles.bulkImportWriter(new StringWriter()) : AdtFiles.explorerWriter(new StringWriter(), false);
      w.twin(TWIN);
      assertThatThrownBy(() -> w.model(MODEL_PRETTY)).isInstanceOf(IllegalStateException.class)
          .hasMessage("ADT needs models, then twins, then relationships: cannot write models after twins");
      w.relationship(REL);
      assertThatThrownBy(() -> w.twin(TWIN)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot write twins after relationships");
      w.close();
      w.close();
      assertThatThrownBy(() -> w.relationship(REL)).isInstanceOf(IllegalStateException.class)
          .hasMessage("the writer is closed");
    }
  }

  @Test
  void badRecordsAreRefusedAndNothingOfThemIsWritten() {
    StringWriter out = new StringWriter();
    AdtWriter w = AdtFiles.bulkImportWriter(out);
    assertThatThrownBy(() -> w.twin(obj("{\"$dtId\":\"t\"}"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("twin 't' has no $metadata.$model (the DTMI of its model)");
    assertThatThrownBy(() -> w.relationship(obj("{\"$relationshipId\":\"r\",\"$dtId\":\"t\",\"$targetId\":\"t\","
        + "\"$relationshipName\":\"n\"}"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no $sourceId");
    ObjectNode both = REL.deepCopy().put("$dtId", "t1");
    assertThatThrownBy(() -> w.relationship(both)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has $dtId besides $sourceId");
    assertThatThrownBy(() -> w.model("{\"@id\":")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the model text is not valid JSON");
    assertThatThrownBy(() -> w.model("[{}, 3]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a model array must hold Interface objects, found the number 3");
    assertThatThrownBy(() -> w.model("\"x\"")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found the string \"x\"");
    w.close();
    assertThat(out.toString()).isEqualTo("{\"Section\": \"Header\"}\n{\"fileVersion\":\"1.0.0\"}\n");
  }

  @Test
  void writeFailuresAreUncheckedIoExceptions() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void close() {}
    };
    AdtWriter w = AdtFiles.bulkImportWriter(broken);
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10_000; i++) w.twin(TWIN);
      w.close();
    }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
  }

  @Test
  void bulkImportRoundTripGivesTheSameRecords() {
    Recorder first = Recorder.bulk(BulkImportReaderTest.GOOD);
    StringWriter out = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(out, first.headers.get(0).json())) {
      w.models(first.models()).twins(json(first.twins)).relationships(rels(first.relationships));
    }
    assertThat(out.toString()).isEqualTo(BulkImportReaderTest.GOOD.replace("\"fileVersion\": \"1.0.0\", \"author\": \"a\", "
        + "\"organization\": \"o\"", "\"fileVersion\":\"1.0.0\",\"author\":\"a\",\"organization\":\"o\""));
    Recorder second = Recorder.bulk(out.toString());
    assertSameRecords(first, second);
  }

  @Test
  void explorerRoundTripsGiveTheSameRecords() {
    Recorder first = Recorder.explorer(ExplorerReaderTest.EXPORT);
    for (boolean pretty : new boolean[] {true, false}) {
      StringWriter out = new StringWriter();
      try (AdtWriter w = AdtFiles.explorerWriter(out, pretty)) {
        w.models(first.models()).twins(json(first.twins)).relationships(rels(first.relationships));
      }
      assertSameRecords(first, Recorder.explorer(out.toString()));
    }
  }

  @Test
  void explorerToBulkImportAndBackGivesTheSameRecords() {
    Recorder first = Recorder.explorer(ExplorerReaderTest.EXPORT);
    StringWriter bulk = new StringWriter();
    try (AdtWriter w = AdtFiles.bulkImportWriter(bulk)) {
      w.models(first.models()).twins(json(first.twins)).relationships(rels(first.relationships));
    }
    Recorder second = Recorder.bulk(bulk.toString());
    assertSameRecords(first, second);
    StringWriter explorer = new StringWriter();
    try (AdtWriter w = AdtFiles.explorerWriter(explorer, false)) {
      w.models(second.models()).twins(json(second.twins)).relationships(rels(second.relationships));
    }
    assertSameRecords(first, Recorder.explorer(explorer.toString()));
  }

  static List<ObjectNode> json(List<TwinRecord> twins) {
    return twins.stream().map(TwinRecord::json).toList();
  }

  static List<ObjectNode> rels(List<RelationshipRecord> rels) {
    return rels.stream().map(RelationshipRecord::json).toList();
  }

  /** Same header, same model trees, same twin and relationship JSON, in the same order. */
  static void assertSameRecords(Recorder a, Recorder b) {
    assertThat(b.headers).extracting(FileHeader::json).isEqualTo(a.headers.stream().map(FileHeader::json).toList());
    assertSameRecordsButHeader(a, b);
  }

  /** Same model trees, same twin and relationship JSON, in the same order. */
  static void assertSameRecordsButHeader(Recorder a, Recorder b) {
    assertThat(b.errors).isEmpty();
    assertThat(b.models().stream().map(m -> JSON.readTree(m.text())).toList())
        .isEqualTo(a.models().stream().map(m -> JSON.readTree(m.text())).toList());
    assertThat(json(b.twins)).isEqualTo(json(a.twins));
    assertThat(rels(b.relationships)).isEqualTo(rels(a.relationships));
  }

  static Recorder bulk(String text) {
    Recorder r = new Recorder();
    r.check(AdtFiles.readBulkImport("x", new StringReader(text), r, ErrorPolicy.CONTINUE));
    return r;
  }
}
