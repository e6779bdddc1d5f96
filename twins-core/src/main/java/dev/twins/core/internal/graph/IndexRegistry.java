package dev.twins.core.internal.graph;

import dev.twins.core.graph.Indexes;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.ValueRange;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.Property;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The property-value indexes of one graph ({@link Indexes}), kept by listening to the graph's
 * commits ({@link GraphStore.StateListener}).
 *
 * <p>Concurrency: indexes are created, dropped and changed only while the graph's commit section is
 * held (inside a commit, or under {@link GraphStore#withCommitsPaused}), so each index has one
 * writer at a time and is always equal to the state of the last commit. Lookups read the index map
 * and the indexes' concurrent sorted maps without locks; only the first lookup of an undeclared
 * index waits, while it builds.
 */
public final class IndexRegistry implements Indexes, GraphStore.StateListener {
  private static final PropertyIndex[] NONE = new PropertyIndex[0];

  private final GraphStore store;
  private final ConcurrentHashMap<IndexId, PropertyIndex> indexes = new ConcurrentHashMap<>();
  /** The indexes that cover each twin model; replaced (never changed) in the commit section. */
  private volatile Map<Dtmi, PropertyIndex[]> byTwinModel = Map.of();

  private record IndexId(String model, String property) {}

  private IndexRegistry(GraphStore store) {
    this.store = store;
  }

  /**
   * Creates the indexes of a graph and starts listening to its commits.
   *
   * @param store the graph
   * @return the indexes, none yet
   */
  public static IndexRegistry attach(GraphStore store) {
    IndexRegistry r = new IndexRegistry(Objects.requireNonNull(store, "store"));
    store.addStateListener(r);
    return r;
  }

  // ------------------------------------------------------------------------------------ Indexes

  @Override
  public Info declare(String model, String property) {
    return index(model, property, true, null).info();
  }

  @Override
  public boolean drop(String model, String property) {
    IndexId key = new IndexId(Objects.requireNonNull(model, "model"), Objects.requireNonNull(property, "property"));
    boolean[] dropped = new boolean[1];
    store.withCommitsPaused(() -> {
      dropped[0] = indexes.remove(key) != null;
      if (dropped[0]) rebuildCoverage();
    });
    return dropped[0];
  }

  @Override
  public Optional<Info> info(String model, String property) {
    PropertyIndex idx = indexes.get(new IndexId(model, property));
    return idx == null ? Optional.empty() : Optional.of(idx.info());
  }

  @Override
  public List<Info> list() {
    List<Info> out = new ArrayList<>();
    for (PropertyIndex idx : indexes.values()) out.add(idx.info());
    out.sort(Comparator.comparing(Info::model).thenComparing(Info::property));
    return out;
  }

  @Override
  public List<String> ids(String model, String property, ValueRange range) {
    Objects.requireNonNull(range, "range");
    PropertyIndex idx = index(model, property, false, range);
    return Collections.unmodifiableList(idx.ids(idx.bounds(range)));
  }

  @Override
  public List<Twin> twins(String model, String property, ValueRange range) {
    Objects.requireNonNull(range, "range");
    PropertyIndex idx = index(model, property, false, range);
    PropertyIndex.Bounds b = idx.bounds(range);
    List<Twin> out = new ArrayList<>();
    for (String id : idx.ids(b)) {
      Optional<Twin> t = store.get(id);
      if (t.isPresent() && idx.holds(t.get(), b)) out.add(t.get());
    }
    return Collections.unmodifiableList(out);
  }

  /** Renders the number of indexes, e.g. {@code Indexes[3]}. */
  @Override
  public String toString() {
    return "Indexes[" + indexes.size() + "]";
  }

  // ------------------------------------------------------------------------------------ building

  /**
   * Finds or builds an index.
   *
   * @param declare whether to declare it
   * @param range a range to check against the index's kind before a build (so a bad lookup builds
   *     nothing), or null
   */
  private PropertyIndex index(String model, String property, boolean declare, ValueRange range) {
    IndexId key = new IndexId(Objects.requireNonNull(model, "model"), Objects.requireNonNull(property, "property"));
    PropertyIndex idx = indexes.get(key);
    if (idx != null && (!declare || idx.declared())) return idx;
    PropertyIndex made = resolve(model, property, declare);
    if (range != null) made.bounds(range);
    PropertyIndex[] result = new PropertyIndex[1];
    store.withCommitsPaused(() -> {
      PropertyIndex existing = indexes.get(key);
      if (existing != null) {
        if (declare) existing.markDeclared();
        result[0] = existing;
        return;
      }
      for (Twin t : store.twinsOfModel(Dtmi.of(model))) {
        Object k = made.key(t);
        if (k != null) made.add(t.id(), k);
      }
      indexes.put(key, made);
      rebuildCoverage();
      result[0] = made;
    });
    return result[0];
  }

  /** Checks the model and property and makes an empty index for them. */
  private PropertyIndex resolve(String model, String property, boolean declare) {
    Models models = store.models();
    if (!Dtmi.isValid(model)) throw new IllegalArgumentException("'" + model + "' is not a DTMI");
    Interface iface = models.get(model).orElseThrow(() -> new IllegalArgumentException("model " + model
        + " is not in the graph's models"));
    Interface owner = iface;
    String name = property;
    int slash = property.indexOf('/');
    if (slash >= 0) {
      String component = property.substring(0, slash);
      Content c = iface.contents().get(component);
      if (!(c instanceof Component)) {
        throw new IllegalArgumentException("'" + component + "' is not a Component of " + model + (c == null ? ""
            : " (it is a " + c.getClass().getSimpleName() + ")") + "; use component/property for component properties");
      }
      owner = ((Component) c).schema();
      name = property.substring(slash + 1);
    }
    Content c = owner.contents().get(name);
    if (!(c instanceof Property)) {
      throw new IllegalArgumentException("'" + name + "' is not a Property of " + owner.id()
          + (c == null ? "" : " (it is a " + c.getClass().getSimpleName() + ")")
          + (owner == iface ? "" : ", the schema of component '" + property.substring(0, slash) + "'"));
    }
    Property p = (Property) c;
    if (PropertyIndex.kindOf(p.schema()) == null) {
      throw new IllegalArgumentException("property '" + property + "' of " + model + " is a " + p.schema().describe()
          + "; only properties with scalar schemas (numbers, boolean, string, dateTime, date, time, duration, uuid, "
          + "Enums) can be indexed");
    }
    return new PropertyIndex(model, property, models.subtypes(iface.id()), p.schema(), declare);
  }

  /** Recomputes which indexes cover each twin model; in the commit section only. */
  private void rebuildCoverage() {
    Map<Dtmi, List<PropertyIndex>> lists = new HashMap<>();
    for (PropertyIndex idx : indexes.values()) {
      for (Dtmi m : idx.covered) lists.computeIfAbsent(m, k -> new ArrayList<>()).add(idx);
    }
    Map<Dtmi, PropertyIndex[]> out = new HashMap<>();
    for (Map.Entry<Dtmi, List<PropertyIndex>> e : lists.entrySet()) {
      out.put(e.getKey(), e.getValue().toArray(NONE));
    }
    byTwinModel = Map.copyOf(out);
  }

  // ------------------------------------------------------------------------------------ StateListener

  @Override
  public void twinChanged(Twin before, Twin after) {
    Map<Dtmi, PropertyIndex[]> cover = byTwinModel;
    if (cover.isEmpty()) return;
    PropertyIndex[] a = after == null ? NONE : cover.getOrDefault(after.model(), NONE);
    PropertyIndex[] b = before == null ? NONE
        : after != null && before.model().equals(after.model()) ? a : cover.getOrDefault(before.model(), NONE);
    String id = after != null ? after.id() : before.id();
    for (PropertyIndex idx : a) {
      idx.move(id, b == a || contains(b, idx) ? idx.key(before) : null, idx.key(after));
    }
    if (b != a) {
      for (PropertyIndex idx : b) {
        if (!contains(a, idx)) idx.move(id, idx.key(before), null);
      }
    }
  }

  private static boolean contains(PropertyIndex[] list, PropertyIndex idx) {
    for (PropertyIndex i : list) if (i == idx) return true;
    return false;
  }

  @Override
  public void modelsExtended(Models models) {
    // new models may extend indexed ones; no twin has them yet, so only the coverage changes
    for (PropertyIndex idx : indexes.values()) idx.covered = Set.copyOf(models.subtypes(Dtmi.of(idx.model)));
    rebuildCoverage();
  }

  @Override
  public void relationChanged(Relation before, Relation after) {
    // relationships are not indexed by property value
  }
}
