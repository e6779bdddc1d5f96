package dev.twins.core.internal.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layout of a twin's state: the names of its properties and components in write order (the
 * slots of its values) and its metadata keys ({@code name} or {@code component/property}) in
 * order (the slots of its times). Immutable; twins of the same model written the same way share
 * one shape, so a twin holds only arrays of values and times.
 */
public final class TwinShape {
  /** More distinct shapes than this are not shared (the cache stays bounded). */
  private static final int MAX_SHARED = 4096;
  private static final ConcurrentHashMap<TwinShape, TwinShape> SHARED = new ConcurrentHashMap<>();
  private static final int INDEXED = 12;
  /**
   * A lock-free first look-up by hash, so that finding a shape allocates nothing (shapes are
   * immutable with final fields, so a racy read sees them whole).
   */
  private static final TwinShape[] RECENT = new TwinShape[1024];

  private final String[] names;
  private final String[] metaKeys;
  /** For each name, the slot of its metadata key, or -1 (components, whose keys are {@code name/...}). */
  private final int[] nameMeta;
  /** For each name, whether a JSON pointer spells it as it is (it has no {@code ~} or {@code /}). */
  private final boolean[] plain;
  private final int hash;
  private final Map<String, Integer> nameIndex;
  private final Map<String, Integer> metaIndex;
  /**
   * For each name, the index in the numbers array at which the last twin of this shape read by
   * {@link #numberIndexGuess} kept its number; written racily (an int is written whole, and a
   * wrong guess only costs the read it would have saved).
   */
  private final int[] numberGuess;

  private TwinShape(String[] names, String[] metaKeys) {
    this.names = names;
    this.metaKeys = metaKeys;
    this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(metaKeys);
    this.nameIndex = names.length > INDEXED ? index(names) : null;
    this.metaIndex = metaKeys.length > INDEXED ? index(metaKeys) : null;
    this.nameMeta = new int[names.length];
    for (int i = 0; i < names.length; i++) nameMeta[i] = metaSlot(names[i]);
    this.plain = new boolean[names.length];
    for (int i = 0; i < names.length; i++) plain[i] = names[i].indexOf('~') < 0 && names[i].indexOf('/') < 0;
    this.numberGuess = new int[names.length];
  }

  private static Map<String, Integer> index(String[] keys) {
    Map<String, Integer> m = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) m.put(keys[i], i);
    return m;
  }

  /**
   * Returns the shape with these names and metadata keys, shared when one like it exists.
   *
   * @param names property and component names, in write order; taken over
   * @param metaKeys metadata keys, in order; taken over
   * @return the shape
   */
  public static TwinShape of(String[] names, String[] metaKeys) {
    int h = 31 * Arrays.hashCode(names) + Arrays.hashCode(metaKeys);
    int i = h & (RECENT.length - 1);
    TwinShape r = RECENT[i];
    if (r != null && r.hash == h && Arrays.equals(r.names, names) && Arrays.equals(r.metaKeys, metaKeys)) return r;
    r = share(new TwinShape(names, metaKeys));
    RECENT[i] = r;
    return r;
  }

  private static TwinShape share(TwinShape s) {
    TwinShape shared = SHARED.get(s);
    if (shared != null) return shared;
    if (SHARED.size() >= MAX_SHARED) return s;
    shared = SHARED.putIfAbsent(s, s);
    return shared == null ? s : shared;
  }

  /** @return the number of value slots */
  public int size() {
    return names.length;
  }

  /** @return the number of metadata slots */
  public int metaSize() {
    return metaKeys.length;
  }

  /**
   * @param i a value slot
   * @return its name
   */
  public String name(int i) {
    return names[i];
  }

  /**
   * @param i a metadata slot
   * @return its key
   */
  public String metaKey(int i) {
    return metaKeys[i];
  }

  /**
   * @param i a value slot
   * @return the metadata slot of the property in it, or -1 for a component
   */
  public int metaOfSlot(int i) {
    return nameMeta[i];
  }

  /**
   * @param name a property or component name
   * @return its value slot, or -1
   */
  public int slot(String name) {
    if (nameIndex != null) {
      Integer i = nameIndex.get(name);
      return i == null ? -1 : i;
    }
    // names usually come as the very strings the shape holds (interned, or constants)
    for (int i = 0; i < names.length; i++) if (names[i] == name) return i;
    for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
    return -1;
  }

  /**
   * @param i a value slot
   * @return whether its name is a plain top-level name: no {@code /} or {@code ~} in it
   */
  public boolean plain(int i) {
    return plain[i];
  }

  /**
   * Where a twin of this shape probably keeps the number of a slot in its numbers array, so that
   * a read can load it at the same time as the slot's reference instead of after it.
   *
   * @param i a value slot
   * @return the index the last read found, 0 at first
   */
  public int numberIndexGuess(int i) {
    return numberGuess[i];
  }

  /**
   * Remembers where a twin of this shape kept the number of a slot.
   *
   * @param i a value slot
   * @param index the index in its numbers array
   */
  public void numberIndexFound(int i, int index) {
    numberGuess[i] = index;
  }

  /**
   * Finds the slot a JSON pointer to a top-level member names, without decoding it.
   *
   * @param path a JSON pointer such as {@code /temperature}
   * @return the slot, or -1 when the pointer is not {@code /name} of a set name without escapes
   */
  public int slotOfPath(String path) {
    int len = path.length() - 1;
    if (len < 1 || path.charAt(0) != '/') return -1;
    if (nameIndex != null) {
      if (path.indexOf('/', 1) >= 0 || path.indexOf('~') >= 0) return -1;
      return slot(path.substring(1));
    }
    for (int i = 0; i < names.length; i++) {
      String n = names[i];
      if (n.length() == len && path.regionMatches(1, n, 0, len) && plain[i]) return i;
    }
    return -1;
  }

  /**
   * @param key a metadata key
   * @return its metadata slot, or -1
   */
  public int metaSlot(String key) {
    if (metaIndex != null) {
      Integer i = metaIndex.get(key);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < metaKeys.length; i++) if (metaKeys[i].equals(key)) return i;
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof TwinShape)) return false;
    TwinShape s = (TwinShape) o;
    return hash == s.hash && Arrays.equals(names, s.names) && Arrays.equals(metaKeys, s.metaKeys);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "TwinShape" + Arrays.toString(names) + Arrays.toString(metaKeys);
  }
}
