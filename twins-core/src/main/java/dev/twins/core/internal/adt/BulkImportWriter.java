package dev.twins.core.internal.adt;

import dev.twins.core.adt.AdtWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes ADT Import Jobs NDJSON: {@code {"Section": "Header"}} and the header object, then each
 * section marker just before its first record (sections without records are left out, as ADT
 * allows), one compact JSON object per line ({@code \n}).
 */
public final class BulkImportWriter implements AdtWriter {
  private static final int START = 0;
  private static final int HEADER = 1;
  private static final int MODELS = 2;
  private static final int TWINS = 3;
  private static final int RELATIONSHIPS = 4;
  private static final int CLOSED = 5;
  private static final String[] SECTIONS = {"", "Header", "Models", "Twins", "Relationships"};

  private final JsonGenerator gen;
  private final ObjectNode header;
  private int state = START;

  /**
   * Creates the writer; nothing is written until the first record or {@link #close()}.
   *
   * @param out the target, closed by {@link #close()}
   * @param header the header object, e.g. {@code {"fileVersion": "1.0.0", "author": ..., "organization": ...}}
   */
  public BulkImportWriter(Writer out, ObjectNode header) {
    Objects.requireNonNull(out, "out");
    this.header = Objects.requireNonNull(header, "header").deepCopy();
    this.gen = AdtFileJson.MAPPER.createGenerator(out);
  }

  private void enter(int section) {
    if (state == CLOSED) throw new IllegalStateException("the writer is closed");
    if (state > section) {
      throw new IllegalStateException("ADT needs models, then twins, then relationships: cannot write "
          + SECTIONS[section].toLowerCase(java.util.Locale.ROOT) + " after " + SECTIONS[state].toLowerCase(java.util.Locale.ROOT));
    }
    if (state < HEADER) {
      state = HEADER;
      gen.writeRaw("{\"Section\": \"Header\"}\n");
      line(header);
    }
    if (state < section) {
      state = section;
      gen.writeRaw("{\"Section\": \"" + SECTIONS[state] + "\"}\n");
    }
  }

  private void line(JsonNode node) {
    gen.writeTree(node);
    gen.writeRaw('\n');
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
    for (ObjectNode i : interfaces) line(i);
  }

  @Override
  public AdtWriter twin(ObjectNode twin) {
    WriterSupport.checkTwin(Objects.requireNonNull(twin, "twin"));
    WriterSupport.io(() -> {
      enter(TWINS);
      line(twin);
    });
    return this;
  }

  @Override
  public AdtWriter relationship(ObjectNode relationship) {
    WriterSupport.checkRelationship(Objects.requireNonNull(relationship, "relationship"));
    WriterSupport.io(() -> {
      enter(RELATIONSHIPS);
      gen.writeStartObject();
      for (Map.Entry<String, JsonNode> e : relationship.properties()) {
        gen.writeName(e.getKey().equals(AdtFileJson.SOURCE_ID) ? AdtFileJson.DT_ID : e.getKey());
        gen.writeTree(e.getValue());
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
    });
    return this;
  }

  @Override
  public void close() {
    if (state == CLOSED) return;
    WriterSupport.io(() -> {
      try {
        if (state < HEADER) enter(HEADER);
      } finally {
        state = CLOSED;
        gen.close();
      }
    });
  }

  @Override
  public String toString() {
    return "BulkImportWriter[" + (state == CLOSED ? "closed" : state == START ? "empty" : SECTIONS[state]) + "]";
  }
}
