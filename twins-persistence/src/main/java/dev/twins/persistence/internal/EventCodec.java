package dev.twins.persistence.internal;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import dev.twins.core.telemetry.TelemetryMessage;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The binary encoding of change events, twins and relationships (version 1; see docs/formats.md):
 * strings and JSON documents are length-prefixed UTF-8, numbers are varints, times are epoch
 * seconds and nanoseconds. JSON documents are kept as compact JSON text. Each property's
 * metadata is its key, its last update time and a flags byte: 1 when a source time follows, 2 when
 * the device members of the metadata follow as a JSON object ({@code desiredValue},
 * {@code desiredVersion}, {@code ackVersion}, {@code ackCode}, {@code ackDescription}); records
 * written before the device members existed only have flags 0 and 1 and read unchanged.
 */
public final class EventCodec {
  /**
   * A Jackson mapper for the rare records that are not read by {@link JsonRead}; held apart so
   * that opening a store does not build one (it loads and initialises a few hundred classes).
   */
  private static final class Mapper {
    static final JsonMapper JSON = JsonMapper.builder().build();
  }
  /**
   * The properties of every decoded relationship that has none (most): a {@link Relation} takes
   * its properties over and never changes them (it hands out copies), so one empty object serves
   * them all instead of one object and map per relationship.
   */
  private static final ObjectNode NO_PROPERTIES = JsonNodeFactory.instance.objectNode();
  /** Metadata flag: a source time follows. */
  private static final int SOURCE_TIME = 1;
  /** Metadata flag: the device members (desired value and version, acknowledgement) follow as a JSON object. */
  private static final int DEVICE_MEMBERS = 2;

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
        Dtmi model = Interner.get().dtmi(r.string());
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
      PropertyMetadata pm = m.getValue();
      Optional<Instant> src = pm.sourceTime();
      boolean device = pm.hasDeviceState();
      out.u8((src.isPresent() ? SOURCE_TIME : 0) | (device ? DEVICE_MEMBERS : 0));
      if (src.isPresent()) out.instant(src.get());
      if (device) json(deviceMembers(pm), out);
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
    Dtmi model = Interner.get().dtmi(r.string());
    String etag = r.string();
    long version = r.varLong();
    Instant lut = r.instant();
    ObjectNode doc = (ObjectNode) readJson(r);
    int n = r.varInt();
    Map<String, PropertyMetadata> md = new LinkedHashMap<>(n * 2);
    Interner in = Interner.get();
    for (int i = 0; i < n; i++) {
      String key = in.name(r.string());
      Instant t = r.instant();
      int flags = r.u8();
      if ((flags & ~(SOURCE_TIME | DEVICE_MEMBERS)) != 0) {
        throw new IllegalArgumentException("unknown metadata flags " + flags + " for " + key + " of twin " + id);
      }
      Optional<Instant> src = (flags & SOURCE_TIME) != 0 ? Optional.of(r.instant()) : Optional.empty();
      md.put(key, (flags & DEVICE_MEMBERS) != 0 ? withDeviceMembers(t, src, readJson(r))
          : new PropertyMetadata(t, src));
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
    Interner in = Interner.get();
    String id = r.string();
    String source = in.source(r.string());
    String target = r.string();
    String name = in.name(r.string());
    String etag = r.string();
    Instant lut = r.instant();
    return new Relation(id, source, target, name, etag, lut, relationProperties(r));
  }

  /**
   * Encodes a relationship for a snapshot: at version 2 when both of its twins are among the
   * snapshot's twins (then they are written as their positions among the snapshot's twin records
   * instead of their ids), else at version 1 ({@link #relation(Relation, Bytes)}).
   *
   * @param rel the relationship
   * @param source the position of its source twin among the snapshot's twin records, -1 if absent
   * @param target the same for its target twin
   * @param out where to
   * @return the record type version written
   */
  public static int snapshotRelation(Relation rel, int source, int target, Bytes out) {
    if (source < 0 || target < 0) {
      relation(rel, out);
      return RecordTypes.V1;
    }
    out.string(rel.id());
    out.varLong(source);
    out.varLong(target);
    out.string(rel.name());
    out.string(rel.etag());
    out.instant(rel.lastUpdateTime());
    json(rel.properties(), out);
    return RecordTypes.V2;
  }

  /**
   * Decodes a snapshot's relationship record of either version.
   *
   * @param version the record's type version (1: ids, 2: twin positions)
   * @param r the payload
   * @param twinIds the ids of the snapshot's twins, in record order
   * @return the relationship
   * @throws IllegalArgumentException if the payload is malformed or a position is not a twin's
   */
  public static Relation snapshotRelation(int version, Bytes.Reader r, String[] twinIds) {
    if (version == RecordTypes.V1) return relation(r);
    if (version != RecordTypes.V2) throw new IllegalArgumentException("relationship record version " + version);
    return snapshotRelation(r, twinIds, null, 0);
  }

