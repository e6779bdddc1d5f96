package dev.twins.core.internal.snapshot;

import dev.twins.core.graph.GraphSnapshot;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.internal.graph.GraphStore;
import dev.twins.core.internal.graph.PackedValues;
import dev.twins.core.internal.graph.TwinAccess;
import dev.twins.core.internal.graph.TwinShape;
import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a twin's or relationship's compact state slot by slot (no document or metadata map built,
 * nothing copied) and builds twins and relationships from decoded arrays, for the snapshot records
 * of {@code twins-persistence}. The values handed out are the stored ones: callers must not change
 * them, and the arrays given to the builders are taken over.
 */
public final class StateAccess {
  private StateAccess() {}

  /**
   * @param t a twin
   * @return the number of its properties and components that are set
   */
  public static int slots(Twin t) {
    return TwinAccess.get().shape(t).size();
  }

  /**
   * @param t a twin
   * @param slot a slot, from 0
   * @return the name of the property or component in that slot
   */
  public static String name(Twin t, int slot) {
    return TwinAccess.get().shape(t).name(slot);
  }

  /**
   * @param t a twin
   * @param slot a slot, from 0
   * @return its value (a string or number is made as a node on each call; any other value is the
   *     stored node: never change it)
   */
  public static JsonNode value(Twin t, int slot) {
    TwinAccess.Hooks h = TwinAccess.get();
    return PackedValues.node(h.refs(t)[slot], h.nums(t));
  }

  /**
   * @param t a twin
   * @return the number of its metadata entries
   */
  public static int metaSize(Twin t) {
    return TwinAccess.get().shape(t).metaSize();
  }

  /**
   * @param t a twin
   * @param i a metadata entry, from 0
   * @return its key ({@code name} or {@code component/property})
   */
  public static String metaKey(Twin t, int i) {
    return TwinAccess.get().shape(t).metaKey(i);
  }

  /**
   * @param t a twin
   * @return whether every property was last written at the twin's last update time
   */
  public static boolean allAtLastUpdate(Twin t) {
    return TwinAccess.get().times(t) == null;
  }

  /**
   * @param t a twin
   * @param i a metadata entry
   * @return when that property was last written
   */
  public static Instant time(Twin t, int i) {
    Instant[] ts = TwinAccess.get().times(t);
    return ts == null ? t.lastUpdateTime() : ts[i];
  }

  /**
   * @param t a twin
   * @param i a metadata entry
   * @return its source time, null when none is set
   */
  public static Instant sourceTime(Twin t, int i) {
    Instant[] s = TwinAccess.get().sourceTimes(t);
    return s == null ? null : s[i];
  }

  /**
   * @param t a twin
   * @param i a metadata entry
   * @return its device members (desired value and version, acknowledgement; the entry's times
   *     are not part of it), null when it has none
   */
  public static PropertyMetadata device(Twin t, int i) {
    PropertyMetadata[] d = TwinAccess.get().device(t);
    return d == null ? null : d[i];
  }

  /**
   * @param t a twin
   * @return its shape (names and metadata keys), as a handle that twins written the same way share
   */
  public static Object shape(Twin t) {
    return TwinAccess.get().shape(t);
  }

  /**
   * Returns the shape handle of these names and metadata keys, for {@link #twin(String, Dtmi,
   * String, long, long, Instant, Object, JsonNode[], Instant[], Instant[], PropertyMetadata[])}.
   *
   * @param names the names of the properties and components, in write order (taken over)
   * @param metaKeys the metadata keys, in order (taken over)
   * @return the handle
   * @throws IllegalArgumentException if a name or key is missing or repeats
   */
  public static Object shape(String[] names, String[] metaKeys) {
    for (String n : names) Objects.requireNonNull(n, "a property name");
    for (String k : metaKeys) Objects.requireNonNull(k, "a metadata key");
    if (new java.util.HashSet<>(java.util.Arrays.asList(names)).size() != names.length) {
      throw new IllegalArgumentException("property names repeat: " + java.util.Arrays.toString(names));
    }
    if (new java.util.HashSet<>(java.util.Arrays.asList(metaKeys)).size() != metaKeys.length) {
      throw new IllegalArgumentException("metadata keys repeat: " + java.util.Arrays.toString(metaKeys));
    }
    return TwinShape.of(names, metaKeys);
  }

  /**
   * @param shape a shape handle
   * @return its number of value slots
   */
  public static int slots(Object shape) {
    return ((TwinShape) shape).size();
  }

  /**
   * @param shape a shape handle
   * @return its number of metadata entries
   */
  public static int metaSize(Object shape) {
    return ((TwinShape) shape).metaSize();
  }

