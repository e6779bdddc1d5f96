package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.model.ModelParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Explorer JSON reader on small inline texts. */
class ExplorerReaderTest {
  static final String MODEL = "{\"@id\":\"dtmi:ex:A;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\","
      + "\"contents\":[{\"@type\":\"Relationship\",\"name\":\"r\"},{\"@type\":\"Component\",\"name\":\"c\",\"schema\":\"dtmi:ex:C;1\"}]}";
  static final String COMPONENT = "{\"@id\":\"dtmi:ex:C;1\",\"@type\":\"Interface\",\"@context\":\"dtmi:dtdl:context;3\","
      + "\"contents\":[{\"@type\":\"Property\",\"name\":\"x\",\"schema\":\"double\"}]}";

  /** The Explorer's own layout, pretty-printed: graph first, models last. */
  static final String EXPORT = """
      {
        "digitalTwinsFileInfo": {"fileVersion": "1.0.0"},
        "digitalTwinsGraph": {
          "digitalTwins": [
            {
              "$dtId": "a1",
              "$etag": "W/\\"e1\\"",
              "c": {"x": 2.5, "$metadata": {"x": {"lastUpdateTime": "2022-08-30T11:36:23.7701104Z"}}},
              "$metadata": {"$model": "dtmi:ex:A;1"}
            },
            {"$dtId": "a2", "c": {"$metadata": {}}, "$metadata": {"$model": "dtmi:ex:A;1"}}
          ],
          "relationships": [
            {"$relationshipId": "r1", "$etag": "W/\\"e2\\"", "$sourceId": "a1", "$relationshipName": "r", "$targetId": "a2"}
          ]
        },
        "digitalTwinsModels": [
          %s,
          %s
        ]
      }
      """.formatted(MODEL, COMPONENT);

  @Test
  void deliversTheModelsBeforeTheGraphEvenWhenTheyComeLast() {
    Recorder r = Recorder.explorer(EXPORT);
    assertThat(r.errors).isEmpty();
    assertThat(r.calls).containsExactly("header", "models2", "twin", "twin", "rel");
    assertThat(r.headers.get(0).line()).isEqualTo(2);
    assertThat(r.headers.get(0).fileVersion()).contains("1.0.0");
    assertThat(r.models()).extracting(m -> m.name())
        .containsExactly("f.json#/digitalTwinsModels/0", "f.json#/digitalTwinsModels/1");
    assertThat(ModelParser.defaults().parse(r.models()).size()).isEqualTo(2);
    TwinRecord a1 = r.twins.get(0);
    assertThat(a1.line()).isEqualTo(5);
    assertThat(a1.id()).isEqualTo("a1");
    assertThat(a1.etag()).contains("W/\"e1\"");
    assertThat(a1.json().get("c").get("$metadata").get("x").get("lastUpdateTime").asString())
        .isEqualTo("2022-08-30T11:36:23.7701104Z");
    assertThat(a1.properties().propertyNames()).containsExactly("c");
    assertThat(r.twins.get(1).line()).isEqualTo(11);
    RelationshipRecord rel = r.relationships.get(0);
    assertThat(rel.line()).isEqualTo(14);
    assertThat(rel.sourceId()).isEqualTo("a1");
    assertThat(rel.targetId()).isEqualTo("a2");
    assertThat(rel.name()).isEqualTo("r");
    assertThat(rel.etag()).contains("W/\"e2\"");
    assertThat(rel.properties().isEmpty()).isTrue();
  }