  /**
   * Decodes a snapshot's relationship record of version 2 and notes its twins' positions.
   *
   * @param r the payload
   * @param twinIds the ids of the snapshot's twins, in record order
   * @param positions where to note the source's ({@code [0][index]}) and target's ({@code [1][index]})
   *     position; null: nowhere
   * @param index the relationship's position among the snapshot's relationships
   * @return the relationship
   * @throws IllegalArgumentException if the payload is malformed or a position is not a twin's
   */
  public static Relation snapshotRelation(Bytes.Reader r, String[] twinIds, int[][] positions, int index) {
    Interner in = Interner.get();
    String id = r.string();
    long sp = r.varLong();
    String source = twinAt(twinIds, sp, "source", id);
    long tp = r.varLong();
    String target = twinAt(twinIds, tp, "target", id);
    if (positions != null) {
      positions[0][index] = (int) sp;
      positions[1][index] = (int) tp;
    }
    String name = in.name(r.string());
    String etag = r.string();
    Instant lut = r.instant();
    return new Relation(id, source, target, name, etag, lut, relationProperties(r));
  }

  /** Reads a relationship's properties: the shared empty object for {@code {}}. */
  private static ObjectNode relationProperties(Bytes.Reader r) {
    ByteBuffer b = r.bytes();
    byte[] a = b.array();
    int at = b.arrayOffset() + b.position();
    if (b.remaining() == 2 && a[at] == '{' && a[at + 1] == '}') return NO_PROPERTIES;
    JsonNode n = JsonRead.read(a, at, b.remaining());
    if (!(n instanceof ObjectNode)) throw new IllegalArgumentException("relationship properties are not a JSON object");
    return (ObjectNode) n;
  }

  static String twinAt(String[] twinIds, long index, String role, String relation) {
    if (index < 0 || index >= twinIds.length) {
      throw new IllegalArgumentException("the " + role + " of relationship " + relation + " is twin record " + index
          + " but the snapshot holds " + twinIds.length + " twins");
    }
    return twinIds[(int) index];
  }

  /** The device members of a property's metadata as a JSON object. */
  static ObjectNode deviceMembers(PropertyMetadata pm) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    pm.desiredValue().ifPresent(v -> o.set("desiredValue", v));
    pm.desiredVersion().ifPresent(v -> o.put("desiredVersion", v));
    pm.ackVersion().ifPresent(v -> o.put("ackVersion", v));
    pm.ackCode().ifPresent(v -> o.put("ackCode", v));
    pm.ackDescription().ifPresent(v -> o.put("ackDescription", v));
    return o;
  }

  static PropertyMetadata withDeviceMembers(Instant time, Optional<Instant> src, JsonNode o) {
    JsonNode dv = o.get("desiredValue");
    JsonNode dver = o.get("desiredVersion");
    JsonNode av = o.get("ackVersion");
    JsonNode ac = o.get("ackCode");
    JsonNode ad = o.get("ackDescription");
    return new PropertyMetadata(time, src, Optional.ofNullable(dv),
        dver == null ? OptionalLong.empty() : OptionalLong.of(dver.longValue()),
        av == null ? OptionalLong.empty() : OptionalLong.of(av.longValue()),
        ac == null ? OptionalInt.empty() : OptionalInt.of(ac.intValue()),
        ad == null ? Optional.empty() : Optional.of(ad.asString()));
  }

  /**
   * Encodes an accepted telemetry message: twin id, component (empty string for none), source
   * time, message id (empty string for none), then the values as name and JSON text.
   *
   * @param m the message
   * @param out where to
   */
  public static void telemetry(TelemetryMessage m, Bytes out) {
    out.string(m.twinId());
    out.string(m.component().orElse(""));
    out.zigzag(m.epochMillis());
    out.string(m.messageId().orElse(""));
    out.varLong(m.values().size());
    for (Map.Entry<String, JsonNode> v : m.values().entrySet()) {
      out.string(v.getKey());
      json(v.getValue(), out);
    }
  }

  /**
   * Decodes a telemetry message.
   *
   * @param in the payload
   * @return the message
   */
  public static TelemetryMessage telemetry(ByteBuffer in) {
    Bytes.Reader r = new Bytes.Reader(in);
    String twin = r.string();
    String component = r.string();
    long time = r.zigzag();
    String id = r.string();
    int n = r.varInt();
    Map<String, JsonNode> values = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) values.put(r.string(), readJson(r));
    if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the message at " + r.position());
    return new TelemetryMessage(twin, component.isEmpty() ? Optional.empty() : Optional.of(component), time, values,
        id.isEmpty() ? Optional.empty() : Optional.of(id));
  }

  private static final ThreadLocal<Bytes> JSON_SCRATCH = ThreadLocal.withInitial(() -> new Bytes(1024));

  static void json(JsonNode node, Bytes out) {
    Bytes b = JSON_SCRATCH.get();
    b.reset();
    JsonText.write(node, b);
    out.bytes(b.array(), b.length());
  }

  /**
   * Reads a JSON document written by {@link #json}.
   *
   * @param r the reader
   * @return the node
   */
  static JsonNode readJson(Bytes.Reader r) {
    ByteBuffer b = r.bytes();
    return JsonRead.read(b.array(), b.arrayOffset() + b.position(), b.remaining());
  }

  /**
   * Encodes a JSON array (the models record).
   *
   * @param array the array
   * @return its compact UTF-8 text
   */
  public static byte[] jsonBytes(ArrayNode array) {
    return Mapper.JSON.writeValueAsBytes(array);
  }

  /**
   * Decodes JSON text.
   *
   * @param b the bytes
   * @return the node
   */
  public static JsonNode readJson(ByteBuffer b) {
    return Mapper.JSON.readTree(b.array(), b.arrayOffset() + b.position(), b.remaining());
  }
}
