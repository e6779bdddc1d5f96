package dev.twins.core.internal.adt;

import dev.twins.core.adt.AdtFileError;
import dev.twins.core.adt.AdtFileException;
import dev.twins.core.adt.AdtFormat;
import dev.twins.core.adt.FileHeader;
import dev.twins.core.adt.ReadSummary;
import dev.twins.core.adt.RelationshipRecord;
import dev.twins.core.adt.TwinRecord;
import dev.twins.core.model.ModelSource;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams an ADT Explorer JSON file with a {@link JsonParser}: only one twin, relationship or
 * model is held as a tree at a time. When {@code digitalTwinsModels} (or the file info) comes
 * after {@code digitalTwinsGraph}, as in the Explorer's own exports, the graph is skipped on a
 * first pass and read on a second one, so that the models reach the handler before any twin.
 */
public final class ExplorerReader {
  static final String FILE_INFO = "digitalTwinsFileInfo";
  static final String GRAPH = "digitalTwinsGraph";
  static final String MODELS = "digitalTwinsModels";
  static final String TWINS = "digitalTwins";
  static final String RELATIONSHIPS = "relationships";
  private static final String TOP_MEMBERS = FILE_INFO + ", " + GRAPH + " and " + MODELS;

  /** Opens the file again for each pass. */
  @FunctionalInterface
  public interface Source {
    /**
     * Opens a parser at the start of the text.
     *
     * @return a new parser, closed by the caller
     */
    JsonParser open();
  }

  private final Source source;
  private final Delivery out;
  private final List<ModelSource> models = new ArrayList<>();
  private boolean fatal;

  private ExplorerReader(Source source, Delivery out) {
    this.source = source;
    this.out = out;
  }

  /**
   * Reads a whole file.
   *
   * @param source opens the text
   * @param out where records go
   * @return the summary
   * @throws AdtFileException on an I/O failure, or on the first error under the STOP policy
   */
  public static ReadSummary read(Source source, Delivery out) {
    ExplorerReader r = new ExplorerReader(source, out);
    boolean deferred = r.firstPass();
    if (deferred) r.secondPass();
    return out.finish(AdtFormat.EXPLORER);
  }

  /** Reads everything but a graph that comes before the models; returns whether it did so. */
  private boolean firstPass() {
    boolean deferred = false;
    try (JsonParser p = source.open()) {
      JsonToken t = p.nextToken();
      if (t == null) {
        out.error(0, 0, "the file is empty; an Explorer file is one JSON object with " + TOP_MEMBERS);
        return false;
      }
      int topLine = line(p);
      if (t != JsonToken.START_OBJECT) {
        out.error(topLine, column(p), "an Explorer file is one JSON object with " + TOP_MEMBERS + ", found "
            + AdtFileJson.describe(AdtFileJson.MAPPER.readTree(p)));
        return false;
      }
      boolean fileInfo = false;
      boolean graph = false;
      boolean modelsSeen = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        int line = line(p);
        int column = column(p);
        if (name.equals(FILE_INFO) && !fileInfo) {
          fileInfo = true;
          JsonNode node = tree(p, "/" + FILE_INFO);
          if (node == null) continue;
          if (!node.isObject()) {
            out.error(line, column, FILE_INFO + " must be an object such as {\"fileVersion\": \"1.0.0\"}, found "
                + AdtFileJson.describe(node));
          } else if (!node.has("fileVersion")) {
            out.error(line, column, FILE_INFO + " has no fileVersion (the Explorer writes \"1.0.0\")");
          } else {
            out.header(new FileHeader((ObjectNode) node, line));
          }
        } else if (name.equals(MODELS) && !modelsSeen) {
          modelsSeen = true;
          readModels(p);
        } else if (name.equals(GRAPH) && !graph) {
          graph = true;
          if (modelsSeen && fileInfo) {
            out.models(models);
            readGraph(p);
          } else {
            deferred = true;
            p.skipChildren();
          }
        } else if (name.equals(FILE_INFO) || name.equals(MODELS) || name.equals(GRAPH)) {
          out.error(line, column, "a second " + name + " member; it is ignored");
          p.skipChildren();
        } else {
          out.error(line, column, "unknown top-level member \"" + name + "\"; an Explorer file has " + TOP_MEMBERS
              + "; it is ignored");
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        out.error(line(p), column(p), "content after the top-level object");
      }
      if (!fileInfo) {
        out.error(topLine, 0, "no " + FILE_INFO + " member; an Explorer file begins with "
            + "{\"" + FILE_INFO + "\": {\"fileVersion\": \"1.0.0\"}, ...");
      }
      if (!graph) {
        out.error(topLine, 0, "no " + GRAPH + " member; an Explorer file holds {\"" + GRAPH + "\": {\"" + TWINS
            + "\": [...], \"" + RELATIONSHIPS + "\": [...]}}");
      }
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      fatal(e);
    }
    out.models(models);
    return deferred;
  }

