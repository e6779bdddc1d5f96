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

/**
 * One twin's outgoing or incoming relationships: a small copy-on-write array (most twins have a
 * handful), or above {@link #SMALL} entries a concurrent map. Writers hold the twin's lock and
 * store the result of each change; readers read the current value without a lock and see either
 * an immutable array or the live map. Outgoing relationships are keyed by id, incoming ones by
 * source and id. Empty adjacency is null, so a twin has relationships exactly when one of its
 * two adjacencies is not null.
 */
final class Adjacency {
  /** The largest array; beyond it, a map (so a twin with many relationships is not copied per change). */
  static final int SMALL = 64;

  private static final TwinAccess.RelationMaker RELATIONS = TwinAccess.relations();

  private Adjacency() {}

  /** The key of an incoming relationship in a map. */
  private record InKey(String sourceId, String id) {}

  private static Object key(Relation r, boolean incoming) {
    return incoming ? new InKey(r.sourceId(), r.id()) : r.id();
  }

  private static boolean matches(Relation r, String sourceId, String id) {
    return r.id().equals(id) && (sourceId == null || r.sourceId().equals(sourceId));
  }

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
    if (adj instanceof Relation[]) {
      for (Relation r : (Relation[]) adj) if (matches(r, sourceId, id)) return r;
      return null;
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
    if (adj instanceof Relation[]) {
      Relation[] a = (Relation[]) adj;
      String src = incoming ? r.sourceId() : null;
      for (int i = 0; i < a.length; i++) {
        if (matches(a[i], src, r.id())) {
          Relation[] b = a.clone();
          b[i] = r;
          return b;
        }
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
    if (adj == null) return new Relation[] {r};
    if (adj instanceof Relation[]) {
      Relation[] a = (Relation[]) adj;
      if (a.length < SMALL) {
        Relation[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = r;
        return b;
      }
      ConcurrentHashMap<Object, Relation> m = new ConcurrentHashMap<>(a.length * 2);
      for (Relation x : a) m.put(key(x, incoming), x);
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
    if (adj instanceof Relation[]) {
      Relation[] a = (Relation[]) adj;
      for (int i = 0; i < a.length; i++) {
        if (matches(a[i], sourceId, id)) {
          if (a.length == 1) return null;
          Relation[] b = new Relation[a.length - 1];
          System.arraycopy(a, 0, b, 0, i);
          System.arraycopy(a, i + 1, b, i, a.length - i - 1);
          return b;
        }
      }
      return adj;
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
    if (adj instanceof Relation[]) return ((Relation[]) adj).length;
    return ((ConcurrentHashMap<?, ?>) adj).size();
  }

  /**
   * @param adj the adjacency
   * @return its relationships, unmodifiable (a snapshot for arrays, a live view for maps)
   */
  @SuppressWarnings("unchecked")
  static Collection<Relation> view(Object adj) {
    if (adj == null) return List.of();
    if (adj instanceof Relation[]) return Collections.unmodifiableList(Arrays.asList((Relation[]) adj));
    return Collections.unmodifiableCollection(((ConcurrentHashMap<Object, Relation>) adj).values());
  }

  /**
   * Visits the relationships, optionally of one name, without copying them: an array is read as the
   * immutable snapshot it is, a map through its weakly consistent view (each relationship at most
   * once).
   *
   * @param adj the adjacency (null when empty)
   * @param name a Relationship name, or null for all
   * @param action called with each relationship
   */
  @SuppressWarnings("unchecked")
  static void forEach(Object adj, String name, Consumer<? super Relation> action) {
    if (adj == null) return;
    if (adj instanceof Relation[]) {
      for (Relation r : (Relation[]) adj) if (name == null || name.equals(r.name())) action.accept(r);
      return;
    }
    for (Relation r : ((ConcurrentHashMap<Object, Relation>) adj).values()) {
      if (name == null || name.equals(r.name())) action.accept(r);
    }
  }

  /**
   * Visits the relationships, optionally of one name, with the current state of the twin at their
   * other end, read from the entry the relationship references (no lookup by id). A relationship
   * whose other twin is gone (read from an array replaced meanwhile) is skipped.
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
    TwinAccess.RelationMaker rm = RELATIONS;
    if (adj instanceof Relation[]) {
      for (Relation r : (Relation[]) adj) {
        if (name != null && !name.equals(r.name())) continue;
        Twin t = (incoming ? rm.source(r) : rm.target(r)).twin;
        if (t != null && !visitor.visit(r, t)) return false;
      }
      return true;
    }
    for (Relation r : ((ConcurrentHashMap<Object, Relation>) adj).values()) {
      if (name != null && !name.equals(r.name())) continue;
      Twin t = (incoming ? rm.source(r) : rm.target(r)).twin;
      if (t != null && !visitor.visit(r, t)) return false;
    }
    return true;
  }
}
