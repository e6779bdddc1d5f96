package dev.twins.core.internal.graph;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The graph store's access to a {@link Twin}'s compact state (its shape, value slots and times),
 * which the public class does not expose. {@code Twin} installs the implementation when it is
 * initialised.
 */
public final class TwinAccess {
  private static volatile Hooks hooks;
  private static volatile java.util.function.Function<dev.twins.core.graph.Twins, GraphStore> stores;

  /**
   * Installs the access to a graph's store; {@code Twins} calls it once.
   *
   * @param access the access
   */
  public static void installStores(java.util.function.Function<dev.twins.core.graph.Twins, GraphStore> access) {
    stores = access;
  }

  /**
   * @param twins a graph
   * @return its store
   */
  public static GraphStore store(dev.twins.core.graph.Twins twins) {
    java.util.function.Function<dev.twins.core.graph.Twins, GraphStore> s = stores;
    if (s == null) {
      init(dev.twins.core.graph.Twins.class);
      s = stores;
    }
    return s.apply(twins);
  }
  private static volatile RelationMaker relations;

  /** Makes relationships with a derived ETag and references to their twins' entries, and reads them. */
  public interface RelationMaker {
    /**
     * Makes a relationship stored in a graph.
     *
     * @param id the relationship id
     * @param source the source twin's entry
     * @param target the target twin's entry
     * @param name the Relationship name
     * @param etagPrefix the ETag up to its number, or the whole ETag when {@code etagNumber} is negative
     * @param etagNumber the number rendered in hexadecimal after the prefix, or -1
     * @param time the last update time
     * @param properties the properties, taken over
     * @return the relationship
     */
    Relation make(String id, GraphStore.Entry source, GraphStore.Entry target, String name, String etagPrefix,
        long etagNumber, Instant time, ObjectNode properties);

    /**
     * Copies a relationship (equal to it) that references other entries of its twins.
     *
     * @param relation the relationship
     * @param source the source twin's entry
     * @param target the target twin's entry
     * @return the copy
     */
    /**
     * Makes a relationship outside a graph from its decoded parts (a snapshot record).
     *
     * @param id its id
     * @param sourceId its source twin
     * @param targetId its target twin
     * @param name its name
     * @param etagPrefix its ETag up to the number (the whole ETag when {@code etagNumber} is negative)
     * @param etagNumber the ETag's number, or -1
     * @param epochSecond its last update time's epoch second
     * @param nano and nanosecond
     * @param properties its properties, taken over
     * @return the relationship
     */
    Relation make(String id, String sourceId, String targetId, String name, String etagPrefix, long etagNumber,
        long epochSecond, int nano, ObjectNode properties);

    /**
     * @param relation a relationship
     * @return its ETag up to the number, or its whole ETag when {@link #etagNumber} is negative
     */
    String etagPrefix(Relation relation);

    /**
     * @param relation a relationship
     * @return its ETag's number, or -1
     */
    long etagNumber(Relation relation);

    Relation rebind(Relation relation, GraphStore.Entry source, GraphStore.Entry target);

    /**
     * @param relation a relationship
     * @return the entry of its source twin, or null when it holds only the id
     */
    GraphStore.Entry source(Relation relation);

    /**
     * @param relation a relationship
     * @return the entry of its target twin, or null when it holds only the id
     */
    GraphStore.Entry target(Relation relation);

    /**
     * Returns a relationship's stored properties, not copied.
     *
     * @param relation the relationship
     * @return its properties, which must not be changed
     */
    ObjectNode properties(Relation relation);
  }

  /**
   * Installs the relationship maker; {@code Relation} calls it once.
   *
   * @param maker the maker
   */
  public static void installRelations(RelationMaker maker) {
    relations = maker;
  }

  /** @return the relationship maker */
  public static RelationMaker relations() {
    RelationMaker m = relations;
    if (m == null) {
      init(Relation.class);
      m = relations;
    }
    return m;
  }

