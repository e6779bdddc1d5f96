package dev.twins.persistence.internal;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import java.util.List;

/**
 * The position of each twin among a snapshot's twin records, for the relationship records that
 * refer to their twins by position: an open-addressing table of the twins' id strings (compared
 * by reference first: a graph's relationships hold the same id strings as its twins, so a lookup
 * usually touches two array slots and no string), and the sources of the relationships found by
 * walking the twins in step with them (a graph lists the relationships grouped by source twin, in
 * the order of its twins; any other order falls back to the table). Read-only once made: safe to
 * share between the threads that encode the records.
 */
final class TwinPositions {
  /** How far the walk looks ahead for the next source before it asks the table. */
  private static final int LOOK_AHEAD = 64;

  private final String[] keys;
  private final int[] values;
  private final int mask;
  private final int shift;
  private final int[] sources;

  private TwinPositions(String[] keys, int[] values, int[] sources) {
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
    this.shift = Integer.numberOfLeadingZeros(mask);
    this.sources = sources;
  }

  /**
   * Indexes the twins and finds each relationship's source.
   *
   * @param twins the snapshot's twins, in record order (ids unique)
   * @param relations its relationships, in record order
   * @return the positions
   */
  static TwinPositions of(List<Twin> twins, List<Relation> relations) {
    int n = twins.size();
    int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
    TwinPositions p = new TwinPositions(new String[cap], new int[cap], new int[relations.size()]);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      String id = twins.get(i).id();
      ids[i] = id;
      int slot = p.slot(id);
      while (p.keys[slot] != null) slot = (slot + 1) & p.mask;
      p.keys[slot] = id;
      p.values[slot] = i;
    }
    int at = 0;
    for (int r = 0; r < p.sources.length; r++) {
      String src = relations.get(r).sourceId();
      int found = -1;
      for (int k = at, end = Math.min(n, at + LOOK_AHEAD); k < end; k++) {
        if (ids[k] == src || ids[k].equals(src)) {
          found = k;
          break;
        }
      }
      if (found < 0) found = p.of(src);
      p.sources[r] = found;
      if (found >= 0) at = found;
    }
    return p;
  }

  /** The home slot of a key: the high bits of its hash times the golden ratio. */
  private int slot(String id) {
    return shift == 32 ? 0 : (id.hashCode() * 0x9E3779B1) >>> shift;
  }

  /**
   * @param id a twin id
   * @return its position, or -1 if it is not one of the snapshot's twins
   */
  int of(String id) {
    int slot = slot(id);
    for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
      if (k == id || k.equals(id)) return values[slot];
    }
    return -1;
  }

  /**
   * @param relation a relationship's position among the snapshot's relationships
   * @return the position of its source twin, or -1 if it is not one of the snapshot's twins
   */
  int source(int relation) {
    return sources[relation];
  }
}