  @Test
  void readsTheSameWhenTheModelsComeFirst() {
    String modelsFirst = "{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},\"digitalTwinsModels\":[" + MODEL + ","
        + COMPONENT + "],\"digitalTwinsGraph\":{\"digitalTwins\":[{\"$dtId\":\"a1\",\"$metadata\":{\"$model\":\"dtmi:ex:A;1\"}}],"
        + "\"relationships\":[{\"$relationshipId\":\"r1\",\"$sourceId\":\"a1\",\"$relationshipName\":\"r\",\"$targetId\":\"a1\"}]}}";
    Recorder r = Recorder.explorer(modelsFirst);
    assertThat(r.errors).isEmpty();
    assertThat(r.calls).containsExactly("header", "models2", "twin", "rel");
    assertThat(r.twins.get(0).line()).isEqualTo(1);
  }

  @Test
  void theModelsMemberMayBeMissing() {
    Recorder r = Recorder.explorer("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},"
        + "\"digitalTwinsGraph\":{\"digitalTwins\":[],\"relationships\":[]}}");
    assertThat(r.errors).isEmpty();
    assertThat(r.calls).containsExactly("header", "models0");
  }

  @Test
  void missingAndUnknownTopLevelMembersAreReported() {
    Recorder r = Recorder.explorer("{\n\"digitalTwinsModels\": [],\n\"twins\": [1, {\"a\": 2}]\n}");
    assertThat(r.errorLines()).containsExactly(
        "3: unknown top-level member \"twins\"; an Explorer file has digitalTwinsFileInfo, digitalTwinsGraph and "
            + "digitalTwinsModels; it is ignored",
        "1: no digitalTwinsFileInfo member; an Explorer file begins with {\"digitalTwinsFileInfo\": "
            + "{\"fileVersion\": \"1.0.0\"}, ...",
        "1: no digitalTwinsGraph member; an Explorer file holds {\"digitalTwinsGraph\": {\"digitalTwins\": [...], "
            + "\"relationships\": [...]}}");
    assertThat(r.calls).endsWith("models0");
  }

  @Test
  void membersOfTheWrongTypeAreReported() {
    Recorder r = Recorder.explorer("{\"digitalTwinsFileInfo\": \"1.0.0\",\n\"digitalTwinsModels\": {},\n"
        + "\"digitalTwinsGraph\": []}");
    assertThat(r.errorLines()).containsExactly(
        "1: digitalTwinsFileInfo must be an object such as {\"fileVersion\": \"1.0.0\"}, found the string \"1.0.0\"",
        "2: digitalTwinsModels must be an array of Interfaces, found an object",
        "3: digitalTwinsGraph must be an object with digitalTwins and relationships, found an array");
  }

  @Test
  void theFileInfoNeedsAFileVersion() {
    Recorder r = Recorder.explorer("{\"digitalTwinsFileInfo\": {},"
        + "\"digitalTwinsGraph\":{\"digitalTwins\":[],\"relationships\":[]}}");
    assertThat(r.errorLines()).containsExactly(
        "1: digitalTwinsFileInfo has no fileVersion (the Explorer writes \"1.0.0\")");
    assertThat(r.headers).isEmpty();
  }

  @Test
  void repeatedMembersAreReportedAndIgnored() {
    Recorder r = Recorder.explorer("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},\n"
        + "\"digitalTwinsGraph\":{\"digitalTwins\":[],\"relationships\":[]},\n"
        + "\"digitalTwinsGraph\":{\"digitalTwins\":[{\"$dtId\":\"x\",\"$metadata\":{\"$model\":\"dtmi:ex:A;1\"}}]}}");
    assertThat(r.errorLines()).containsExactly("3: a second digitalTwinsGraph member; it is ignored");
    assertThat(r.twins).isEmpty();
  }

  @Test
  void theGraphNeedsBothArraysAndNothingElse() {
    Recorder r = Recorder.explorer("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},\n\"digitalTwinsGraph\": {\n"
        + "\"twins\": [],\n\"relationships\": 3}}");
    assertThat(r.errorLines()).containsExactly(
        "3: unknown member \"twins\" in digitalTwinsGraph (expected digitalTwins and relationships); it is ignored",
        "4: /digitalTwinsGraph/relationships must be an array, found the number 3",
        "2: digitalTwinsGraph has no digitalTwins array (write \"digitalTwins\": [] if empty)");
  }