  /**
   * Builds a twin from its decoded state.
   *
   * @param id the twin id
   * @param model its model
   * @param etagPrefix its ETag up to its number (the whole ETag when {@code etagNumber} is negative)
   * @param etagNumber the ETag's number (rendered in hexadecimal, then a closing quote), or -1
   * @param version its version
   * @param lastUpdateTime its last update time
   * @param shape its shape handle ({@link #shape(String[], String[])})
   * @param values its values, slot by slot (not copied: must not change)
   * @param times per metadata entry its last update time, or null when all are {@code lastUpdateTime}
   * @param sourceTimes per metadata entry its source time (null entries: none), or null when none
   * @param device per metadata entry its device members (null entries: none), or null when none
   * @return the twin
   * @throws IllegalArgumentException if the arrays do not fit the shape
   */
  public static Twin twin(String id, Dtmi model, String etagPrefix, long etagNumber, long version,
      Instant lastUpdateTime, Object shape, JsonNode[] values, Instant[] times, Instant[] sourceTimes,
      PropertyMetadata[] device) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(etagPrefix, "etag");
    Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    TwinShape s = (TwinShape) shape;
    if (s.size() != values.length) {
      throw new IllegalArgumentException(s.size() + " names but " + values.length + " values for twin " + id);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) throw new IllegalArgumentException("slot " + i + " of twin " + id + " has no value");
    }
    int m = s.metaSize();
    check(times, m, "times", id);
    check(sourceTimes, m, "source times", id);
    check(device, m, "device members", id);
    if (times != null) {
      for (Instant x : times) Objects.requireNonNull(x, "a property time of twin " + id);
    }
    if (etagNumber < 0) {
      // an ETag that is not a prefix and a number: through the public constructor, which keeps it whole
      ObjectNode doc = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < values.length; i++) doc.set(s.name(i), values[i]);
      java.util.Map<String, PropertyMetadata> md = new java.util.LinkedHashMap<>(m * 2);
      for (int i = 0; i < m; i++) {
        Instant at = times == null ? lastUpdateTime : times[i];
        java.util.Optional<Instant> src = java.util.Optional.ofNullable(sourceTimes == null ? null : sourceTimes[i]);
        PropertyMetadata d = device == null ? null : device[i];
        md.put(s.metaKey(i), d == null ? new PropertyMetadata(at, src) : new PropertyMetadata(at, src,
            d.desiredValue(), d.desiredVersion(), d.ackVersion(), d.ackCode(), d.ackDescription()));
      }
      return new Twin(id, model, etagPrefix, version, lastUpdateTime, doc, md);
    }
    Twin t = TwinAccess.get().create(id, model, etagPrefix, etagNumber, version, lastUpdateTime, s, values,
        times, sourceTimes, null);
    return device == null ? t : TwinAccess.get().withDevice(t, device);
  }

  private static void check(Object[] a, int n, String what, String id) {
    if (a != null && a.length != n) {
      throw new IllegalArgumentException(a.length + " " + what + " but " + n + " metadata keys for twin " + id);
    }
  }

  /**
   * @param r a relationship
   * @return its ETag up to its number (the whole ETag when {@link #etagNumber} is negative)
   */
  public static String etagPrefix(Relation r) {
    return TwinAccess.relations().etagPrefix(r);
  }

  /**
   * @param r a relationship
   * @return its ETag's number, or -1 when its ETag is not a prefix and a number
   */
  public static long etagNumber(Relation r) {
    return TwinAccess.relations().etagNumber(r);
  }

  /**
   * @param r a relationship
   * @return its properties (the stored object: never change it)
   */
  public static ObjectNode properties(Relation r) {
    return TwinAccess.relations().properties(r);
  }

  /**
   * Builds a relationship from its decoded state.
   *
   * @param id its id
   * @param sourceId its source twin
   * @param targetId its target twin
   * @param name its name
   * @param etagPrefix its ETag up to its number (the whole ETag when {@code etagNumber} is negative)
   * @param etagNumber the ETag's number, or -1
   * @param epochSecond its last update time's epoch second
   * @param nano and nanosecond
   * @param properties its properties (taken over: must not change)
   * @return the relationship
   */
  public static Relation relation(String id, String sourceId, String targetId, String name, String etagPrefix,
      long etagNumber, long epochSecond, int nano, ObjectNode properties) {
    return TwinAccess.relations().make(id, sourceId, targetId, name, etagPrefix, etagNumber, epochSecond, nano,
        properties);
  }

  /**
   * Restores a snapshot into a new graph ({@link Twins.Builder#restore}) telling it where each
   * relationship's twins are among the snapshot's twins, so that it finds them without a look-up
   * by id.
   *
   * @param builder the graph's builder
   * @param snapshot the snapshot
   * @param sources per relationship, in the snapshot's order, its source twin's position among the
   *     snapshot's twins, or -1 when not known
   * @param targets the same for the target twins
   * @return the graph
   */
  public static Twins restore(Twins.Builder builder, GraphSnapshot snapshot, int[] sources, int[] targets) {
    return GraphStore.restoreWithPositions(sources, targets, () -> builder.restore(snapshot));
  }
}
