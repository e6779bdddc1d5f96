package dev.twins.core.internal.graph;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.RelationVisitor;
import dev.twins.core.graph.Twin;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One twin's outgoing or incoming relationships: a small copy-on-write array (most twins have a
 * handful), or above {@link #SMALL} entries a concurrent map. Writers hold the twin's lock and
 * store the result of each change; readers read the current value without a lock and see either
 * an immutable array or the live map. Outgoing relationships are keyed by id, incoming ones by
 * source and id. Empty adjacency is null, so a twin has relationships exactly when one of its
 * two adjacencies is not null.
 *
 * <p>The array is grouped by relationship name, so that a visit of one name reads only that
 * name's relationships, and holds beside each relationship the entry of the twin at its other
 * end, so that a visit of the other twins never loads a relationship object. Its layout, for
 * {@code k} names and {@code n} relationships, is one {@code Object[]} of {@code 1 + 2k + 2n}:
 * <pre>
 * [k, name_0, end_0, ..., name_k-1, end_k-1, other_0, ..., other_n-1, rel_0, ..., rel_n-1]
 * </pre>
 * where {@code end_j} (an {@code Integer}, from the small-integer cache) is the index after the
 * last relationship of run {@code j}, runs in order, {@code other_i} the {@link GraphStore.Entry}
 * of the other twin of {@code rel_i} (the target outgoing, the source incoming). Each change
 * copies the array, in O(n) like before the grouping.
 */
final class Adjacency {
  /** The largest array; beyond it, a map (so a twin with many relationships is not copied per change). */
  static final int SMALL = 64;

  private static final TwinAccess.RelationMaker RELATIONS = TwinAccess.relations();

  /** Relationship names, one instance per name, so that run lookup is mostly an identity compare. */
  private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();

  private Adjacency() {}

  /** The key of an incoming relationship in a map. */
  private record InKey(String sourceId, String id) {}

  private static Object key(Relation r, boolean incoming) {
    return incoming ? new InKey(r.sourceId(), r.id()) : r.id();
  }

  private static boolean matches(Relation r, String sourceId, String id) {
    return r.id().equals(id) && (sourceId == null || r.sourceId().equals(sourceId));
  }

  private static String canonical(String name) {
    String c = NAMES.putIfAbsent(name, name);
    return c == null ? name : c;
  }

  private static GraphStore.Entry other(Relation r, boolean incoming) {
    return incoming ? RELATIONS.source(r) : RELATIONS.target(r);
  }

  // ---- the grouped array

  /** How many runs (names) an array has. */
  private static int runs(Object[] a) {
    return (Integer) a[0];
  }

  /** How many relationships an array has. */
  private static int count(Object[] a) {
    return (a.length - 1 - 2 * runs(a)) >> 1;
  }

  /** The run of a name, or -1. */
  private static int runOf(Object[] a, int k, String name) {
    for (int j = 0; j < k; j++) if (a[1 + 2 * j] == name) return j;
    for (int j = 0; j < k; j++) if (name.equals(a[1 + 2 * j])) return j;
    return -1;
  }

  private static int runStart(Object[] a, int j) {
    return j == 0 ? 0 : (Integer) a[2 * j];
  }

  private static int runEnd(Object[] a, int j) {
    return (Integer) a[2 + 2 * j];
  }

  /** The index of a relationship in an array, or -1. */
  private static int indexOf(Object[] a, String sourceId, String id) {
    int k = runs(a);
    int r0 = 1 + 2 * k + count(a);
    for (int i = r0; i < a.length; i++) if (matches((Relation) a[i], sourceId, id)) return i - r0;
    return -1;
  }

  /** A one-relationship array. */
  private static Object[] single(Relation r, boolean incoming) {
    return new Object[] {1, canonical(r.name()), 1, other(r, incoming), r};
  }

  /** Adds a relationship at the end of its name's run (a new run last if it has none). */
  private static Object[] insert(Object[] a, Relation r, boolean incoming) {
    int k = runs(a);
    int n = count(a);
    int e0 = 1 + 2 * k;
    GraphStore.Entry end = other(r, incoming);
    int j = runOf(a, k, r.name());
    if (j >= 0) {
      int at = runEnd(a, j);
      Object[] b = new Object[a.length + 2];
      System.arraycopy(a, 0, b, 0, e0);
      for (int q = j; q < k; q++) b[2 + 2 * q] = runEnd(a, q) + 1;
      System.arraycopy(a, e0, b, e0, at);
      b[e0 + at] = end;
      System.arraycopy(a, e0 + at, b, e0 + at + 1, n - at);
      int ra = e0 + n;
      int rb = e0 + n + 1;
      System.arraycopy(a, ra, b, rb, at);
      b[rb + at] = r;
      System.arraycopy(a, ra + at, b, rb + at + 1, n - at);
      return b;
    }
    Object[] b = new Object[a.length + 4];
    b[0] = k + 1;
    System.arraycopy(a, 1, b, 1, 2 * k);
    b[1 + 2 * k] = canonical(r.name());
    b[2 + 2 * k] = n + 1;
    int eb = e0 + 2;
    System.arraycopy(a, e0, b, eb, n);
    b[eb + n] = end;
    System.arraycopy(a, e0 + n, b, eb + n + 1, n);
    b[eb + 2 * n + 1] = r;
    return b;
  }

  /** Removes the relationship at an index; null when it was the last. */
  private static Object[] delete(Object[] a, int i) {
    int k = runs(a);
    int n = count(a);
    if (n == 1) return null;
    int e0 = 1 + 2 * k;
    int j = 0;
    while (runEnd(a, j) <= i) j++;
    boolean lastOfRun = runEnd(a, j) - runStart(a, j) == 1;
    int e0b = lastOfRun ? e0 - 2 : e0;
    Object[] b = new Object[a.length - (lastOfRun ? 4 : 2)];
    b[0] = lastOfRun ? k - 1 : k;
    int w = 1;
    for (int q = 0; q < k; q++) {
      if (q == j && lastOfRun) continue;
      b[w++] = a[1 + 2 * q];
      int end = runEnd(a, q);
      b[w++] = q >= j ? end - 1 : end;
    }
    System.arraycopy(a, e0, b, e0b, i);
    System.arraycopy(a, e0 + i + 1, b, e0b + i, n - i - 1);
    int ra = e0 + n;
    int rb = e0b + n - 1;
    System.arraycopy(a, ra, b, rb, i);
    System.arraycopy(a, ra + i + 1, b, rb + i, n - i - 1);
    return b;
  }

  /**
   * The relationships of an array adjacency in their stored order (grouped by name), for tests.
   *
   * @param adj the adjacency
   * @return its relationships
   */
  static List<Relation> ordered(Object adj) {
    return adj instanceof Object[] ? list((Object[]) adj) : List.copyOf(view(adj));
  }

  @SuppressWarnings("unchecked")
  private static List<Relation> list(Object[] a) {
    int r0 = 1 + 2 * runs(a) + count(a);
    return (List<Relation>) (List<?>) Arrays.asList(a).subList(r0, a.length);
  }

  /**
   * Checks the invariants of an array adjacency (for tests): runs non-empty, of distinct names,
   * each relationship in the run of its name, each other end the entry the relationship references.
   *
   * @param adj the adjacency
   * @param incoming whether this is incoming adjacency
   * @return null when consistent, else what is wrong
   */
  static String check(Object adj, boolean incoming) {
    if (!(adj instanceof Object[])) return null;
    Object[] a = (Object[]) adj;
    int k = runs(a);
    int n = count(a);
    if (1 + 2 * k + 2 * n != a.length) return "length " + a.length + " for " + k + " runs";
    if (k > 0 && runEnd(a, k - 1) != n) return "last run ends at " + runEnd(a, k - 1) + " of " + n;
    int e0 = 1 + 2 * k;
    for (int j = 0; j < k; j++) {
      String name = (String) a[1 + 2 * j];
      if (runEnd(a, j) <= runStart(a, j)) return "empty run " + name;
      for (int q = 0; q < j; q++) if (name.equals(a[1 + 2 * q])) return "two runs of " + name;
      for (int i = runStart(a, j); i < runEnd(a, j); i++) {
        Relation r = (Relation) a[e0 + n + i];
        if (!r.name().equals(name)) return r.id() + " in the run of " + name;
        if (a[e0 + i] != other(r, incoming)) return r.id() + " has a wrong other end";
      }
    }
    return null;
  }

  // ---- operations

  /**
   * Finds a relationship.
   *
   * @param adj the adjacency (null when empty)
   * @param sourceId the source twin for incoming adjacency, null for outgoing
   * @param id the relationship id
   * @return it, or null
   */
  @SuppressWarnings("unchecked")
  static Relation get(Object adj, String sourceId, String id) {
    if (adj == null) return null;
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int i = indexOf(a, sourceId, id);
      return i < 0 ? null : (Relation) a[a.length - count(a) + i];
    }
    ConcurrentHashMap<Object, Relation> m = (ConcurrentHashMap<Object, Relation>) adj;
    return m.get(sourceId == null ? id : new InKey(sourceId, id));
  }

  /**
   * Adds a relationship, or replaces the one with its key.
   *
   * @param adj the adjacency (null when empty)
   * @param r the relationship
   * @param incoming whether this is incoming adjacency
   * @return the adjacency to store
   */
  static Object put(Object adj, Relation r, boolean incoming) {
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int i = indexOf(a, incoming ? r.sourceId() : null, r.id());
      if (i >= 0) {
        int n = count(a);
        int r0 = a.length - n;
        Relation old = (Relation) a[r0 + i];
        if (old.name().equals(r.name())) {
          Object[] b = a.clone();
          b[r0 + i] = r;
          b[r0 - n + i] = other(r, incoming);
          return b;
        }
        Object[] rest = delete(a, i);
        return rest == null ? single(r, incoming) : insert(rest, r, incoming);
      }
    }
    return append(adj, r, incoming);
  }

  /**
   * Adds a relationship whose key the adjacency does not hold (the caller knows), without looking
   * for it: what restoring a snapshot does, having checked each relationship's key once.
   *
   * @param adj the adjacency (null when empty)
   * @param r the relationship
   * @param incoming whether this is incoming adjacency
   * @return the adjacency to store
   */
  @SuppressWarnings("unchecked")
  static Object append(Object adj, Relation r, boolean incoming) {
    if (adj == null) return single(r, incoming);
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      if (count(a) < SMALL) return insert(a, r, incoming);
      ConcurrentHashMap<Object, Relation> m = new ConcurrentHashMap<>(a.length);
      for (Relation x : list(a)) m.put(key(x, incoming), x);
      m.put(key(r, incoming), r);
      return m;
    }
    ((ConcurrentHashMap<Object, Relation>) adj).put(key(r, incoming), r);
    return adj;
  }

  /**
   * Removes a relationship.
   *
   * @param adj the adjacency (null when empty)
   * @param sourceId the source twin for incoming adjacency, null for outgoing
   * @param id the relationship id
   * @return the adjacency to store
   */
  @SuppressWarnings("unchecked")
  static Object remove(Object adj, String sourceId, String id) {
    if (adj == null) return null;
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int i = indexOf(a, sourceId, id);
      return i < 0 ? adj : delete(a, i);
    }
    ConcurrentHashMap<Object, Relation> m = (ConcurrentHashMap<Object, Relation>) adj;
    m.remove(sourceId == null ? id : new InKey(sourceId, id));
    return m.isEmpty() ? null : adj;
  }

  /**
   * @param adj the adjacency
   * @return how many relationships it holds
   */
  static int size(Object adj) {
    if (adj == null) return 0;
    if (adj instanceof Object[]) return count((Object[]) adj);
    return ((ConcurrentHashMap<?, ?>) adj).size();
  }

  /**
   * @param adj the adjacency
   * @return its relationships, unmodifiable (a snapshot for arrays, a live view for maps)
   */
  @SuppressWarnings("unchecked")
  static Collection<Relation> view(Object adj) {
    if (adj == null) return List.of();
    if (adj instanceof Object[]) return Collections.unmodifiableList(list((Object[]) adj));
    return Collections.unmodifiableCollection(((ConcurrentHashMap<Object, Relation>) adj).values());
  }

  /**
   * Visits the relationships, optionally of one name, without copying them: an array is read as the
   * immutable snapshot it is (only the run of the name), a map through its weakly consistent view
   * (each relationship at most once).
   *
   * @param adj the adjacency (null when empty)
   * @param name a Relationship name, or null for all
   * @param action called with each relationship
   */
  @SuppressWarnings("unchecked")
  static void forEach(Object adj, String name, Consumer<? super Relation> action) {
    if (adj == null) return;
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int k = runs(a);
      int n = count(a);
      int r0 = 1 + 2 * k + n;
      int from = 0;
      int to = n;
      if (name != null) {
        int j = runOf(a, k, name);
        if (j < 0) return;
        from = runStart(a, j);
        to = runEnd(a, j);
      }
      for (int i = from; i < to; i++) action.accept((Relation) a[r0 + i]);
      return;
    }
    for (Relation r : ((ConcurrentHashMap<Object, Relation>) adj).values()) {
      if (name == null || name.equals(r.name())) action.accept(r);
    }
  }

  /**
   * Visits the relationships, optionally of one name, with the current state of the twin at their
   * other end, read from the entry stored beside the relationship (no lookup by id, and the
   * relationship object itself is not read). A relationship whose other twin is gone (read from an
   * array replaced meanwhile) is skipped.
   *
   * @param adj the adjacency (null when empty)
   * @param name a Relationship name, or null for all
   * @param incoming whether this is incoming adjacency (then the other twin is the source)
   * @param visitor the visitor
   * @return false when the visitor stopped the visit
   */
  @SuppressWarnings("unchecked")
  static boolean forEachTwin(Object adj, String name, boolean incoming, RelationVisitor visitor) {
    if (adj == null) return true;
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int k = runs(a);
      int n = count(a);
      int e0 = 1 + 2 * k;
      int from = 0;
      int to = n;
      if (name != null) {
        int j = runOf(a, k, name);
        if (j < 0) return true;
        from = runStart(a, j);
        to = runEnd(a, j);
      }
      for (int i = from; i < to; i++) {
        Twin t = ((GraphStore.Entry) a[e0 + i]).twin;
        if (t != null && !visitor.visit((Relation) a[e0 + n + i], t)) return false;
      }
      return true;
    }
    TwinAccess.RelationMaker rm = RELATIONS;
    for (Relation r : ((ConcurrentHashMap<Object, Relation>) adj).values()) {
      if (name != null && !name.equals(r.name())) continue;
      Twin t = (incoming ? rm.source(r) : rm.target(r)).twin;
      if (t != null && !visitor.visit(r, t)) return false;
    }
    return true;
  }

  /**
   * Visits the twins at the other ends of the relationships, optionally of one name, without
   * reading the relationship objects of an array adjacency; like {@link #forEachTwin} otherwise.
   *
   * @param adj the adjacency (null when empty)
   * @param name a Relationship name, or null for all
   * @param incoming whether this is incoming adjacency (then the other twin is the source)
   * @param visitor called with each twin; false stops the visit
   * @return false when the visitor stopped the visit
   */
  /**
   * Appends the entries of the twins at the other ends of the relationships of one name, in the
   * order {@link #forEachOther} visits them, to a gathering.
   *
   * @param adj the adjacency (null when empty)
   * @param name the Relationship name
   * @param incoming whether this is incoming adjacency (then the other twin is the source)
   * @param row the row the entries are for
   * @param g the gathering
   */
  @SuppressWarnings("unchecked")
  static void gatherOthers(Object adj, String name, boolean incoming, int row, GraphStore.Others g) {
    if (adj == null) return;
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int k = runs(a);
      int j = runOf(a, k, name);
      if (j < 0) return;
      int e0 = 1 + 2 * k;
      int to = runEnd(a, j);
      for (int i = runStart(a, j); i < to; i++) g.add(row, (GraphStore.Entry) a[e0 + i]);
      return;
    }
    for (Relation r : ((ConcurrentHashMap<Object, Relation>) adj).values()) {
      if (name.equals(r.name())) g.add(row, other(r, incoming));
    }
  }

  @SuppressWarnings("unchecked")
  static boolean forEachOther(Object adj, String name, boolean incoming, Predicate<? super Twin> visitor) {
    if (adj == null) return true;
    if (adj instanceof Object[]) {
      Object[] a = (Object[]) adj;
      int k = runs(a);
      int e0 = 1 + 2 * k;
      int from = 0;
      int to = count(a);
      if (name != null) {
        int j = runOf(a, k, name);
        if (j < 0) return true;
        from = runStart(a, j);
        to = runEnd(a, j);
      }
      for (int i = from; i < to; i++) {
        Twin t = ((GraphStore.Entry) a[e0 + i]).twin;
        if (t != null && !visitor.test(t)) return false;
      }
      return true;
    }
    TwinAccess.RelationMaker rm = RELATIONS;
    for (Relation r : ((ConcurrentHashMap<Object, Relation>) adj).values()) {
      if (name != null && !name.equals(r.name())) continue;
      Twin t = (incoming ? rm.source(r) : rm.target(r)).twin;
      if (t != null && !visitor.test(t)) return false;
    }
    return true;
  }
}