  @Test
  void badTwinsAndRelationshipsAreReportedWithLineColumnAndPointer() {
    String text = """
        {"digitalTwinsFileInfo": {"fileVersion": "1.0.0"}, "digitalTwinsGraph": {
          "digitalTwins": [
            {"$dtId": "a1", "$metadata": {"$model": "dtmi:ex:A;1"}},
            {"$metadata": {"$model": "dtmi:ex:A;1"}},
            "a3",
            {"$dtId": "a4", "$metadata": {}},
            {"$dtId": "a5", "$metadata": {"$model": "dtmi:ex:A;1"}}
          ],
          "relationships": [
            {"$relationshipId": "r1", "$dtId": "a1", "$targetId": "a5", "$relationshipName": "r"},
            {"$relationshipId": "r2", "$sourceId": "a1", "$targetId": "a5"},
            {"$relationshipId": "r3", "$sourceId": "a1", "$targetId": "a5", "$relationshipName": "r", "w": 1}
          ]}}
        """;
    Recorder r = Recorder.explorer(text);
    assertThat(r.errors).extracting(AdtFileError::toString).containsExactly(
        "f.json:4:5: /digitalTwinsGraph/digitalTwins/1: twin has no $dtId",
        "f.json:5:5: /digitalTwinsGraph/digitalTwins/2: a twin must be a JSON object, found the string \"a3\"",
        "f.json:6:5: /digitalTwinsGraph/digitalTwins/3: twin 'a4' has no $metadata.$model (the DTMI of its model)",
        "f.json:10:5: /digitalTwinsGraph/relationships/0: relationship 'r1' has no $sourceId; this format names the "
            + "source twin in $sourceId; $dtId is the source only in bulk-import files",
        "f.json:11:5: /digitalTwinsGraph/relationships/1: relationship 'r2' has no $relationshipName");
    assertThat(r.twins).extracting(TwinRecord::id).containsExactly("a1", "a5");
    assertThat(r.relationships).singleElement().satisfies(rel -> {
      assertThat(rel.relationshipId()).isEqualTo("r3");
      assertThat(rel.line()).isEqualTo(12);
      assertThat(rel.properties().toString()).isEqualTo("{\"w\":1}");
    });
  }

