package dev.twins.persistence.internal;

import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.internal.snapshot.StateAccess;
import dev.twins.core.model.Dtmi;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The compact snapshot records (see docs/formats.md): twin records of version 2 and relationship
 * records of version 3, whose repeating strings — model DTMIs, property and component names,
 * metadata keys, relationship names, ETag prefixes — are codes into the snapshot's one names
 * record ({@link RecordTypes#NAMES}), and whose property values are typed (double, int, long,
 * boolean, string; JSON text only for objects, arrays, null and other numbers). A twin decodes
 * straight into the arrays a {@link Twin} holds ({@link StateAccess}).
 */
public final class SnapshotCodec {
  /** Value tags. */
  private static final int JSON = 0;
  private static final int DOUBLE = 1;
  private static final int INT = 2;
  private static final int LONG = 3;
  private static final int TRUE = 4;
  private static final int FALSE = 5;
  private static final int STRING = 6;

  /** Twin flags. */
  private static final int TIMES = 1;
  private static final int SOURCE_TIMES = 2;
  private static final int DEVICE = 4;

  private static final ObjectNode NO_PROPERTIES = JsonNodeFactory.instance.objectNode();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SnapshotCodec() {}

  /**
   * The names of a snapshot being written: each distinct string gets a code (from 1; code 0 in a
   * record means the string follows inline) the first time a record uses it, on any thread.
   */
  public static final class Names {
    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    private final List<String> list = new ArrayList<>();
    private final ThreadLocal<IdentityHashMap<Object, byte[]>> shapes = ThreadLocal.withInitial(IdentityHashMap::new);

    /** @param s a string @return its code, from 1 */
    int code(String s) {
      Integer c = codes.get(s);
      if (c != null) return c;
      synchronized (list) {
        c = codes.get(s);
        if (c == null) {
          list.add(s);
          c = list.size();
          codes.put(s, c);
        }
        return c;
      }
    }

    /** @return the number of names */
    public int size() {
      synchronized (list) {
        return list.size();
      }
    }

    /**
     * Encodes the names record: the count, then the strings in code order.
     *
     * @param out where to
     */
    public void write(Bytes out) {
      synchronized (list) {
        out.varLong(list.size());
        for (String s : list) out.string(s);
      }
    }

    /** The encoded shape of a twin (names and metadata keys as codes), cached per shape and thread. */
    byte[] shape(Twin t) {
      Object key = StateAccess.shape(t);
      IdentityHashMap<Object, byte[]> cache = shapes.get();
      byte[] b = cache.get(key);
      if (b == null) {
        Bytes out = new Bytes(32);
        int n = StateAccess.slots(t);
        out.varLong(n);
        for (int i = 0; i < n; i++) out.varLong(code(StateAccess.name(t, i)));
        int m = StateAccess.metaSize(t);
        out.varLong(m);
        for (int i = 0; i < m; i++) out.varLong(code(StateAccess.metaKey(t, i)));
        b = Arrays.copyOf(out.array(), out.length());
        if (cache.size() >= 4096) cache.clear();
        cache.put(key, b);
      }
      return b;
    }
  }

  /** The names of a snapshot being read, and the twin shapes decoded so far. */
  public static final class Dictionary {
    private String[] names = new String[0];
    private Dtmi[] dtmis = new Dtmi[0];
    private boolean read;
    private final ConcurrentHashMap<ShapeKey, Object> shapes = new ConcurrentHashMap<>();

    /**
     * Reads the names record.
     *
     * @param payload the record's payload
     * @throws IllegalArgumentException if it is malformed or a second one
     */
    public void read(ByteBuffer payload) {
      if (read) throw new IllegalArgumentException("a second names record");
      Bytes.Reader r = new Bytes.Reader(payload);
      int n = r.varInt();
      if (n > payload.remaining()) throw new IllegalArgumentException(n + " names in " + payload.remaining() + " bytes");
      String[] a = new String[n];
      for (int i = 0; i < n; i++) a[i] = r.string();
      if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the names at " + r.position());
      names = a;
      dtmis = new Dtmi[n];
      read = true;
    }

    /** @return the number of names */
    public int size() {
      return names.length;
    }

    private String name(Bytes.Reader r) {
      long c = r.varLong();
      if (c == 0) return Interner.get().name(r.string());
      if (c > names.length) {
        throw new IllegalArgumentException("name code " + c + " but the snapshot has " + names.length + " names"
            + (read ? "" : " (no names record)"));
      }
      return names[(int) c - 1];
    }

    private Dtmi dtmi(Bytes.Reader r) {
      long c = r.varLong();
      if (c == 0) return Interner.get().dtmi(r.string());
      if (c > names.length) {
        throw new IllegalArgumentException("model code " + c + " but the snapshot has " + names.length + " names"
            + (read ? "" : " (no names record)"));
      }
      Dtmi d = dtmis[(int) c - 1];
      if (d == null) dtmis[(int) c - 1] = d = Dtmi.of(names[(int) c - 1]);   // racy but idempotent
      return d;
    }
  }

  /** A twin shape's encoded bytes, as a key (a view while looking up, a copy when stored). */
  private static final class ShapeKey {
    final byte[] a;
    final int off;
    final int len;
    final int hash;

    ShapeKey(byte[] a, int off, int len) {
      this.a = a;
      this.off = off;
      this.len = len;
      int h = 1;
      for (int i = off; i < off + len; i++) h = 31 * h + a[i];
      this.hash = h;
    }

    ShapeKey copy() {
      return new ShapeKey(Arrays.copyOfRange(a, off, off + len), 0, len);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof ShapeKey)) return false;
      ShapeKey k = (ShapeKey) o;
      return k.hash == hash && Arrays.equals(a, off, off + len, k.a, k.off, k.off + k.len);
    }
  }

  /** Splits an ETag into its prefix and number where it is one ({@code ...<hex digits>"}), else {@code -1}. */
  private static int etagSplit(String etag) {
    int n = etag.length();
    if (n < 2 || etag.charAt(n - 1) != '"') return -1;
    int i = n - 1;
    while (i > 0 && isHex(etag.charAt(i - 1))) i--;
    int digits = n - 1 - i;
    if (digits == 0 || digits > 15 || (digits > 1 && etag.charAt(i) == '0')) return -1;
    return i;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static void etag(String etag, Names names, Bytes out) {
    int at = etagSplit(etag);
    if (at < 0) {
      out.varLong(names.code(etag));
      out.varLong(0);
    } else {
      out.varLong(names.code(etag.substring(0, at)));
      out.varLong(Long.parseLong(etag, at, etag.length() - 1, 16) + 1);
    }
  }

  /**
   * Encodes a twin record (version 2).
   *
   * @param t the twin
   * @param names the snapshot's names
   * @param out where to
   */
  public static void twin(Twin t, Names names, Bytes out) {
    out.string(t.id());
    out.varLong(names.code(t.model().value()));
    etag(t.etag(), names, out);
    out.varLong(t.version());
    Instant lut = t.lastUpdateTime();
    out.instant(lut);
    int m = StateAccess.metaSize(t);
    int flags = StateAccess.allAtLastUpdate(t) ? 0 : TIMES;
    for (int i = 0; i < m; i++) {
      if (StateAccess.sourceTime(t, i) != null) flags |= SOURCE_TIMES;
      if (StateAccess.device(t, i) != null) flags |= DEVICE;
    }
    out.u8(flags);
    byte[] shape = names.shape(t);
    out.raw(shape, shape.length);
    int n = StateAccess.slots(t);
    for (int i = 0; i < n; i++) value(StateAccess.value(t, i), out);
    if ((flags & TIMES) != 0) {
      for (int i = 0; i < m; i++) out.instant(StateAccess.time(t, i));
    }
    if ((flags & SOURCE_TIMES) != 0) {
      for (int i = 0; i < m; i++) {
        Instant s = StateAccess.sourceTime(t, i);
        out.u8(s == null ? 0 : 1);
        if (s != null) out.instant(s);
      }
    }
    if ((flags & DEVICE) != 0) {
      for (int i = 0; i < m; i++) {
        PropertyMetadata d = StateAccess.device(t, i);
        out.u8(d == null ? 0 : 1);
        if (d != null) EventCodec.json(EventCodec.deviceMembers(d), out);
      }
    }
  }

  private static void value(JsonNode v, Bytes out) {
    if (v instanceof DoubleNode) {
      out.u8(DOUBLE);
      out.fixed64(Double.doubleToRawLongBits(v.doubleValue()));
    } else if (v instanceof IntNode) {
      out.u8(INT);
      out.zigzag(v.intValue());
    } else if (v instanceof LongNode) {
      out.u8(LONG);
      out.zigzag(v.longValue());
    } else if (v instanceof BooleanNode) {
      out.u8(v.booleanValue() ? TRUE : FALSE);
    } else if (v instanceof StringNode) {
      out.u8(STRING);
      out.string(v.stringValue());
    } else {
      out.u8(JSON);
      EventCodec.json(v, out);
    }
  }

  /**
   * Decodes a twin record (version 2).
   *
   * @param r the payload
   * @param d the snapshot's names
   * @return the twin
   * @throws IllegalArgumentException if the payload is malformed
   */
  public static Twin twin(Bytes.Reader r, Dictionary d) {
    String id = r.string();
    Dtmi model = d.dtmi(r);
    String etagPrefix = d.name(r);
    long etagNumber = r.varLong() - 1;
    long version = r.varLong();
    Instant lut = instant(r);
    int flags = r.u8();
    if ((flags & ~(TIMES | SOURCE_TIMES | DEVICE)) != 0) {
      throw new IllegalArgumentException("unknown flags " + flags + " of twin " + id);
    }
    Object shape = shape(r, d);
    int n = StateAccess.slots(shape);
    int m = StateAccess.metaSize(shape);
    JsonNode[] values = new JsonNode[n];
    for (int i = 0; i < n; i++) values[i] = value(r);
    Instant[] times = null;
    if ((flags & TIMES) != 0) {
      times = new Instant[m];
      for (int i = 0; i < m; i++) times[i] = instant(r);
    }
    Instant[] sourceTimes = null;
    if ((flags & SOURCE_TIMES) != 0) {
      sourceTimes = new Instant[m];
      for (int i = 0; i < m; i++) sourceTimes[i] = present(r, id) ? instant(r) : null;
    }
    PropertyMetadata[] device = null;
    if ((flags & DEVICE) != 0) {
      device = new PropertyMetadata[m];
      for (int i = 0; i < m; i++) {
        device[i] = present(r, id) ? EventCodec.withDeviceMembers(Instant.EPOCH, java.util.Optional.empty(),
            EventCodec.readJson(r)) : null;
      }
    }
    return StateAccess.twin(id, model, etagPrefix, etagNumber, version, lut, shape, values, times, sourceTimes,
        device);
  }

  private static boolean present(Bytes.Reader r, String id) {
    int b = r.u8();
    if (b > 1) throw new IllegalArgumentException("a presence byte " + b + " in twin " + id);
    return b == 1;
  }

  private static Instant instant(Bytes.Reader r) {
    long s = r.zigzag();
    long n = r.varLong();
    if (n > 999_999_999L) throw new IllegalArgumentException("nanosecond out of range: " + n);
    return Instant.ofEpochSecond(s, n);
  }

  private static Object shape(Bytes.Reader r, Dictionary d) {
    ByteBuffer b = r.buffer();
    int start = b.position();
    int n = r.varInt();
    for (int i = 0; i < n; i++) skipName(r);
    int m = r.varInt();
    for (int i = 0; i < m; i++) skipName(r);
    int end = b.position();
    ShapeKey key = new ShapeKey(b.array(), b.arrayOffset() + start, end - start);
    Object s = d.shapes.get(key);
    if (s != null) return s;
    b.position(start);
    String[] names = new String[r.varInt()];
    for (int i = 0; i < names.length; i++) names[i] = d.name(r);
    String[] keys = new String[r.varInt()];
    for (int i = 0; i < keys.length; i++) keys[i] = d.name(r);
    s = StateAccess.shape(names, keys);
    if (d.shapes.size() < 4096) d.shapes.putIfAbsent(key.copy(), s);
    return s;
  }

  private static void skipName(Bytes.Reader r) {
    if (r.varLong() == 0) r.bytes();
  }

  private static JsonNode value(Bytes.Reader r) {
    int tag = r.u8();
    switch (tag) {
      case DOUBLE:
        return NODES.numberNode(Double.longBitsToDouble(r.fixed64()));
      case INT: {
        long v = r.zigzag();
        if (v != (int) v) throw new IllegalArgumentException("int value out of range: " + v);
        return NODES.numberNode((int) v);
      }
      case LONG:
        return NODES.numberNode(r.zigzag());
      case TRUE:
        return BooleanNode.TRUE;
      case FALSE:
        return BooleanNode.FALSE;
      case STRING:
        return Interner.get().text(r.string());
      case JSON:
        return EventCodec.readJson(r);
      default:
        throw new IllegalArgumentException("unknown value tag " + tag);
    }
  }

  /**
   * Encodes a relationship record (version 3) whose twins are among the snapshot's.
   *
   * @param rel the relationship
   * @param source the position of its source among the snapshot's twin records
   * @param target the same for its target
   * @param names the snapshot's names
   * @param out where to
   */
  public static void relation(Relation rel, int source, int target, Names names, Bytes out) {
    out.string(rel.id());
    out.varLong(source);
    out.varLong(target);
    out.varLong(names.code(rel.name()));
    long number = StateAccess.etagNumber(rel);
    if (number < 0) {
      etag(rel.etag(), names, out);
    } else {
      out.varLong(names.code(StateAccess.etagPrefix(rel)));
      out.varLong(number + 1);
    }
    Instant t = rel.lastUpdateTime();
    out.instant(t);
    ObjectNode p = StateAccess.properties(rel);
    if (p.isEmpty()) {
      out.varLong(0);
    } else {
      EventCodec.json(p, out);
    }
  }

  /**
   * Decodes a relationship record (version 3).
   *
   * @param r the payload
   * @param d the snapshot's names
   * @param twinIds the ids of the snapshot's twins, in record order
   * @return the relationship
   * @throws IllegalArgumentException if the payload is malformed or a position is not a twin's
   */
  public static Relation relation(Bytes.Reader r, Dictionary d, String[] twinIds) {
    return relation(r, d, twinIds, null, 0);
  }

  /**
   * Decodes a relationship record (version 3) and notes its twins' positions.
   *
   * @param r the payload
   * @param d the snapshot's names
   * @param twinIds the ids of the snapshot's twins, in record order
   * @param positions where to note the source's ({@code [0][index]}) and target's ({@code [1][index]})
   *     position; null: nowhere
   * @param index the relationship's position among the snapshot's relationships
   * @return the relationship
   * @throws IllegalArgumentException if the payload is malformed or a position is not a twin's
   */
  public static Relation relation(Bytes.Reader r, Dictionary d, String[] twinIds, int[][] positions, int index) {
    String id = r.string();
    long sp = r.varLong();
    String source = EventCodec.twinAt(twinIds, sp, "source", id);
    long tp = r.varLong();
    String target = EventCodec.twinAt(twinIds, tp, "target", id);
    if (positions != null) {
      positions[0][index] = (int) sp;
      positions[1][index] = (int) tp;
    }
    String name = d.name(r);
    String etagPrefix = d.name(r);
    long etagNumber = r.varLong() - 1;
    long s = r.zigzag();
    long nano = r.varLong();
    if (nano > 999_999_999L) throw new IllegalArgumentException("nanosecond out of range: " + nano);
    ByteBuffer b = r.bytes();
    ObjectNode props;
    if (b.remaining() == 0) {
      props = NO_PROPERTIES;
    } else {
      JsonNode n = JsonRead.read(b.array(), b.arrayOffset() + b.position(), b.remaining());
      if (!(n instanceof ObjectNode) || n.isEmpty()) {
        throw new IllegalArgumentException("the properties of relationship " + id + " are not a non-empty JSON object");
      }
      props = (ObjectNode) n;
    }
    return StateAccess.relation(id, source, target, name, etagPrefix, etagNumber, s, (int) nano, props);
  }
}
