package dev.twins.core.graph;

import dev.twins.core.internal.graph.GraphStore;
import dev.twins.core.internal.graph.PackedValues;
import dev.twins.core.internal.graph.TwinAccess;
import dev.twins.core.internal.graph.TwinShape;
import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable snapshot of a twin: id, model, ETag, properties, components and their metadata,
 * as Azure Digital Twins keeps them. {@link Twins} hands these out; they never change, so they
 * can be read from any thread while the graph moves on.
 *
 * <p>Values are Jackson {@link JsonNode}s; containers (objects, arrays) are returned as copies.
 * A snapshot is compact: it holds its values in slots (strings and {@code int}, {@code long} and
 * {@code double} numbers unboxed, their nodes made when asked for) and its ETag and per-property
 * metadata in small arrays; {@link #document()}, {@link #metadata()} and {@link #toJson()} build
 * their results when called.
 */
public final class Twin {
  static {
    TwinAccess.install(new Hooks());
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String id;
  private final Dtmi model;
  /** The ETag up to its number; the whole ETag when {@code etagNumber} is negative. */
  private final String etagPrefix;
  private final long etagNumber;
  private final long version;
  private final Instant lastUpdateTime;
  private final TwinShape shape;
  /** The values by slot, as {@link PackedValues} keeps them; allocated right after the twin. */
  private final Object[] refs;
  /** The numbers of {@link #refs}; null when there are none. */
  private final long[] nums;
  /** Per metadata slot; null when every property was last written at {@code lastUpdateTime}. */
  private final Instant[] times;
  /** Per metadata slot (null entries when not set); null when no source time is set. */
  private final Instant[] sourceTimes;
  /**
   * Per metadata slot, the device members (desired value and version, acknowledgement) with an
   * epoch time and no source time (null entries when none); null when no property has any.
   */
  private final PropertyMetadata[] device;
  /**
   * The graph's entry of this twin (which holds its current state and its relationships), for
   * traversals that start from a snapshot; null for a twin made outside a graph.
   */
  private final GraphStore.Entry entry;
  /** The rendered ETag, made on first use (racy but idempotent). */
  private String etagText;

  /**
   * Creates a snapshot. Twins are normally made by {@link Twins}, which validates them.
   *
   * @param id the twin id
   * @param model the model DTMI
   * @param etag the ETag
   * @param version how many writes made this state (1 after the create)
   * @param lastUpdateTime when the twin was last written
   * @param document properties and components by name (components as objects of their
   *     properties, without {@code $metadata}); its values are taken over, not copied: they must not
   *     be changed
   * @param metadata per property: the key is the property name, or {@code component/property}
   */
  public Twin(String id, Dtmi model, String etag, long version, Instant lastUpdateTime, ObjectNode document,
      Map<String, PropertyMetadata> metadata) {
    this.id = Objects.requireNonNull(id, "id");
    this.model = Objects.requireNonNull(model, "model");
    this.etagPrefix = Objects.requireNonNull(etag, "etag");
    this.etagNumber = -1;
    this.etagText = etag;
    this.version = version;
    this.lastUpdateTime = Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(metadata, "metadata");
    String[] names = new String[document.size()];
    JsonNode[] vals = new JsonNode[names.length];
    int i = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = document.properties().iterator(); it.hasNext(); i++) {
      Map.Entry<String, JsonNode> e = it.next();
      names[i] = e.getKey();
      vals[i] = Objects.requireNonNull(e.getValue(), "value");
    }
    this.refs = new Object[vals.length];
    int k = PackedValues.countNumbers(vals);
    this.nums = k == 0 ? null : new long[k];
    PackedValues.pack(vals, refs, nums);
    String[] keys = new String[metadata.size()];
    Instant[] ts = new Instant[keys.length];
    Instant[] sts = null;
    PropertyMetadata[] dev = null;
    boolean allAtLastUpdate = true;
    i = 0;
    for (Map.Entry<String, PropertyMetadata> e : metadata.entrySet()) {
      keys[i] = Objects.requireNonNull(e.getKey(), "metadata key");
      PropertyMetadata pm = Objects.requireNonNull(e.getValue(), "metadata of " + e.getKey());
      ts[i] = pm.lastUpdateTime();
      allAtLastUpdate &= ts[i].equals(lastUpdateTime);
      if (pm.sourceTime().isPresent()) {
        if (sts == null) sts = new Instant[keys.length];
        sts[i] = pm.sourceTime().get();
      }
      if (pm.hasDeviceState()) {
        if (dev == null) dev = new PropertyMetadata[keys.length];
        dev[i] = deviceOnly(pm);
      }
      i++;
    }
    this.shape = TwinShape.of(names, keys);
    this.times = allAtLastUpdate ? null : ts;
    this.sourceTimes = sts;
    this.device = dev;
    this.entry = null;
  }

  private Twin(String id, Dtmi model, String etagPrefix, long etagNumber, long version, Instant lastUpdateTime,
      TwinShape shape, Object[] refs, long[] nums, Instant[] times, Instant[] sourceTimes, GraphStore.Entry entry) {
    this.id = id;
    this.model = model;
    this.etagPrefix = etagPrefix;
    this.etagNumber = etagNumber;
    this.version = version;
    this.lastUpdateTime = lastUpdateTime;
    this.shape = shape;
    this.refs = refs;
    this.nums = nums;
    this.times = times;
    this.sourceTimes = sourceTimes;
    this.device = null;
    this.entry = entry;
  }

  private Twin(Twin t, PropertyMetadata[] device, GraphStore.Entry entry) {
    this.id = t.id;
    this.model = t.model;
    this.etagPrefix = t.etagPrefix;
    this.etagNumber = t.etagNumber;
    this.etagText = t.etagText;
    this.version = t.version;
    this.lastUpdateTime = t.lastUpdateTime;
    this.shape = t.shape;
    this.refs = t.refs;
    this.nums = t.nums;
    this.times = t.times;
    this.sourceTimes = t.sourceTimes;
    this.device = device;
    this.entry = entry;
  }

  private static PropertyMetadata deviceOnly(PropertyMetadata pm) {
    return new PropertyMetadata(Instant.EPOCH, Optional.empty(), pm.desiredValue(), pm.desiredVersion(),
        pm.ackVersion(), pm.ackCode(), pm.ackDescription());
  }

  /** @return the twin id ({@code $dtId}) */
  public String id() {
    return id;
  }

  /** @return the model ({@code $metadata.$model}) */
  public Dtmi model() {
    return model;
  }

  /** @return the ETag ({@code $etag}), which changes on every write */
  public String etag() {
    String e = etagText;
    if (e == null) etagText = e = etagPrefix + Long.toHexString(etagNumber) + '"';
    return e;
  }

  /** @return the number of writes that made this state: 1 after the create */
  public long version() {
    return version;
  }

  /** @return when the twin was last written ({@code $metadata.$lastUpdateTime}) */
  public Instant lastUpdateTime() {
    return lastUpdateTime;
  }

  /**
   * Returns a property's value.
   *
   * @param name a property name, or {@code component/property}
   * @return the value (a copy, for objects and arrays), empty when the property is not set
   */
  public Optional<JsonNode> property(String name) {
    JsonNode v;
    int slash = name.indexOf('/');
    if (slash < 0) {
      v = value(name);
    } else {
      JsonNode c = value(name.substring(0, slash));
      v = c == null ? null : c.get(name.substring(slash + 1));
    }
    if (v == null) return Optional.empty();
    return Optional.of(v.isContainer() ? v.deepCopy() : v);
  }

  private JsonNode value(String name) {
    int i = shape.slot(name);
    return i < 0 ? null : PackedValues.node(refs[i], nums);
  }

  private JsonNode node(int i) {
    return PackedValues.node(refs[i], nums);
  }

  /**
   * Returns a numeric property's value.
   *
   * @param name a property name, or {@code component/property}
   * @return the value, empty when the property is not set or not a number
   */
  public java.util.OptionalDouble number(String name) {
    int i = shape.slot(name);
    if (i >= 0 && shape.plain(i)) {
      // the number is loaded where this shape's twins usually keep it, together with the slot's
      // reference rather than after it: two cache misses at once instead of one after the other
      long[] ns = nums;
      int guess = shape.numberIndexGuess(i);
      long guessed = ns != null && guess < ns.length ? ns[guess] : 0L;
      Object r = refs[i];
      if (r instanceof PackedValues.Num) {
        PackedValues.Num n = (PackedValues.Num) r;
        int index = n.index();
        long b;
        if (index == guess) {
          b = guessed;
        } else {
          b = ns[index];
          shape.numberIndexFound(i, index);
        }
        return java.util.OptionalDouble.of(n.integral() ? (double) b : Double.longBitsToDouble(b));
      }
    } else if (i < 0 && name.indexOf('/') < 0) {
      return java.util.OptionalDouble.empty();
    }
    Optional<JsonNode> v = property(name);
    return v.isPresent() && v.get().isNumber() ? java.util.OptionalDouble.of(v.get().doubleValue())
        : java.util.OptionalDouble.empty();
  }

  /** @return the names of the properties and components that are set, in write order */
  public List<String> names() {
    List<String> out = new ArrayList<>(shape.size());
    for (int i = 0; i < shape.size(); i++) out.add(shape.name(i));
    return out;
  }

  /**
   * Returns the metadata of each property that is set, and of each property that has a desired
   * value or a device acknowledgement but no value yet; built on each call.
   *
   * @return per property, in order: keys are names or {@code component/property}; unmodifiable
   */
  public Map<String, PropertyMetadata> metadata() {
    Map<String, PropertyMetadata> m = new LinkedHashMap<>(shape.metaSize() * 2);
    for (int i = 0; i < shape.metaSize(); i++) m.put(shape.metaKey(i), metadata(i));
    return Collections.unmodifiableMap(m);
  }

  private PropertyMetadata metadata(int i) {
    Optional<Instant> st = Optional.ofNullable(sourceTimes == null ? null : sourceTimes[i]);
    PropertyMetadata d = device == null ? null : device[i];
    return d == null ? new PropertyMetadata(time(i), st) : new PropertyMetadata(time(i), st, d.desiredValue(),
        d.desiredVersion(), d.ackVersion(), d.ackCode(), d.ackDescription());
  }

  private Instant time(int i) {
    return times == null ? lastUpdateTime : times[i];
  }

  /** @return the properties and components as one JSON object (a copy), without metadata */
  public ObjectNode document() {
    ObjectNode o = NODES.objectNode();
    for (int i = 0; i < refs.length; i++) o.set(shape.name(i), node(i).deepCopy());
    return o;
  }

  /**
   * Returns the twin in the JSON of Azure Digital Twins: {@code $dtId}, {@code $etag},
   * {@code $metadata} (with {@code $model}, {@code $lastUpdateTime} and per-property
   * {@code lastUpdateTime} / {@code sourceTime}, and for writable properties configured on a device
   * {@code desiredValue}, {@code desiredVersion}, {@code ackVersion}, {@code ackCode},
   * {@code ackDescription}), properties, and components with their own
   * {@code $metadata}.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = NODES.objectNode();
    o.put("$dtId", id);
    o.put("$etag", etag());
    ObjectNode meta = o.putObject("$metadata");
    meta.put("$model", model.value());
    meta.put("$lastUpdateTime", lastUpdateTime.toString());
    Map<String, ObjectNode> componentMeta = new LinkedHashMap<>();
    for (int i = 0; i < refs.length; i++) {
      String name = shape.name(i);
      JsonNode v = node(i);
      if (shape.metaOfSlot(i) >= 0 || !v.isObject()) {
        o.set(name, v.deepCopy());
      } else {
        ObjectNode c = o.putObject(name);
        ObjectNode cm = c.putObject("$metadata");
        componentMeta.put(name, cm);
        for (Iterator<Map.Entry<String, JsonNode>> ci = v.properties().iterator(); ci.hasNext(); ) {
          Map.Entry<String, JsonNode> ce = ci.next();
          c.set(ce.getKey(), ce.getValue().deepCopy());
        }
      }
    }
    for (int i = 0; i < shape.metaSize(); i++) {
      String key = shape.metaKey(i);
      int slash = key.indexOf('/');
      ObjectNode target = slash < 0 ? meta : componentMeta.get(key.substring(0, slash));
      if (target == null) continue;
      ObjectNode m = target.putObject(slash < 0 ? key : key.substring(slash + 1));
      m.put("lastUpdateTime", time(i).toString());
      if (sourceTimes != null && sourceTimes[i] != null) m.put("sourceTime", sourceTimes[i].toString());
      PropertyMetadata d = device == null ? null : device[i];
      if (d != null) {
        d.desiredValue().ifPresent(v -> m.set("desiredValue", v));
        d.desiredVersion().ifPresent(v -> m.put("desiredVersion", v));
        d.ackVersion().ifPresent(v -> m.put("ackVersion", v));
        d.ackCode().ifPresent(v -> m.put("ackCode", v));
        d.ackDescription().ifPresent(v -> m.put("ackDescription", v));
      }
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Twin)) return false;
    Twin t = (Twin) o;
    if (!(id.equals(t.id) && model.equals(t.model) && version == t.version
        && lastUpdateTime.equals(t.lastUpdateTime) && etag().equals(t.etag()))) {
      return false;
    }
    if (shape == t.shape) {
      for (int i = 0; i < refs.length; i++) {
        Object a = refs[i];
        Object b = t.refs[i];
        if (a == b && !(a instanceof PackedValues.Num)) continue;
        if (!PackedValues.equal(a, nums, b, t.nums)) return false;
      }
      for (int i = 0; i < shape.metaSize(); i++) {
        if (!time(i).equals(t.time(i))) return false;
        Instant a = sourceTimes == null ? null : sourceTimes[i];
        Instant b = t.sourceTimes == null ? null : t.sourceTimes[i];
        if (!Objects.equals(a, b)) return false;
      }
      return Arrays.equals(device, t.device);
    }
    return document().equals(t.document()) && metadata().equals(t.metadata());
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, etag());
  }

  /** Renders id, model, version and the number of properties only. */
  @Override
  public String toString() {
    return "Twin[" + id + ", model=" + model + ", version=" + version + ", properties=" + refs.length + "]";
  }

  /** The store's access to the compact state. */
  private static final class Hooks implements TwinAccess.Hooks {
    @Override
    public Twin create(String id, Dtmi model, String etagPrefix, long etagNumber, long version, Instant time,
        TwinShape shape, JsonNode[] values, Instant[] times, Instant[] sourceTimes, GraphStore.Entry entry) {
      // the arrays are allocated right after the twin's arguments, next to it in memory
      Object[] refs = new Object[values.length];
      int k = PackedValues.countNumbers(values);
      long[] nums = k == 0 ? null : new long[k];
      PackedValues.pack(values, refs, nums);
      return new Twin(id, model, etagPrefix, etagNumber, version, time, shape, refs, nums, times, sourceTimes, entry);
    }

    @Override
    public Twin createPacked(String id, Dtmi model, String etagPrefix, long etagNumber, long version, Instant time,
        TwinShape shape, Object[] refs, long[] nums, Instant[] times, Instant[] sourceTimes, GraphStore.Entry entry) {
      return new Twin(id, model, etagPrefix, etagNumber, version, time, shape, refs, nums, times, sourceTimes, entry);
    }

    @Override
    public GraphStore.Entry entry(Twin t) {
      return t.entry;
    }

    @Override
    public Twin withEntry(Twin t, GraphStore.Entry entry) {
      return new Twin(t, t.device, entry);
    }

    @Override
    public TwinShape shape(Twin t) {
      return t.shape;
    }

    @Override
    public Object[] refs(Twin t) {
      return t.refs;
    }

    @Override
    public long[] nums(Twin t) {
      return t.nums;
    }

    @Override
    public Instant[] times(Twin t) {
      return t.times;
    }

    @Override
    public Instant[] sourceTimes(Twin t) {
      return t.sourceTimes;
    }

    @Override
    public PropertyMetadata[] device(Twin t) {
      return t.device;
    }

    @Override
    public Twin withDevice(Twin t, PropertyMetadata[] device) {
      return new Twin(t, device, t.entry);
    }

    @Override
    public ObjectNode document(Twin t) {
      ObjectNode o = NODES.objectNode();
      for (int i = 0; i < t.refs.length; i++) o.set(t.shape.name(i), t.node(i));
      return o;
    }
  }
}