  @Test
  void aDuplicateKeyLosesOnlyItsRecord() {
    String text = """
        {"digitalTwinsFileInfo": {"fileVersion": "1.0.0"}, "digitalTwinsGraph": {
          "digitalTwins": [
            {"$dtId": "a1", "c": {"x": 1, "x": {"deep": [1, {"y": 2}]}, "z": [3]}, "$metadata": {"$model": "dtmi:ex:A;1"}},
            {"$dtId": "a2", "$metadata": {"$model": "dtmi:ex:A;1"}}
          ],
          "relationships": []}}
        """;
    Recorder r = Recorder.explorer(text);
    assertThat(r.errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.message()).startsWith("/digitalTwinsGraph/digitalTwins/0: Duplicate");
    });
    assertThat(r.twins).extracting(TwinRecord::id).containsExactly("a2");
  }

  @Test
  void malformedJsonEndsTheReadAfterTheRecordsBeforeIt() {
    String text = """
        {"digitalTwinsFileInfo": {"fileVersion": "1.0.0"}, "digitalTwinsGraph": {
          "digitalTwins": [
            {"$dtId": "a1", "$metadata": {"$model": "dtmi:ex:A;1"}},
            {"$dtId": "a2", "$metadata": {"$model": "dtmi:ex:A;1"}
            {"$dtId": "a3", "$metadata": {"$model": "dtmi:ex:A;1"}}
          ],
          "relationships": []}}
        """;
    Recorder r = Recorder.explorer(text);
    assertThat(r.errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isGreaterThan(0);
      assertThat(e.message()).startsWith("not valid JSON: ").endsWith("; reading stopped");
    });
    assertThat(r.twins).extracting(TwinRecord::id).containsExactly("a1");
  }

  @Test
  void aTruncatedFileIsReported() {
    Recorder r = Recorder.explorer(EXPORT.substring(0, EXPORT.indexOf("\"relationships\"")));
    assertThat(r.errors).singleElement().extracting(AdtFileError::message).asString()
        .startsWith("not valid JSON: Unexpected end-of-input");
    assertThat(r.twins).hasSize(2);
  }

  @Test
  void theTopLevelMustBeOneObject() {
    assertThat(Recorder.explorer("[1]").errorLines()).singleElement().asString()
        .startsWith("1: an Explorer file is one JSON object with digitalTwinsFileInfo");
    assertThat(Recorder.explorer("  ").errorLines()).singleElement().asString().startsWith("0: the file is empty");
    Recorder trailing = Recorder.explorer("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},"
        + "\"digitalTwinsGraph\":{\"digitalTwins\":[],\"relationships\":[]}}\n{}");
    assertThat(trailing.errorLines()).containsExactly("2: content after the top-level object");
  }

  @Test
  void aModelThatIsNoObjectIsReported() {
    Recorder r = Recorder.explorer("{\"digitalTwinsFileInfo\":{\"fileVersion\":\"1.0.0\"},\n\"digitalTwinsModels\": [\n"
        + MODEL + ",\n\"dtmi:ex:B;1\"],\n\"digitalTwinsGraph\":{\"digitalTwins\":[],\"relationships\":[]}}");
    assertThat(r.errorLines()).containsExactly(
        "4: /digitalTwinsModels/1: a model must be an Interface object, found the string \"dtmi:ex:B;1\"");
    assertThat(r.models()).hasSize(1);
  }

  @Test
  void stopThrowsAtTheFirstError() {
    String text = EXPORT.replace("\"$dtId\": \"a2\"", "\"$dtId\": 2");
    Recorder r = new Recorder();
    assertThatThrownBy(() -> AdtFiles.readExplorer("f.json", text, r, ErrorPolicy.STOP))
        .isInstanceOfSatisfying(AdtFileException.class, e -> {
          assertThat(e.errors()).isEqualTo(r.errors);
          assertThat(e.errors().get(0).line()).isEqualTo(11);
        });
    assertThat(r.calls).containsExactly("header", "models2", "twin", "error11");
  }

  @Test
  void readsAFileWithABom(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("export.json");
    Files.write(file, ("\uFEFF" + EXPORT).getBytes(StandardCharsets.UTF_8));
    Recorder r = new Recorder();
    r.check(AdtFiles.readExplorer(file, r, ErrorPolicy.STOP));
    assertThat(r.calls).containsExactly("header", "models2", "twin", "twin", "rel");
    assertThat(r.twins.get(1).line()).isEqualTo(11);
    assertThat(r.models().get(0).name()).isEqualTo(file + "#/digitalTwinsModels/0");
  }

  @Test
  void invalidUtf8IsReportedAsAnErrorNotThrown(@TempDir Path dir) throws Exception {
    byte[] text = EXPORT.replace("\"a2\"", "\"a\u00e9\"").getBytes(StandardCharsets.UTF_8);
    String s = new String(text, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("a\u00c3\u00a9");
    text[at + 2] = 0x28; // 0xC3 followed by '(' is not UTF-8
    Path file = dir.resolve("bad.json");
    Files.write(file, text);
    Recorder r = new Recorder();
    r.check(AdtFiles.readExplorer(file, r, ErrorPolicy.CONTINUE));
    assertThat(r.errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(11);
      assertThat(e.message()).contains("UTF-8").endsWith("; reading stopped");
    });
    assertThat(r.twins).extracting(TwinRecord::id).containsExactly("a1");
  }
}
