package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bulk-import (Import Jobs NDJSON) reader on small inline texts. */
class BulkImportReaderTest {
  static final String HEADER = "{\"Section\": \"Header\"}\n{\"fileVersion\": \"1.0.0\", \"author\": \"a\", \"organization\": \"o\"}\n";
  static final String MODEL_A = "{\"@id\":\"dtmi:ex:A;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\","
      + "\"contents\":[{\"@type\":\"Property\",\"name\":\"p\",\"schema\":\"double\"},"
      + "{\"@type\":\"Relationship\",\"name\":\"r\",\"properties\":[{\"@type\":\"Property\",\"name\":\"w\",\"schema\":\"double\"}]}]}";
  static final String MODEL_B = "{\"@id\":\"dtmi:ex:B;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\"}";
  static final String TWIN_1 = "{\"$dtId\":\"t1\",\"$metadata\":{\"$model\":\"dtmi:ex:A;1\"},\"p\":1.5}";
  static final String TWIN_2 = "{\"$dtId\":\"t2\",\"$metadata\":{\"$model\":\"dtmi:ex:B;1\"}}";
  static final String REL = "{\"$relationshipId\":\"r1\",\"$dtId\":\"t1\",\"$targetId\":\"t2\",\"$relationshipName\":\"r\",\"w\":2}";
  static final String GOOD = HEADER
      + "{\"Section\": \"Models\"}\n" + MODEL_A + "\n" + MODEL_B + "\n"
      + "{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n" + TWIN_2 + "\n"
      + "{\"Section\": \"Relationships\"}\n" + REL + "\n";

  @Test
  void deliversHeaderThenAllModelsThenTwinsThenRelationshipsWithTheirLines() {
    Recorder r = Recorder.bulk(GOOD);
    assertThat(r.calls).containsExactly("header", "models2", "twin", "twin", "rel");
    assertThat(r.headers.get(0).line()).isEqualTo(2);
    assertThat(r.headers.get(0).fileVersion()).contains("1.0.0");
    assertThat(r.headers.get(0).json().get("author").asString()).isEqualTo("a");
    assertThat(r.models()).extracting(m -> m.name()).containsExactly("f.ndjson:4", "f.ndjson:5");
    assertThat(r.models().get(0).text()).isEqualTo(MODEL_A);
    assertThat(r.twins).extracting(TwinRecord::id, TwinRecord::modelId, TwinRecord::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", "dtmi:ex:A;1", 7),
            org.assertj.core.groups.Tuple.tuple("t2", "dtmi:ex:B;1", 8));
    assertThat(r.twins.get(0).properties().toString()).isEqualTo("{\"p\":1.5}");
    assertThat(r.twins.get(0).etag()).isEmpty();
    RelationshipRecord rel = r.relationships.get(0);
    assertThat(rel.line()).isEqualTo(10);
    assertThat(rel.sourceId()).isEqualTo("t1");
    assertThat(rel.relationshipId()).isEqualTo("r1");
    assertThat(rel.targetId()).isEqualTo("t2");
    assertThat(rel.name()).isEqualTo("r");
    assertThat(rel.properties().toString()).isEqualTo("{\"w\":2}");
    assertThat(rel.json().has("$dtId")).isFalse();
    assertThat(rel.json().toString())
        .isEqualTo("{\"$relationshipId\":\"r1\",\"$sourceId\":\"t1\",\"$targetId\":\"t2\",\"$relationshipName\":\"r\",\"w\":2}");
    assertThat(r.errors).isEmpty();
  }

  @Test
  void theModelsParseAsOneModelSet() {
    Recorder r = Recorder.bulk(GOOD);
    assertThat(dev.twins.core.model.ModelParser.defaults().parse(r.models()).size()).isEqualTo(2);
  }

  @Test
  void acceptsCrLfLoneCrBomBlankLinesAndSectionNamesInAnyCase() {
    String text = "\uFEFF{\"Section\": \"HEADER\"}\r\n{\"fileVersion\": \"1.0.0\"}\r\n\r\n   \t\r\n"
        + "{\"section\": \"twins\"}\r" + TWIN_1 + "\r\n\n" + "{\"SECTION\":\"relationships\"}\n" + REL;
    Recorder r = Recorder.bulk(text);
    assertThat(r.errors).isEmpty();
    assertThat(r.calls).containsExactly("header", "models0", "twin", "rel");
    assertThat(r.twins.get(0).line()).isEqualTo(6);
    assertThat(r.relationships.get(0).line()).isEqualTo(9);
  }

