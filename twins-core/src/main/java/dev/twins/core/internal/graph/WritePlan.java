package dev.twins.core.internal.graph;

import dev.twins.core.internal.InstanceValidator;
import dev.twins.core.model.Content;
import dev.twins.core.model.Interface;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Property;
import tools.jackson.databind.JsonNode;

/**
 * What the store's fast patch needs to know about the slots of one {@link TwinShape} under one
 * model, worked out once instead of on every patch: for each value slot whose member is a
 * top-level {@link Property} with a primitive schema (and writable, when the graph enforces it),
 * its JSON pointer ({@code /name}), the pointer's hash, its schema and its metadata slot; the
 * other slots are left out, and patches of them take the general path.
 *
 * <p>Immutable (final fields only), so plans can be shared between threads through a racy cache.
 */
final class WritePlan {
  /** The number of plans a {@link Cache} holds; a power of two. */
  private static final int CACHE_SIZE = 1024;

  final TwinShape shape;
  final Interface model;
  /** Per value slot: {@code /name}, or null when the slot is not patched the fast way. */
  private final String[] paths;
  private final int[] pathHashes;
  private final int[] nameHashes;
  private final PrimitiveSchema[] schemas;

  private WritePlan(TwinShape shape, Interface model, boolean writableOnly) {
    this.shape = shape;
    this.model = model;
    int n = shape.size();
    paths = new String[n];
    pathHashes = new int[n];
    nameHashes = new int[n];
    schemas = new PrimitiveSchema[n];
    for (int i = 0; i < n; i++) {
      String name = shape.name(i);
      if (shape.metaOfSlot(i) < 0 || name.indexOf('/') >= 0 || name.indexOf('~') >= 0) continue;
      Content c = model.contents().get(name);
      if (!(c instanceof Property)) continue;
      Property p = (Property) c;
      if (!(p.schema() instanceof PrimitiveSchema) || (writableOnly && !p.writable())) continue;
      paths[i] = "/" + name;
      pathHashes[i] = paths[i].hashCode();
      nameHashes[i] = name.hashCode();
      schemas[i] = (PrimitiveSchema) p.schema();
    }
  }

  /**
   * Finds the slot a patch operation's path writes, when the fast patch may write it.
   *
   * @param path a JSON pointer
   * @return the value slot, or -1 when the path is not {@code /name} of such a slot
   */
  int slotOfPath(String path) {
    int h = path.hashCode();
    for (int i = 0; i < paths.length; i++) {
      String p = paths[i];
      if (p != null && pathHashes[i] == h && (p == path || p.equals(path))) return i;
    }
    return -1;
  }

  /**
   * Finds the slot of a property name, when the fast patch may write it.
   *
   * @param name a top-level property name
   * @return the value slot, or -1 when the name is not that of such a slot
   */
  int slotOfName(String name) {
    int h = name.hashCode();
    for (int i = 0; i < paths.length; i++) {
      if (paths[i] == null || nameHashes[i] != h) continue;
      String n = shape.name(i);
      if (n == name || n.equals(name)) return i;
    }
    return -1;
  }

  /**
   * Checks a value against a slot's schema, as {@link dev.twins.core.model.Schema#validate} does.
   *
   * @param slot a slot found by {@link #slotOfPath}
   * @param value the value, not a container
   * @return whether it fits
   */
  boolean fits(int slot, JsonNode value) {
    return InstanceValidator.fits(schemas[slot], value);
  }

  /**
   * @param slot a slot of this plan
   * @return whether every finite {@code double} fits it as it is (its schema is {@code double})
   */
  boolean takesAnyDouble(int slot) {
    return schemas[slot] == PrimitiveSchema.DOUBLE;
  }

  /**
   * A small direct-mapped cache of plans by shape and model identity, one per graph. Racy: two
   * threads may build the same plan, and either one is kept; both are equal.
   */
  static final class Cache {
    private final WritePlan[] plans = new WritePlan[CACHE_SIZE];
    private final boolean writableOnly;

    /** @param writableOnly whether the graph accepts writes to writable properties only */
    Cache(boolean writableOnly) {
      this.writableOnly = writableOnly;
    }

    /**
     * Returns the plan of a shape under a model.
     *
     * @param shape the twin's shape
     * @param model the twin's model
     * @return the plan, cached or new
     */
    WritePlan get(TwinShape shape, Interface model) {
      int i = (System.identityHashCode(shape) * 31 + System.identityHashCode(model)) & (CACHE_SIZE - 1);
      WritePlan p = plans[i];
      if (p != null && p.shape == shape && p.model == model) return p;
      p = new WritePlan(shape, model, writableOnly);
      plans[i] = p;
      return p;
    }
  }
}
