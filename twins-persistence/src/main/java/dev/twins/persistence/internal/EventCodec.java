package dev.twins.persistence.internal;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The binary encoding of change events, twins and relationships (version 1; see docs/formats.md):
 * strings and JSON documents are length-prefixed UTF-8, numbers are varints, times are epoch
 * seconds and nanoseconds. JSON documents are kept as compact JSON text.
 */
public final class EventCodec {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EventCodec() {}

  /**
   * Returns the record type of an event.
   *
   * @param e the event
   * @return one of the {@code RecordTypes} change types
   */
  public static int type(ChangeEvent e) {
    return e.accept(TYPE);
  }

  private static final ChangeEvent.Visitor<Integer> TYPE = new ChangeEvent.Visitor<>() {
    @Override
    public Integer twinCreated(ChangeEvent.TwinCreated e) {
      return RecordTypes.TWIN_CREATED;
    }

    @Override
    public Integer twinUpdated(ChangeEvent.TwinUpdated e) {
      return RecordTypes.TWIN_UPDATED;
    }

    @Override
    public Integer twinDeleted(ChangeEvent.TwinDeleted e) {
      return RecordTypes.TWIN_DELETED;
    }

    @Override
    public Integer relationCreated(ChangeEvent.RelationCreated e) {
      return RecordTypes.RELATION_CREATED;
    }

    @Override
    public Integer relationUpdated(ChangeEvent.RelationUpdated e) {
      return RecordTypes.RELATION_UPDATED;
    }

    @Override
    public Integer relationDeleted(ChangeEvent.RelationDeleted e) {
      return RecordTypes.RELATION_DELETED;
    }
  };

  /**
   * Encodes an event.
   *
   * @param e the event
   * @param out where to
   */
  public static void encode(ChangeEvent e, Bytes out) {
    out.varLong(e.sequence());
    out.instant(e.time());
    e.accept(new ChangeEvent.Visitor<Void>() {
      @Override
      public Void twinCreated(ChangeEvent.TwinCreated c) {
        twin(c.twin(), out);
        return null;
      }

      @Override
      public Void twinUpdated(ChangeEvent.TwinUpdated c) {
        out.string(c.modelId().value());
        json(c.patch().toJson(), out);
        twin(c.twin(), out);
        return null;
      }

      @Override
      public Void twinDeleted(ChangeEvent.TwinDeleted c) {
        twin(c.twin(), out);
        return null;
      }

      @Override
      public Void relationCreated(ChangeEvent.RelationCreated c) {
        relation(c.relation(), out);
        return null;
      }

      @Override
      public Void relationUpdated(ChangeEvent.RelationUpdated c) {
        json(c.patch().toJson(), out);
        relation(c.relation(), out);
        return null;
      }

      @Override
      public Void relationDeleted(ChangeEvent.RelationDeleted c) {
        relation(c.relation(), out);
        return null;
      }
    });
  }

  /**
   * Decodes an event.
   *
   * @param type its record type
   * @param in the payload
   * @return the event
   * @throws IllegalArgumentException if the payload is malformed or the type is not a change
   */
  public static ChangeEvent decode(int type, ByteBuffer in) {
    Bytes.Reader r = new Bytes.Reader(in);
    long seq = r.varLong();
    Instant time = r.instant();
    ChangeEvent e;
    switch (type) {
      case RecordTypes.TWIN_CREATED:
        e = new ChangeEvent.TwinCreated(seq, time, twin(r));
        break;
      case RecordTypes.TWIN_UPDATED: {
        Dtmi model = Dtmi.of(r.string());
        JsonPatch patch = JsonPatch.fromJson(readJson(r));
        e = new ChangeEvent.TwinUpdated(seq, time, model, patch, twin(r));
        break;
      }
      case RecordTypes.TWIN_DELETED:
        e = new ChangeEvent.TwinDeleted(seq, time, twin(r));
        break;
      case RecordTypes.RELATION_CREATED:
        e = new ChangeEvent.RelationCreated(seq, time, relation(r));
        break;
      case RecordTypes.RELATION_UPDATED: {
        JsonPatch patch = JsonPatch.fromJson(readJson(r));
        e = new ChangeEvent.RelationUpdated(seq, time, patch, relation(r));
        break;
      }
      case RecordTypes.RELATION_DELETED:
        e = new ChangeEvent.RelationDeleted(seq, time, relation(r));
        break;
      default:
        throw new IllegalArgumentException("not a change event: " + RecordTypes.name(type));
    }
    if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the event at " + r.position());
    return e;
  }

