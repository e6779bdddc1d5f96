package dev.twins.core.adt;

import dev.twins.core.internal.adt.AdtFileJson;
import dev.twins.core.internal.adt.BulkImportReader;
import dev.twins.core.internal.adt.BulkImportWriter;
import dev.twins.core.internal.adt.Delivery;
import dev.twins.core.internal.adt.ExplorerReader;
import dev.twins.core.internal.adt.ExplorerWriter;
import dev.twins.core.internal.adt.FormatDetector;
import dev.twins.core.internal.adt.StrictUtf8Reader;
import dev.twins.core.model.ModelSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the Azure Digital Twins exchange formats as streams of records, independent of
 * any twin graph: ADT Import Jobs NDJSON ("bulk import") and ADT Explorer export/import JSON.
 *
 * <p>Reading calls an {@link AdtRecordHandler} with the header, the model texts (once, before any
 * twin), each twin and each relationship with its line, and each bad record as an
 * {@link AdtFileError}; the {@link ErrorPolicy} decides whether reading goes on after an error.
 * Neither reader holds the whole file: bulk-import files are read line by line, Explorer files
 * with a streaming JSON parser, one record tree at a time.
 *
 * <pre>{@code
 * ReadSummary s = AdtFiles.read(path, new AdtRecordHandler() {
 *   public void models(List<ModelSource> models) { this.models = ModelParser.defaults().parse(models); }
 *   public void twin(TwinRecord twin) { ... }
 *   public void relationship(RelationshipRecord r) { ... }
 * }, ErrorPolicy.STOP);
 * }</pre>
 *
 * <p>Writing goes through an {@link AdtWriter}: models, then twins, then relationships.
 */
public final class AdtFiles {
  private AdtFiles() {}

  /**
   * Tells the format of a file from its first non-blank content, reading no more than the
   * first JSON value.
   *
   * @param file the file
   * @return the format; {@link AdtFormat#UNKNOWN} for an empty file, malformed JSON or another shape
   * @throws AdtFileException if the file cannot be read
   */
  public static AdtFormat detect(Path file) {
    Objects.requireNonNull(file, "file");
    try (JsonParser p = AdtFileJson.MAPPER.createParser(open(file))) {
      return FormatDetector.detect(p);
    } catch (JacksonIOException e) {
      throw ioFailure(file, e.getCause() == null ? e : e.getCause());
    }
  }

  /**
   * Reads a file of any format {@link #detect} knows: a bulk-import or Explorer file as
   * {@link #readBulkImport(Path, AdtRecordHandler, ErrorPolicy)} and
   * {@link #readExplorer(Path, AdtRecordHandler, ErrorPolicy)} do, a plain DTDL file as one model
   * text (named by the path). A file of unknown format is reported as an error.
   *
   * @param file the file
   * @param handler receives the records
   * @param policy what to do after an error
   * @return what was delivered
   * @throws AdtFileException if the file cannot be read, or on the first error under
   *     {@link ErrorPolicy#STOP}
   */
  public static ReadSummary read(Path file, AdtRecordHandler handler, ErrorPolicy policy) {
    AdtFormat format = detect(file);
    switch (format) {
      case BULK_IMPORT:
        return readBulkImport(file, handler, policy);
      case EXPLORER:
        return readExplorer(file, handler, policy);
      case MODELS: {
        Delivery out = new Delivery(file.toString(), handler, policy);
        String text = utf8(file, out);
        out.models(text == null ? List.of() : List.of(new ModelSource(file.toString(), text)));
        return out.finish(format);
      }
      default: {
        Delivery out = new Delivery(file.toString(), handler, policy);
        out.error(0, 0, "not an ADT bulk-import file, an ADT Explorer file or a DTDL model file "
            + "(empty, not JSON, or JSON of another shape)");
        return out.finish(format);
      }
    }
  }

  /**
   * Reads an ADT Import Jobs NDJSON file line by line. See
   * {@link #readBulkImport(String, Reader, AdtRecordHandler, ErrorPolicy)}.
   *
   * @param file the file, UTF-8 with or without a byte order mark
   * @param handler receives the records
   * @param policy what to do after an error
   * @return what was delivered
   * @throws AdtFileException if the file cannot be read, or on the first error under
   *     {@link ErrorPolicy#STOP}
   */
  public static ReadSummary readBulkImport(Path file, AdtRecordHandler handler, ErrorPolicy policy) {
    Objects.requireNonNull(file, "file");
    Delivery out = new Delivery(file.toString(), handler, policy);
    try (Reader in = new StrictUtf8Reader(open(file))) {
      return BulkImportReader.read(in, out);
    } catch (IOException e) {
      throw ioFailure(file, e);
    }
  }