  private void secondPass() {
    try (JsonParser p = source.open()) {
      p.nextToken();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(GRAPH)) {
          readGraph(p);
          return;
        }
        p.skipChildren();
      }
    } catch (JacksonIOException e) {
      throw ioFailure(e);
    } catch (JacksonException e) {
      if (!fatal) fatal(e);
    }
  }

  private void fatal(JacksonException e) {
    fatal = true;
    out.error(AdtFileJson.line(e, 0), AdtFileJson.column(e), "not valid JSON: " + AdtFileJson.message(e) + "; reading stopped");
  }

  private AdtFileException ioFailure(JacksonIOException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new AdtFileException(new AdtFileError(out.file(), AdtFileJson.line(e, 0), 0, "cannot read: " + why), cause);
  }

  private void readModels(JsonParser p) {
    int line = line(p);
    if (p.currentToken() != JsonToken.START_ARRAY) {
      JsonNode node = tree(p, "/" + MODELS);
      if (node != null) {
        out.error(line, column(p), MODELS + " must be an array of Interfaces, found " + AdtFileJson.describe(node));
      }
      return;
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String pointer = "/" + MODELS + "/" + i++;
      int elementLine = line(p);
      int elementColumn = column(p);
      JsonNode node = tree(p, pointer);
      if (node == null) continue;
      if (!node.isObject()) {
        out.error(elementLine, elementColumn, pointer + ": a model must be an Interface object, found "
            + AdtFileJson.describe(node));
        continue;
      }
      models.add(new ModelSource(out.file() + "#" + pointer, AdtFileJson.PRETTY.writeValueAsString(node)));
    }
  }

  private void readGraph(JsonParser p) {
    int line = line(p);
    int column = column(p);
    if (p.currentToken() != JsonToken.START_OBJECT) {
      JsonNode node = tree(p, "/" + GRAPH);
      if (node != null) {
        out.error(line, column, GRAPH + " must be an object with " + TWINS + " and " + RELATIONSHIPS + ", found "
            + AdtFileJson.describe(node));
      }
      return;
    }
    boolean twins = false;
    boolean relationships = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals(TWINS) && !twins) {
        twins = true;
        readArray(p, true);
      } else if (name.equals(RELATIONSHIPS) && !relationships) {
        relationships = true;
        readArray(p, false);
      } else {
        boolean second = name.equals(TWINS) || name.equals(RELATIONSHIPS);
        out.error(line(p), column(p), second
            ? "a second " + name + " member in " + GRAPH + "; it is ignored"
            : "unknown member \"" + name + "\" in " + GRAPH + " (expected " + TWINS + " and " + RELATIONSHIPS
                + "); it is ignored");
        p.skipChildren();
      }
    }
    if (!twins) out.error(line, column, GRAPH + " has no " + TWINS + " array (write \"" + TWINS + "\": [] if empty)");
    if (!relationships) {
      out.error(line, column, GRAPH + " has no " + RELATIONSHIPS + " array (write \"" + RELATIONSHIPS
          + "\": [] if empty)");
    }
  }

  private void readArray(JsonParser p, boolean twins) {
    String base = "/" + GRAPH + "/" + (twins ? TWINS : RELATIONSHIPS);
    if (p.currentToken() != JsonToken.START_ARRAY) {
      int line = line(p);
      int column = column(p);
      JsonNode node = tree(p, base);
      if (node != null) out.error(line, column, base + " must be an array, found " + AdtFileJson.describe(node));
      return;
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String index = Integer.toString(i++);
      int line = line(p);
      int column = column(p);
      JsonNode node = tree(p, base, index);
      if (node == null) continue;
      String problem = twins ? AdtFileJson.twinProblem(node) : AdtFileJson.relationshipProblem(node, AdtFileJson.SOURCE_ID);
      if (!problem.isEmpty()) {
        out.error(line, column, base + "/" + index + ": " + problem);
      } else if (twins) {
        out.twin(new TwinRecord((ObjectNode) node, line));
      } else {
        out.relationship(new RelationshipRecord((ObjectNode) node, line));
      }
    }
  }

  private JsonNode tree(JsonParser p, String pointer) {
    return tree(p, pointer, null);
  }

  /**
   * Reads the value at the current token as a tree. A duplicate key is reported and the rest of
   * the value skipped (null is returned); other failures propagate.
   */
  private JsonNode tree(JsonParser p, String base, String index) {
    int line = line(p);
    int column = column(p);
    boolean container = p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY;
    int depth = p.streamReadContext().getNestingDepth();
    try {
      return AdtFileJson.MAPPER.readTree(p);
    } catch (DatabindException e) {
      String pointer = index == null ? base : base + "/" + index;
      out.error(line, column, pointer + ": " + AdtFileJson.message(e));
      if (container) {
        while (p.streamReadContext().getNestingDepth() >= depth) {
          if (p.nextToken() == null) break;
        }
      }
      return null;
    }
  }

  private static int line(JsonParser p) {
    TokenStreamLocation loc = p.currentTokenLocation();
    return Math.max(loc.getLineNr(), 0);
  }

  private static int column(JsonParser p) {
    TokenStreamLocation loc = p.currentTokenLocation();
    return Math.max(loc.getColumnNr(), 0);
  }
}
