package dev.twins.core.internal.adt;

import dev.twins.core.adt.AdtFileError;
import dev.twins.core.adt.AdtFileException;
import dev.twins.core.adt.AdtFormat;
import dev.twins.core.adt.FileHeader;
import dev.twins.core.adt.ReadSummary;
import dev.twins.core.adt.RelationshipRecord;
import dev.twins.core.adt.TwinRecord;
import dev.twins.core.model.ModelSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads ADT Import Jobs NDJSON line by line: tracks the sections, checks each record and hands
 * it to a {@link Delivery}. Only the current line and the model texts are held in memory.
 */
public final class BulkImportReader {
  private enum Section { HEADER, MODELS, TWINS, RELATIONSHIPS }

  private static final String ORDER = "ADT requires the sections in the order Header, Models, Twins, Relationships";

  private final Delivery out;
  private final List<ModelSource> models = new ArrayList<>();
  /** The current section; null before the first section line, and while skipping. */
  private Section section;
  private boolean skipping;
  private boolean anySection;
  private Section highest;
  private boolean headerRead;

  private BulkImportReader(Delivery out) {
    this.out = out;
  }

  /**
   * Reads a whole stream. The reader is not closed.
   *
   * @param in the text
   * @param out where records go
   * @return the summary
   * @throws AdtFileException on an I/O failure, or on the first error under the STOP policy
   */
  public static ReadSummary read(Reader in, Delivery out) {
    new BulkImportReader(out).run(in);
    return out.finish(AdtFormat.BULK_IMPORT);
  }

  private void run(Reader in) {
    LineReader lines = new LineReader(in);
    while (true) {
      try {
        if (!lines.next()) break;
      } catch (CharacterCodingException e) {
        out.error(lines.lineNumber() + 1, 0, "the text is not valid UTF-8 (at or after this line); reading stopped");
        return;
      } catch (LineReader.LineTooLongException e) {
        out.error(e.line, 0, e.getMessage() + "; reading stopped");
        return;
      } catch (IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        throw new AdtFileException(new AdtFileError(out.file(), lines.lineNumber() + 1, 0, "cannot read: " + why), e);
      }
      if (lines.blank()) continue;
      line(lines);
    }
    if (!anySection) {
      out.error(0, 0, "the file has no sections; a bulk-import file begins with {\"Section\": \"Header\"}");
    }
    out.models(models);
  }

  private void line(LineReader lines) {
    int line = lines.lineNumber();
    JsonNode node;
    try (JsonParser p = AdtFileJson.MAPPER.createParser(lines.buffer(), lines.start(), lines.length())) {
      node = AdtFileJson.MAPPER.readTree(p);
      if (p.nextToken() != null) {
        out.error(line, 0, "the line holds more than one JSON value; a bulk-import line holds one object");
        return;
      }
    } catch (JacksonException e) {
      out.error(line, AdtFileJson.column(e), "not valid JSON: " + AdtFileJson.message(e));
      return;
    }
    if (isSectionMarker(node)) {
      section(node.properties().iterator().next().getValue(), line);
      return;
    }
    if (skipping) return;
    if (section == null) {
      out.error(line, 0, "a record before any section; a bulk-import file begins with {\"Section\": \"Header\"}");
      return;
    }
    switch (section) {
      case HEADER:
        if (headerRead) {
          out.error(line, 0, "the Header section holds one object; this line is extra");
        } else if (!node.isObject()) {
          out.error(line, 0, "the header must be a JSON object, found " + AdtFileJson.describe(node));
        } else {
          headerRead = true;
          out.header(new FileHeader((ObjectNode) node, line));
        }
        break;
      case MODELS:
        if (!node.isObject()) {
          out.error(line, 0, "a Models line holds one Interface object, found " + AdtFileJson.describe(node));
        } else {
          models.add(new ModelSource(out.file() + ":" + line, new String(lines.buffer(), lines.start(), lines.length())));
        }
        break;
      case TWINS:
        twin(node, line);
        break;
      default:
        relationship(node, line);
        break;
    }
  }