  /**
   * Reads ADT Import Jobs NDJSON line by line, holding only the current line and the model texts
   * in memory. Lines may end in {@code \n}, {@code \r\n} or {@code \r}; blank lines and a leading
   * byte order mark are skipped. Section markers ({@code {"Section": "Header"}}, {@code "Models"},
   * {@code "Twins"}, {@code "Relationships"}) are matched without regard to case. Relationship
   * lines name the source twin in {@code $dtId}; the records have it as {@code $sourceId}.
   *
   * <p>Reported as errors, with their line: lines that are not one JSON object, records before
   * the first section, lines of unknown sections (skipped), sections out of ADT's order Header,
   * Models, Twins, Relationships (a late Models section is skipped, since the models have been
   * delivered), a second header line, twins without {@code $dtId} or {@code $metadata.$model},
   * relationships without {@code $dtId}, {@code $relationshipId}, {@code $targetId} or
   * {@code $relationshipName}, duplicate keys in an object, and a file without sections.
   *
   * @param name the file name used in errors and model source names ({@code name:line})
   * @param in the text; not closed
   * @param handler receives the records
   * @param policy what to do after an error
   * @return what was delivered
   * @throws AdtFileException if the text cannot be read, or on the first error under
   *     {@link ErrorPolicy#STOP}
   */
  public static ReadSummary readBulkImport(String name, Reader in, AdtRecordHandler handler, ErrorPolicy policy) {
    Objects.requireNonNull(in, "in");
    return BulkImportReader.read(in, new Delivery(name, handler, policy));
  }

  /**
   * Reads an ADT Explorer JSON file with a streaming parser. See
   * {@link #readExplorer(String, String, AdtRecordHandler, ErrorPolicy)}.
   *
   * @param file the file, UTF-8 with or without a byte order mark
   * @param handler receives the records
   * @param policy what to do after an error
   * @return what was delivered
   * @throws AdtFileException if the file cannot be read, or on the first error under
   *     {@link ErrorPolicy#STOP}
   */
  public static ReadSummary readExplorer(Path file, AdtRecordHandler handler, ErrorPolicy policy) {
    Objects.requireNonNull(file, "file");
    return ExplorerReader.read(() -> AdtFileJson.MAPPER.createParser(open(file)),
        new Delivery(file.toString(), handler, policy));
  }

  /**
   * Reads ADT Explorer JSON: {@code digitalTwinsFileInfo} becomes the header,
   * {@code digitalTwinsModels} the model texts (named {@code name#/digitalTwinsModels/i}), and
   * the elements of {@code digitalTwinsGraph.digitalTwins} and {@code .relationships} the twin and
   * relationship records, each with the line where its object starts. Only one record is held as
   * a tree at a time. When the models come after the graph, as in the Explorer's exports, the
   * text is read twice so that the models are delivered first.
   *
   * <p>Reported as errors: a missing {@code digitalTwinsFileInfo} or {@code digitalTwinsGraph}
   * (a missing {@code digitalTwinsModels} is allowed), a graph without {@code digitalTwins} or
   * {@code relationships}, unknown or repeated members (skipped), members of the wrong JSON type,
   * twins and relationships lacking their {@code $}-members (relationships name the source in
   * {@code $sourceId}), and duplicate keys. Malformed JSON ends the read, after the error.
   *
   * @param name the file name used in errors and model source names
   * @param text the JSON text
   * @param handler receives the records
   * @param policy what to do after an error
   * @return what was delivered
   * @throws AdtFileException on the first error under {@link ErrorPolicy#STOP}
   */
  public static ReadSummary readExplorer(String name, String text, AdtRecordHandler handler, ErrorPolicy policy) {
    Objects.requireNonNull(text, "text");
    return ExplorerReader.read(() -> AdtFileJson.MAPPER.createParser(text), new Delivery(name, handler, policy));
  }

  /**
   * Starts a bulk-import file with the header {@code {"fileVersion": "1.0.0"}}.
   *
   * @param out the target, closed by {@link AdtWriter#close()}
   * @return the writer
   */
  public static AdtWriter bulkImportWriter(Writer out) {
    return new BulkImportWriter(out, AdtFileJson.MAPPER.createObjectNode().put("fileVersion", "1.0.0"));
  }

  /**
   * Starts a bulk-import file with a given header. Each record becomes one compact JSON line;
   * relationships get their source id in {@code $dtId}, as ADT's Import Jobs expect.
   *
   * @param out the target, closed by {@link AdtWriter#close()}
   * @param header the header object, e.g. {@code {"fileVersion": "1.0.0", "author": "...",
   *     "organization": "..."}} (copied)
   * @return the writer
   */
  public static AdtWriter bulkImportWriter(Writer out, ObjectNode header) {
    return new BulkImportWriter(out, header);
  }

  /**
   * Starts an Explorer JSON file. The models are written before the graph, so a streaming reader
   * needs one pass; the Explorer reads the members in any order.
   *
   * @param out the target, closed by {@link AdtWriter#close()}
   * @param pretty whether to indent; otherwise the file is one line, as the Explorer writes it
   * @return the writer
   */
  public static AdtWriter explorerWriter(Writer out, boolean pretty) {
    return new ExplorerWriter(out, pretty);
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw ioFailure(file, e);
    }
  }

  private static String utf8(Path file, Delivery out) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw ioFailure(file, e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      out.error(0, 0, "the file is not valid UTF-8 text");
      return null;
    }
  }

  private static AdtFileException ioFailure(Path file, Throwable cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new AdtFileException(new AdtFileError(file.toString(), 0, 0, "cannot read " + file + ": " + why), cause);
  }
}