  private static void init(Class<?> c) {
    try {
      Class.forName(c.getName(), true, c.getClassLoader());
    } catch (ClassNotFoundException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private TwinAccess() {}

  /** What the store can do with a twin's state. */
  public interface Hooks {
    /**
     * Makes a twin from its compact state, taken over (never changed afterwards).
     *
     * @param id the id
     * @param model the model
     * @param etagPrefix the ETag up to its number, or the whole ETag when {@code etagNumber} is negative
     * @param etagNumber the number rendered in hexadecimal after the prefix, or -1
     * @param version the version
     * @param time the last update time
     * @param shape the names and metadata keys
     * @param values the values by slot
     * @param times per metadata slot, or null when every property was written at {@code time}
     * @param sourceTimes per metadata slot (null entries when not set), or null when none is set
     * @param entry the graph's entry of the twin
     * @return the twin
     */
    Twin create(String id, Dtmi model, String etagPrefix, long etagNumber, long version, Instant time, TwinShape shape,
        JsonNode[] values, Instant[] times, Instant[] sourceTimes, GraphStore.Entry entry);

    /**
     * Makes a twin from its values as {@link PackedValues} keeps them, taken over.
     *
     * @param id the id
     * @param model the model
     * @param etagPrefix the ETag up to its number, or the whole ETag when {@code etagNumber} is negative
     * @param etagNumber the number rendered in hexadecimal after the prefix, or -1
     * @param version the version
     * @param time the last update time
     * @param shape the names and metadata keys
     * @param refs the value references by slot
     * @param nums the numbers of {@code refs}, or null when none
     * @param times per metadata slot, or null when every property was written at {@code time}
     * @param sourceTimes per metadata slot (null entries when not set), or null when none is set
     * @param entry the graph's entry of the twin
     * @return the twin
     */
    Twin createPacked(String id, Dtmi model, String etagPrefix, long etagNumber, long version, Instant time,
        TwinShape shape, Object[] refs, long[] nums, Instant[] times, Instant[] sourceTimes, GraphStore.Entry entry);

    /**
     * @param t a twin
     * @return the graph entry it was made for, or null for a twin made outside a graph
     */
    GraphStore.Entry entry(Twin t);

    /**
     * Returns a copy of a twin (equal to it) made for another entry.
     *
     * @param t a twin
     * @param entry the entry
     * @return the copy
     */
    Twin withEntry(Twin t, GraphStore.Entry entry);

    /** @param t a twin @return its shape */
    TwinShape shape(Twin t);

    /** @param t a twin @return its value references by slot ({@link PackedValues}; not to be changed) */
    Object[] refs(Twin t);

    /** @param t a twin @return the numbers of its value references, or null (not to be changed) */
    long[] nums(Twin t);

    /** @param t a twin @return its times by metadata slot, or null (not to be changed) */
    Instant[] times(Twin t);

    /** @param t a twin @return its source times by metadata slot, or null (not to be changed) */
    Instant[] sourceTimes(Twin t);

    /**
     * @param t a twin
     * @return the device members of its metadata by metadata slot, or null (not to be changed)
     */
    dev.twins.core.graph.PropertyMetadata[] device(Twin t);

    /**
     * Returns a copy of a twin with other device members of its metadata.
     *
     * @param t a twin
     * @param device the device members by metadata slot (null entries when none), or null; taken over
     * @return the copy
     */
    Twin withDevice(Twin t, dev.twins.core.graph.PropertyMetadata[] device);

    /** @param t a twin @return a new object of its values (shared, not copied) */
    ObjectNode document(Twin t);
  }

  /**
   * Installs the implementation; {@code Twin} calls it once.
   *
   * @param h the implementation
   */
  public static void install(Hooks h) {
    hooks = h;
  }

  /** @return the implementation */
  public static Hooks get() {
    Hooks h = hooks;
    if (h == null) {
      init(Twin.class);
      h = hooks;
    }
    return h;
  }
}
