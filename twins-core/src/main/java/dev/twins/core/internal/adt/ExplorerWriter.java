package dev.twins.core.internal.adt;

import dev.twins.core.adt.AdtWriter;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes ADT Explorer JSON: {@code digitalTwinsFileInfo}, then {@code digitalTwinsModels}, then
 * {@code digitalTwinsGraph} with {@code digitalTwins} and {@code relationships}. The models come
 * before the graph (the Explorer itself reads the members in any order) so that a streaming
 * reader finds them in one pass.
 */
public final class ExplorerWriter implements AdtWriter {
  private static final int START = 0;
  private static final int MODELS = 1;
  private static final int TWINS = 2;
  private static final int RELATIONSHIPS = 3;
  private static final int CLOSED = 4;
  private static final String[] NAMES = {"", "models", "twins", "relationships"};

  private final JsonGenerator gen;
  private final boolean pretty;
  private int state = START;

  /**
   * Creates the writer; nothing is written until the first record or {@link #close()}.
   *
   * @param out the target, closed by {@link #close()}
   * @param pretty whether to indent (else the whole file is one line, as the Explorer writes it)
   */
  public ExplorerWriter(Writer out, boolean pretty) {
    Objects.requireNonNull(out, "out");
    this.pretty = pretty;
    this.gen = (pretty ? AdtFileJson.PRETTY : AdtFileJson.MAPPER).createGenerator(out);
  }

  private void enter(int target) {
    if (state == CLOSED) throw new IllegalStateException("the writer is closed");
    if (state > target) {
      throw new IllegalStateException("ADT needs models, then twins, then relationships: cannot write "
          + NAMES[target] + " after " + NAMES[state]);
    }
    while (state < target) {
      switch (++state) {
        case MODELS:
          gen.writeStartObject();
          gen.writeName(ExplorerReader.FILE_INFO);
          gen.writeStartObject();
          gen.writeStringProperty("fileVersion", "1.0.0");
          gen.writeEndObject();
          gen.writeName(ExplorerReader.MODELS);
          gen.writeStartArray();
          break;
        case TWINS:
          gen.writeEndArray();
          gen.writeName(ExplorerReader.GRAPH);
          gen.writeStartObject();
          gen.writeName(ExplorerReader.TWINS);
          gen.writeStartArray();
          break;
        default:
          gen.writeEndArray();
          gen.writeName(ExplorerReader.RELATIONSHIPS);
          gen.writeStartArray();
          break;
      }
    }
  }

  @Override
  public AdtWriter model(String json) {
    List<ObjectNode> interfaces = WriterSupport.interfaces(Objects.requireNonNull(json, "json"));
    WriterSupport.io(() -> write(interfaces));
    return this;
  }

  @Override
  public AdtWriter model(JsonNode json) {
    List<ObjectNode> interfaces = WriterSupport.interfaces(Objects.requireNonNull(json, "json"));
    WriterSupport.io(() -> write(interfaces));
    return this;
  }

  private void write(List<ObjectNode> interfaces) {
    enter(MODELS);
    for (ObjectNode i : interfaces) gen.writeTree(i);
  }

  @Override
  public AdtWriter twin(ObjectNode twin) {
    WriterSupport.checkTwin(Objects.requireNonNull(twin, "twin"));
    WriterSupport.io(() -> {
      enter(TWINS);
      gen.writeTree(twin);
    });
    return this;
  }

  @Override
  public AdtWriter relationship(ObjectNode relationship) {
    WriterSupport.checkRelationship(Objects.requireNonNull(relationship, "relationship"));
    WriterSupport.io(() -> {
      enter(RELATIONSHIPS);
      gen.writeTree(relationship);
    });
    return this;
  }

  @Override
  public void close() {
    if (state == CLOSED) return;
    WriterSupport.io(() -> {
      try {
        enter(RELATIONSHIPS);
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
        if (pretty) gen.writeRaw('\n');
      } finally {
        state = CLOSED;
        gen.close();
      }
    });
  }

  @Override
  public String toString() {
    return "ExplorerWriter[" + (state == CLOSED ? "closed" : state == START ? "empty" : NAMES[state]) + "]";
  }
}
