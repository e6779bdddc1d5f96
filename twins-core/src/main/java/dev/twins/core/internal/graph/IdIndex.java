package dev.twins.core.internal.graph;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Function;

/**
 * The graph's id index: twin id to {@link GraphStore.Entry}, an open-addressing hash table with
 * linear probing whose slots are pairs of array elements, the id string and then its entry.
 *
 * <p>Why not a {@code ConcurrentHashMap}: a lookup of a random twin is a chain of dependent cache
 * misses, and the map's chain is one longer (table, node, then key and value). Here a slot's id
 * and entry come from one cache line, the id's string and the entry are then read side by side
 * (the entry before the id is compared), and the id's characters and the twin's state after them:
 * three steps. The table takes 8 bytes per slot instead of a 32-byte node per twin plus a table.
 *
 * <p>Concurrency: lookups take no lock and see a consistent table: a writer (under this object's
 * monitor) stores an entry before its id (release), a reader loads the id before the entry
 * (acquire) and checks that the entry is the id's; a removed slot keeps a tombstone so probes go
 * on past it; a resize fills a new array and publishes it whole. A lookup that races with a write
 * of its own slot starts again.
 */
final class IdIndex {
  /** Marks a removed slot (compared by identity; never an id). */
  private static final String TOMBSTONE = new String(new char[] {'\u0000', 'r', 'e', 'm', 'o', 'v', 'e', 'd'});
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final int MIN_CAPACITY = 16;

  /** Ids and entries by slot ({@code 2 * slot} and {@code 2 * slot + 1}); replaced whole on a resize. */
  private static final class Table {
    final Object[] slots;
    /** 32 minus the number of index bits: a slot is the top bits of the mixed hash. */
    final int shift;
    final int mask;
    /** The odd multiplier that mixes the hash, one per table size (see {@link #multiplier}). */
    final int multiplier;

    Table(int capacity) {
      slots = new Object[2 * capacity];
      shift = 32 - Integer.numberOfTrailingZeros(capacity);
      mask = capacity - 1;
      multiplier = multiplier(shift);
    }

    int home(int hash) {
      return (hash * multiplier) >>> shift;
    }

    int capacity() {
      return mask + 1;
    }

    String key(int i) {
      return (String) slots[2 * i];
    }

    GraphStore.Entry entry(int i) {
      return (GraphStore.Entry) slots[2 * i + 1];
    }
  }