  private static boolean isSectionMarker(JsonNode node) {
    if (!node.isObject() || node.size() != 1) return false;
    return node.propertyNames().iterator().next().equalsIgnoreCase("Section");
  }

  private void section(JsonNode value, int line) {
    if (!value.isString()) {
      out.error(line, 0, "a Section marker names Header, Models, Twins or Relationships, found "
          + AdtFileJson.describe(value) + "; the lines up to the next section are skipped");
      skip();
      return;
    }
    Section s = lookup(value.asString());
    if (s == null) {
      out.error(line, 0, "unknown section \"" + value.asString() + "\" (expected Header, Models, Twins or "
          + "Relationships); the lines up to the next section are skipped");
      skip();
      return;
    }
    boolean firstSection = !anySection;
    anySection = true;
    if (firstSection && s != Section.HEADER) {
      out.error(line, 0, "the file does not begin with {\"Section\": \"Header\"}; " + ORDER);
    }
    if (section == Section.MODELS && s != Section.MODELS) out.models(models);
    if (s == Section.HEADER && !firstSection) {
      out.error(line, 0, "a second Header section; " + ORDER + "; its lines are skipped");
      skip();
      return;
    }
    if (s == Section.MODELS && highest != null && highest.compareTo(Section.MODELS) > 0) {
      out.error(line, 0, "a Models section after " + name(highest) + "; " + ORDER
          + "; its lines are skipped, as models must be known before twins and relationships");
      skip();
      return;
    }
    if (s == Section.MODELS && section != Section.MODELS && out.modelsDelivered()) {
      out.error(line, 0, "a second Models section after another section; put all models in one Models section; "
          + "its lines are skipped");
      skip();
      return;
    }
    if (highest != null && s.compareTo(highest) < 0) {
      out.error(line, 0, "a " + name(s) + " section after " + name(highest) + "; " + ORDER);
    }
    if (highest == null || s.compareTo(highest) > 0) highest = s;
    section = s;
    skipping = false;
  }

  private void skip() {
    if (section == Section.MODELS) out.models(models);
    section = null;
    skipping = true;
  }

  private static Section lookup(String name) {
    for (Section s : Section.values()) {
      if (s.name().equalsIgnoreCase(name)) return s;
    }
    return null;
  }

  private static String name(Section s) {
    String n = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private void twin(JsonNode node, int line) {
    String problem = AdtFileJson.twinProblem(node);
    if (!problem.isEmpty()) {
      out.error(line, 0, problem);
      return;
    }
    out.twin(new TwinRecord((ObjectNode) node, line));
  }

  private void relationship(JsonNode node, int line) {
    String problem = AdtFileJson.relationshipProblem(node, AdtFileJson.DT_ID);
    if (!problem.isEmpty()) {
      out.error(line, 0, problem);
      return;
    }
    ObjectNode o = (ObjectNode) node;
    String source = o.get(AdtFileJson.DT_ID).asString();
    JsonNode other = o.get(AdtFileJson.SOURCE_ID);
    if (other != null && !(other.isString() && other.asString().equals(source))) {
      out.error(line, 0, "relationship '" + o.get(AdtFileJson.RELATIONSHIP_ID).asString() + "' has $dtId \"" + source
          + "\" and a different $sourceId; in bulk-import files the source twin is $dtId alone");
      return;
    }
    ObjectNode normal = AdtFileJson.MAPPER.createObjectNode();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String key = e.getKey();
      if (key.equals(AdtFileJson.DT_ID)) {
        normal.put(AdtFileJson.SOURCE_ID, source);
      } else if (!key.equals(AdtFileJson.SOURCE_ID)) {
        normal.set(key, e.getValue());
      }
    }
    out.relationship(new RelationshipRecord(normal, line));
  }
}