  @Test
  void linesAreTheSameWhateverTheReaderHandsOverAtATime() {
    String text = GOOD.replace("\n", "\r\n") + "\r";
    Recorder whole = Recorder.bulk(text);
    Recorder trickled = new Recorder();
    trickled.check(AdtFiles.readBulkImport("f.ndjson", new TrickleReader(text), trickled, ErrorPolicy.CONTINUE));
    assertThat(trickled.calls).isEqualTo(whole.calls);
    assertThat(trickled.twins).isEqualTo(whole.twins);
    assertThat(trickled.relationships).isEqualTo(whole.relationships);
    assertThat(trickled.models()).isEqualTo(whole.models());
  }

  @Test
  void aLineLongerThanTheBufferIsReadWhole() {
    String big = "x".repeat(300_000);
    String text = HEADER + "{\"Section\": \"Twins\"}\n"
        + TWIN_1.replace("\"p\":1.5", "\"s\":\"" + big + "\"") + "\n" + TWIN_2 + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errors).isEmpty();
    assertThat(r.twins).hasSize(2);
    assertThat(r.twins.get(0).json().get("s").asString()).hasSize(300_000);
    assertThat(r.twins.get(1).line()).isEqualTo(5);
  }

  @Test
  void streamsManyLinesWithoutHoldingThem() {
    int n = 300_000;
    Reader generated = new GeneratedReader(n);
    long[] count = {0};
    ReadSummary s = AdtFiles.readBulkImport("gen", generated, new AdtRecordHandler() {
      @Override
      public void twin(TwinRecord twin) {
        if (twin.line() != count[0] + 4) throw new AssertionError("line " + twin.line() + " for twin " + count[0]);
        count[0]++;
      }
    }, ErrorPolicy.STOP);
    assertThat(count[0]).isEqualTo(n);
    assertThat(s).isEqualTo(new ReadSummary(AdtFormat.BULK_IMPORT, 0, n, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON                      | {"$dtId": "t3",                                                 | 7 | not valid JSON
      two values on a line          | {"$dtId":"t3","$metadata":{"$model":"dtmi:ex:A;1"}} {}          | 7 | more than one JSON value
      array instead of object       | [1, 2]                                                          | 7 | a twin must be a JSON object, found an array
      string instead of object      | "t3"                                                            | 7 | a twin must be a JSON object, found the string "t3"
      twin without $dtId            | {"$metadata":{"$model":"dtmi:ex:A;1"}}                          | 7 | twin has no $dtId
      twin with empty $dtId         | {"$dtId":"","$metadata":{"$model":"dtmi:ex:A;1"}}               | 7 | $dtId must be a non-empty string, found the string ""
      twin with numeric $dtId       | {"$dtId":3,"$metadata":{"$model":"dtmi:ex:A;1"}}                | 7 | $dtId must be a non-empty string, found the number 3
      twin without $metadata        | {"$dtId":"t3"}                                                  | 7 | twin 't3' has no $metadata.$model
      twin without $model           | {"$dtId":"t3","$metadata":{}}                                   | 7 | twin 't3' has no $metadata.$model
      twin with $metadata string    | {"$dtId":"t3","$metadata":"dtmi:ex:A;1"}                        | 7 | $metadata must be an object holding $model, found the string
      twin with numeric $model      | {"$dtId":"t3","$metadata":{"$model":1}}                         | 7 | $metadata.$model must be a non-empty string (a DTMI), found the number 1
      duplicate key                 | {"$dtId":"t3","$dtId":"t4","$metadata":{"$model":"dtmi:ex:A;1"}} | 7 | not valid JSON: Duplicate
      """)
  void badTwinLinesAreReportedWithTheirLineAndSkipped(String what, String line, int lineNumber, String message) {
    String text = HEADER + "{\"Section\": \"Models\"}\n" + MODEL_A + "\n{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n"
        + line + "\n" + TWIN_2 + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errors).as(what).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(lineNumber);
      assertThat(e.file()).isEqualTo("f.ndjson");
      assertThat(e.message()).contains(message);
    });
    assertThat(r.twins).extracting(TwinRecord::id).containsExactly("t1", "t2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no $dtId                  | {"$relationshipId":"r2","$targetId":"t2","$relationshipName":"r"}                 | relationship 'r2' has no $dtId
      $sourceId, not $dtId      | {"$relationshipId":"r2","$sourceId":"t1","$targetId":"t2","$relationshipName":"r"} | bulk-import files name the source twin in $dtId, not $sourceId
      no $relationshipId        | {"$dtId":"t1","$targetId":"t2","$relationshipName":"r"}                           | relationship has no $relationshipId
      no $targetId              | {"$relationshipId":"r2","$dtId":"t1","$relationshipName":"r"}                     | relationship 'r2' has no $targetId
      no $relationshipName      | {"$relationshipId":"r2","$dtId":"t1","$targetId":"t2"}                            | relationship 'r2' has no $relationshipName
      two missing               | {"$relationshipId":"r2","$dtId":"t1"}                                             | has no $targetId; has no $relationshipName
      numeric $targetId         | {"$relationshipId":"r2","$dtId":"t1","$targetId":2,"$relationshipName":"r"}       | $targetId must be a non-empty string, found the number 2
      conflicting $sourceId     | {"$relationshipId":"r2","$dtId":"t1","$sourceId":"t9","$targetId":"t2","$relationshipName":"r"} | has $dtId "t1" and a different $sourceId
      not an object             | []                                                                                | a relationship must be a JSON object, found an array
      """)
  void badRelationshipLinesAreReportedWithTheirLineAndSkipped(String what, String line, String message) {
    String text = HEADER + "{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n" + TWIN_2 + "\n{\"Section\": \"Relationships\"}\n"
        + line + "\n" + REL + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errors).as(what).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(7);
      assertThat(e.message()).contains(message);
    });
    assertThat(r.relationships).extracting(RelationshipRecord::line).containsExactly(8);
  }

  @Test
  void aRelationshipWithTheSameSourceIdAsDtIdIsAccepted() {
    String text = HEADER + "{\"Section\": \"Relationships\"}\n"
        + "{\"$relationshipId\":\"r2\",\"$dtId\":\"t1\",\"$sourceId\":\"t1\",\"$targetId\":\"t2\",\"$relationshipName\":\"r\"}\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errors).isEmpty();
    assertThat(r.relationships.get(0).json().toString())
        .isEqualTo("{\"$relationshipId\":\"r2\",\"$sourceId\":\"t1\",\"$targetId\":\"t2\",\"$relationshipName\":\"r\"}");
  }

  @Test
  void recordsBeforeAnySectionAreErrors() {
    Recorder r = Recorder.bulk(TWIN_1 + "\n\n" + TWIN_2 + "\n" + HEADER);
    assertThat(r.errorLines()).containsExactly(
        "1: a record before any section; a bulk-import file begins with {\"Section\": \"Header\"}",
        "3: a record before any section; a bulk-import file begins with {\"Section\": \"Header\"}");
    assertThat(r.headers).singleElement().extracting(FileHeader::line).isEqualTo(5);
  }

  @Test
  void anUnknownSectionIsReportedAndItsLinesSkipped() {
    String text = HEADER + "{\"Section\": \"Telemetry\"}\n{\"x\":1}\n[2]\n{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errorLines()).singleElement().asString()
        .startsWith("3: unknown section \"Telemetry\" (expected Header, Models, Twins or Relationships)");
    assertThat(r.twins).extracting(TwinRecord::line).containsExactly(7);
  }

  @Test
  void aSectionMarkerMustNameTheSectionWithAString() {
    Recorder r = Recorder.bulk(HEADER + "{\"Section\": 2}\n" + TWIN_1 + "\n");
    assertThat(r.errorLines()).singleElement().asString()
        .startsWith("3: a Section marker names Header, Models, Twins or Relationships, found the number 2");
    assertThat(r.twins).isEmpty();
  }

  @Test
  void aFileWithoutHeaderIsReportedButRead() {
    Recorder r = Recorder.bulk("{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n");
    assertThat(r.errorLines()).singleElement().asString()
        .startsWith("1: the file does not begin with {\"Section\": \"Header\"}");
    assertThat(r.twins).hasSize(1);
  }

  @Test
  void aModelsSectionAfterTwinsIsReportedAndSkipped() {
    String text = HEADER + "{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n{\"Section\": \"Models\"}\n" + MODEL_A + "\n"
        + "{\"Section\": \"Relationships\"}\n" + REL + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errorLines()).singleElement().asString().startsWith("5: a Models section after Twins; ADT requires");
    assertThat(r.calls).containsExactly("header", "models0", "twin", "error5", "rel");
  }

  @Test
  void aSecondModelsSectionAfterAnotherSectionIsReportedAndSkipped() {
    String text = HEADER + "{\"Section\": \"Models\"}\n" + MODEL_A + "\n{\"Section\": \"Other\"}\n"
        + "{\"Section\": \"Models\"}\n" + MODEL_B + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errorLines()).hasSize(2);
    assertThat(r.errorLines().get(1)).startsWith("6: a second Models section after another section");
    assertThat(r.models()).extracting(m -> m.name()).containsExactly("f.ndjson:4");
  }

  @Test
  void consecutiveModelsSectionsAreOneModelSet() {
    String text = HEADER + "{\"Section\": \"Models\"}\n" + MODEL_A + "\n{\"Section\": \"Models\"}\n" + MODEL_B + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errors).isEmpty();
    assertThat(r.models()).hasSize(2);
  }

  @Test
  void twinsAfterRelationshipsAreReportedButDelivered() {
    String text = HEADER + "{\"Section\": \"Relationships\"}\n" + REL + "\n{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errorLines()).singleElement().asString().startsWith("5: a Twins section after Relationships");
    assertThat(r.calls).containsExactly("header", "models0", "rel", "error5", "twin");
  }

  @Test
  void theHeaderIsOneObjectInOneHeaderSection() {
    String text = HEADER + "{\"fileVersion\": \"2\"}\n{\"Section\": \"Header\"}\n{\"fileVersion\": \"3\"}\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.errorLines()).hasSize(2);
    assertThat(r.errorLines().get(0)).isEqualTo("3: the Header section holds one object; this line is extra");
    assertThat(r.errorLines().get(1)).startsWith("4: a second Header section");
    assertThat(r.headers).singleElement().extracting(FileHeader::line).isEqualTo(2);
  }

  @Test
  void aHeaderOrModelLineThatIsNoObjectIsAnError() {
    Recorder r = Recorder.bulk("{\"Section\": \"Header\"}\n\"1.0.0\"\n{\"Section\": \"Models\"}\n[" + MODEL_A + "]\n");
    assertThat(r.errorLines()).containsExactly(
        "2: the header must be a JSON object, found the string \"1.0.0\"",
        "4: a Models line holds one Interface object, found an array");
    assertThat(r.headers).isEmpty();
    assertThat(r.models()).isEmpty();
  }

  @Test
  void anEmptyFileIsAnError() {
    Recorder r = Recorder.bulk("\n  \n");
    assertThat(r.errorLines()).containsExactly(
        "0: the file has no sections; a bulk-import file begins with {\"Section\": \"Header\"}");
  }

  @Test
  void aSyntaxErrorCarriesItsColumn() {
    Recorder r = Recorder.bulk(HEADER + "{\"Section\": \"Twins\"}\n{\"$dtId\": tx}\n");
    assertThat(r.errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo(11);
      assertThat(e.toString()).startsWith("f.ndjson:4:11: not valid JSON: Unrecognized token 'tx'");
    });
  }

  @Test
  void stopEndsTheReadAtTheFirstErrorWithAnExceptionCarryingIt() {
    String text = HEADER + "{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n{\"$dtId\":\"t3\"}\n" + TWIN_2 + "\n{}\n";
    Recorder r = new Recorder();
    assertThatThrownBy(() -> AdtFiles.readBulkImport("f.ndjson", new StringReader(text), r, ErrorPolicy.STOP))
        .isInstanceOfSatisfying(AdtFileException.class, e -> {
          assertThat(e.errors()).isEqualTo(r.errors);
          assertThat(e.errors()).singleElement().extracting(AdtFileError::line).isEqualTo(5);
          assertThat(e).isInstanceOf(dev.twins.core.TwinsException.class);
          assertThat(e.getMessage()).startsWith("f.ndjson:5: twin 't3' has no $metadata.$model");
        });
    assertThat(r.calls).containsExactly("header", "models0", "twin", "error5");
  }

  @Test
  void continueReportsEveryErrorAndDeliversTheRest() {
    String text = HEADER + "{\"Section\": \"Twins\"}\n{}\n" + TWIN_1 + "\n{\"$dtId\":\"t3\"}\n" + TWIN_2 + "\n";
    Recorder r = Recorder.bulk(text);
    assertThat(r.calls).containsExactly("header", "error4", "models0", "twin", "error6", "twin");
  }

  @Test
  void readsAFileWithBomAndRejectsInvalidUtf8(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.ndjson");
    Files.write(good, ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8));
    Recorder r = new Recorder();
    r.check(AdtFiles.readBulkImport(good, r, ErrorPolicy.STOP));
    assertThat(r.twins).hasSize(2);
    assertThat(r.models().get(0).name()).isEqualTo(good + ":4");

    Path bad = dir.resolve("bad.ndjson");
    byte[] head = (HEADER + "{\"Section\": \"Twins\"}\n" + TWIN_1 + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = java.util.Arrays.copyOf(head, head.length + 3);
    all[head.length] = '"';
    all[head.length + 1] = (byte) 0xC3;
    all[head.length + 2] = (byte) 0x28;
    Files.write(bad, all);
    Recorder b = new Recorder();
    b.check(AdtFiles.readBulkImport(bad, b, ErrorPolicy.CONTINUE));
    assertThat(b.twins).hasSize(1);
    assertThat(b.errorLines()).singleElement().asString().startsWith("5: the text is not valid UTF-8");
  }

  @Test
  void aMissingFileIsAnAdtFileExceptionWithTheCause(@TempDir Path dir) {
    Path missing = dir.resolve("missing.ndjson");
    assertThatThrownBy(() -> AdtFiles.readBulkImport(missing, new Recorder(), ErrorPolicy.CONTINUE))
        .isInstanceOf(AdtFileException.class)
        .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("missing.ndjson");
  }

  @Test
  void recordsRefuseJsonTheyCannotRepresent() {
    var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
    assertThatThrownBy(() -> new TwinRecord((tools.jackson.databind.node.ObjectNode) mapper.readTree("{\"$dtId\":\"x\"}"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$metadata.$model");
    assertThatThrownBy(() -> new RelationshipRecord((tools.jackson.databind.node.ObjectNode) mapper.readTree(REL), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$sourceId");
    assertThatThrownBy(() -> new AdtFileError("f", -1, 0, "m")).isInstanceOf(IllegalArgumentException.class);
    assertThat(new AdtFileError("f", 0, 0, "m")).hasToString("f: m");
    assertThat(new AdtFileError("f", 3, 0, "m")).hasToString("f:3: m");
  }

  /** Hands over one character per read call, so every line end falls on a buffer edge at some point. */
  static final class TrickleReader extends Reader {
    private final String text;
    private int pos;

    TrickleReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= text.length()) return -1;
      if (len == 0) return 0;
      cbuf[off] = text.charAt(pos++);
      return 1;
    }

    @Override
    public void close() {}
  }

  /** A header, a Twins section and n twin lines, made on demand. */
  static final class GeneratedReader extends Reader {
    private final int n;
    private int next = -1;
    private String pending = "{\"Section\": \"Header\"}\n{\"fileVersion\": \"1.0.0\"}\n{\"Section\": \"Twins\"}\n";
    private int pos;

    GeneratedReader(int n) {
      this.n = n;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos == pending.length()) {
        if (++next >= n) return -1;
        pending = "{\"$dtId\":\"twin-" + next + "\",\"$metadata\":{\"$model\":\"dtmi:ex:A;1\"},\"p\":" + next + "}\n";
        pos = 0;
      }
      int k = Math.min(len, pending.length() - pos);
      pending.getChars(pos, pos + k, cbuf, off);
      pos += k;
      return k;
    }

    @Override
    public void close() {}
  }
}