  /**
   * The hash multiplier of a table size. Each size mixes with its own, so that the order of one
   * table's slots says nothing about the slots of a table of another size: a graph lists its twins
   * in slot order, and ids added in the slot order of a larger table to a smaller one that grows
   * would otherwise arrive sorted by their home slots and pile up into one probe run that every
   * insert walks (quadratic). Fixed per size, so a graph's order stays reproducible.
   */
  static int multiplier(int shift) {
    long z = 0x9E3779B97F4A7C15L * (shift + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (int) (z >>> 32) | 1;
  }

  private volatile Table table = new Table(MIN_CAPACITY);
  /** Live ids; under the monitor. */
  private int size;
  /** Live ids and tombstones; under the monitor. */
  private int used;
  /** Slots probed past a home slot by writes and resizes; under the monitor. */
  private long probes;

  /**
   * Finds the entry of an id; lock-free.
   *
   * @param id the id
   * @return the entry, or null
   */
  GraphStore.Entry get(String id) {
    int h = id.hashCode();
    while (true) {
      Table t = table;
      Object[] slots = t.slots;
      int mask = t.mask;
      for (int i = t.home(h); ; i = (i + 1) & mask) {
        Object k = SLOTS.getAcquire(slots, 2 * i);
        if (k == null) return null;
        // the entry is read before the id is compared, so that both cache misses overlap
        Object e = SLOTS.getAcquire(slots, 2 * i + 1);
        if (k == TOMBSTONE) continue;
        String key = (String) k;
        if (key == id || (key.hashCode() == h && key.equals(id))) {
          if (e != null && ((GraphStore.Entry) e).id == key) return (GraphStore.Entry) e;
          break; // the slot changed under the lookup: start again
        }
      }
    }
  }

  /**
   * Returns the entry of an id, adding one made by {@code make} when there is none.
   *
   * @param id the id
   * @param make makes the entry (its {@code id} must be {@code id})
   * @return the existing or added entry
   */
  synchronized GraphStore.Entry computeIfAbsent(String id, Function<String, GraphStore.Entry> make) {
    int slot = find(table, id);
    if (slot >= 0) return table.entry(slot);
    GraphStore.Entry e = make.apply(id);
    insert(e, -slot - 1);
    return e;
  }

  /**
   * Adds an entry unless its id has one.
   *
   * @param e the entry
   * @return the existing entry of its id, or null when {@code e} was added
   */
  synchronized GraphStore.Entry putIfAbsent(GraphStore.Entry e) {
    int slot = find(table, e.id);
    if (slot >= 0) return table.entry(slot);
    insert(e, -slot - 1);
    return null;
  }

  /**
   * Removes an id if it maps to the given entry.
   *
   * @param e the entry
   * @return whether it was removed
   */
  synchronized boolean remove(GraphStore.Entry e) {
    Table t = table;
    int slot = find(t, e.id);
    if (slot < 0 || t.entry(slot) != e) return false;
    SLOTS.setRelease(t.slots, 2 * slot + 1, (Object) null);
    SLOTS.setRelease(t.slots, 2 * slot, (Object) TOMBSTONE);
    size--;
    if (size == 0) {
      table = new Table(MIN_CAPACITY);
      used = 0;
    }
    return true;
  }

  /**
   * Grows the table at once to hold {@code n} ids without a resize (e.g. before a restore adds
   * them one by one: one table instead of a chain of resizes that each touch every id again).
   *
   * @param n the number of ids expected
   */
  synchronized void presize(int n) {
    if ((long) n * 2 + 2 <= table.capacity()) return;
    int capacity = MIN_CAPACITY;
    while (capacity < (long) n * 2 + 2 && capacity < (1 << 30)) capacity <<= 1;
    resize(capacity);
  }

  /** @return the slots the writes have probed past a home slot so far (for tests) */
  synchronized long probes() {
    return probes;
  }

  /** @return whether no id is indexed */
  synchronized boolean isEmpty() {
    return size == 0;
  }

  /**
   * Visits the entries of the current table; an entry added or removed during the visit may be
   * seen or not.
   *
   * @param action called with each entry
   */
  void forEach(java.util.function.Consumer<GraphStore.Entry> action) {
    Object[] slots = table.slots;
    for (int i = 1; i < slots.length; i += 2) {
      Object e = SLOTS.getAcquire(slots, i);
      if (e != null) action.accept((GraphStore.Entry) e);
    }
  }

  /** The slot of an id, or {@code -(slot to insert at) - 1}; under the monitor. */
  private int find(Table t, String id) {
    int h = id.hashCode();
    int free = -1;
    for (int i = t.home(h); ; i = (i + 1) & t.mask, probes++) {
      String k = t.key(i);
      if (k == null) return -(free >= 0 ? free : i) - 1;
      if (k == TOMBSTONE) {
        if (free < 0) free = i;
      } else if (k == id || (k.hashCode() == h && k.equals(id))) {
        return i;
      }
    }
  }

  /** Stores an entry at a free slot found by {@link #find}, or grows the table first; under the monitor. */
  private void insert(GraphStore.Entry e, int slot) {
    Table t = table;
    boolean reuse = t.key(slot) == TOMBSTONE;
    if (!reuse && (used + 1) * 2 > t.capacity()) {
      t = rehash();
      slot = -find(t, e.id) - 1;
    }
    SLOTS.setRelease(t.slots, 2 * slot + 1, (Object) e);
    SLOTS.setRelease(t.slots, 2 * slot, (Object) e.id);
    size++;
    if (!reuse) used++;
  }

  /** Copies the live entries into a table where they fill at most a third, and publishes it. */
  private Table rehash() {
    int capacity = MIN_CAPACITY;
    while (capacity < (size + 1) * 3) capacity <<= 1;
    return resize(capacity);
  }

  /** Copies the live entries into a new table of this capacity and publishes it; under the monitor. */
  private Table resize(int capacity) {
    Table old = table;
    Table t = new Table(capacity);
    for (int i = 0; i < old.capacity(); i++) {
      String k = old.key(i);
      if (k == null || k == TOMBSTONE) continue;
      int j = t.home(k.hashCode());
      while (t.slots[2 * j] != null) {
        j = (j + 1) & t.mask;
        probes++;
      }
      t.slots[2 * j] = k;
      t.slots[2 * j + 1] = old.entry(i);
    }
    used = size;
    table = t;
    return t;
  }
}