  /**
   * Encodes a twin.
   *
   * @param t the twin
   * @param out where to
   */
  public static void twin(Twin t, Bytes out) {
    out.string(t.id());
    out.string(t.model().value());
    out.string(t.etag());
    out.varLong(t.version());
    out.instant(t.lastUpdateTime());
    json(t.document(), out);
    Map<String, PropertyMetadata> md = t.metadata();
    out.varLong(md.size());
    for (Map.Entry<String, PropertyMetadata> m : md.entrySet()) {
      out.string(m.getKey());
      out.instant(m.getValue().lastUpdateTime());
      Optional<Instant> src = m.getValue().sourceTime();
      out.u8(src.isPresent() ? 1 : 0);
      if (src.isPresent()) out.instant(src.get());
    }
  }

  /**
   * Decodes a twin.
   *
   * @param r the reader
   * @return the twin
   */
  public static Twin twin(Bytes.Reader r) {
    String id = r.string();
    Dtmi model = Dtmi.of(r.string());
    String etag = r.string();
    long version = r.varLong();
    Instant lut = r.instant();
    ObjectNode doc = (ObjectNode) readJson(r);
    int n = r.varInt();
    Map<String, PropertyMetadata> md = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String key = r.string();
      Instant t = r.instant();
      Optional<Instant> src = r.u8() == 1 ? Optional.of(r.instant()) : Optional.empty();
      md.put(key, new PropertyMetadata(t, src));
    }
    return new Twin(id, model, etag, version, lut, doc, md);
  }

  /**
   * Encodes a relationship.
   *
   * @param rel the relationship
   * @param out where to
   */
  public static void relation(Relation rel, Bytes out) {
    out.string(rel.id());
    out.string(rel.sourceId());
    out.string(rel.targetId());
    out.string(rel.name());
    out.string(rel.etag());
    out.instant(rel.lastUpdateTime());
    json(rel.properties(), out);
  }

  /**
   * Decodes a relationship.
   *
   * @param r the reader
   * @return the relationship
   */
  public static Relation relation(Bytes.Reader r) {
    String id = r.string();
    String source = r.string();
    String target = r.string();
    String name = r.string();
    String etag = r.string();
    Instant lut = r.instant();
    ObjectNode props = (ObjectNode) readJson(r);
    return new Relation(id, source, target, name, etag, lut, props);
  }

  private static void json(JsonNode node, Bytes out) {
    byte[] b = JSON.writeValueAsBytes(node);
    out.bytes(b, b.length);
  }

  /**
   * Reads a JSON document written by {@link #json}.
   *
   * @param r the reader
   * @return the node
   */
  static JsonNode readJson(Bytes.Reader r) {
    ByteBuffer b = r.bytes();
    return JSON.readTree(b.array(), b.arrayOffset() + b.position(), b.remaining());
  }

  /**
   * Encodes a JSON array (the models record).
   *
   * @param array the array
   * @return its compact UTF-8 text
   */
  public static byte[] jsonBytes(ArrayNode array) {
    return JSON.writeValueAsBytes(array);
  }

  /**
   * Decodes JSON text.
   *
   * @param b the bytes
   * @return the node
   */
  public static JsonNode readJson(ByteBuffer b) {
    return JSON.readTree(b.array(), b.arrayOffset() + b.position(), b.remaining());
  }
}
