package dev.twins.core.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telling the formats apart, and reading a file of any format. */
class DetectTest {
  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path f = Files.createTempFile(dir, "f", ".json");
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"Section": "Header"}\\n{"fileVersion": "1.0.0"}                          | BULK_IMPORT
      \\uFEFF\\n\\n  {"section":"Models"}\\n                                     | BULK_IMPORT
      {"$dtId":"a","$metadata":{"$model":"dtmi:a;1"}}\\n{"$dtId":"b"}           | BULK_IMPORT
      {"digitalTwinsFileInfo":{"fileVersion":"1.0.0"},"digitalTwinsGraph":{}}  | EXPLORER
      \\uFEFF \\r\\n {\\n "digitalTwinsGraph": {"digitalTwins": [}              | EXPLORER
      {"@context":"dtmi:dtdl:context;3","@id":"dtmi:a;1","@type":"Interface"}  | MODELS
      {"contents": [{"x": [1, {"y": 2}]}], "@type": "Interface"}               | MODELS
      [\\n {"@id": "dtmi:a;1", "@type": "Interface"}, {"@id": "dtmi:b;1"}]      | MODELS
      []                                                                       | UNKNOWN
      [1, 2]                                                                   | UNKNOWN
      {"a": 1}                                                                 | UNKNOWN
      `  `                                                                     | UNKNOWN
      not json                                                                 | UNKNOWN
      {"@id": "dtmi:a;1"                                                       | UNKNOWN
      """)
  void detectsTheFormatFromTheFirstValue(String text, AdtFormat expected) throws Exception {
    String unescaped = text.replace("\\n", "\n").replace("\\r", "\r").replace("\\uFEFF", "\uFEFF");
    assertThat(AdtFiles.detect(file(unescaped))).isEqualTo(expected);
  }

  @Test
  void anEmptyFileIsUnknownAndAMissingOneAnError() throws Exception {
    assertThat(AdtFiles.detect(file(""))).isEqualTo(AdtFormat.UNKNOWN);
    assertThatThrownBy(() -> AdtFiles.detect(dir.resolve("nope.json"))).isInstanceOf(AdtFileException.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void readDispatchesOnTheFormat() throws Exception {
    Recorder bulk = new Recorder();
    ReadSummary s = AdtFiles.read(file(BulkImportReaderTest.GOOD), bulk, ErrorPolicy.STOP);
    bulk.check(s);
    assertThat(s).isEqualTo(new ReadSummary(AdtFormat.BULK_IMPORT, 2, 2, 1, 0));

    Recorder explorer = new Recorder();
    s = AdtFiles.read(file(ExplorerReaderTest.EXPORT), explorer, ErrorPolicy.STOP);
    explorer.check(s);
    assertThat(s).isEqualTo(new ReadSummary(AdtFormat.EXPLORER, 2, 2, 1, 0));

    Path model = file("[" + ExplorerReaderTest.MODEL + "," + ExplorerReaderTest.COMPONENT + "]");
    Recorder models = new Recorder();
    s = AdtFiles.read(model, models, ErrorPolicy.STOP);
    models.check(s);
    assertThat(s).isEqualTo(new ReadSummary(AdtFormat.MODELS, 1, 0, 0, 0));
    assertThat(models.models()).singleElement().satisfies(m -> assertThat(m.name()).isEqualTo(model.toString()));

    Path other = file("{\"a\": 1}");
    Recorder unknown = new Recorder();
    s = AdtFiles.read(other, unknown, ErrorPolicy.CONTINUE);
    unknown.check(s);
    assertThat(s.format()).isEqualTo(AdtFormat.UNKNOWN);
    assertThat(unknown.errors).singleElement().satisfies(e -> {
      assertThat(e.file()).isEqualTo(other.toString());
      assertThat(e.message()).startsWith("not an ADT bulk-import file, an ADT Explorer file or a DTDL model file");
    });
    assertThatThrownBy(() -> AdtFiles.read(other, new Recorder(), ErrorPolicy.STOP)).isInstanceOf(AdtFileException.class);
  }
}
