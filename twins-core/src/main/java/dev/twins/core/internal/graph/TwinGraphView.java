package dev.twins.core.internal.graph;

import dev.twins.core.graph.GraphFilter;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.Relationship;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A read-only JGraphT view of a live twin graph: vertices are twin ids, edges are {@link Relation}
 * snapshots, directed from source to target; several relationships may join the same twins, and a
 * relationship from a twin to itself is a self loop (when the graph allows them). Nothing is copied:
 * every call reads the graph's current state, so the view sees every write.
 *
 * <p>{@link #vertexSet()} and {@link #edgeSet()} are live, unmodifiable views (their iterators are
 * weakly consistent, like those of the concurrent collections; the vertex count is cheap, the edge
 * count of a filtered view counts its edges). The edge sets of one vertex
 * ({@link #outgoingEdgesOf}, ...) are snapshots taken at the call. An edge is the latest snapshot
 * of its relationship: after an update, the view holds the new snapshot and no longer the old one.
 * Every edge weighs {@link Graph#DEFAULT_EDGE_WEIGHT}; wrap the view in
 * {@code org.jgrapht.graph.AsWeightedGraph} to weigh edges by a relationship property.
 *
 * <p>Mutators throw {@link UnsupportedOperationException}.
 */
public final class TwinGraphView extends AbstractGraph<String, Relation> {
  private final GraphStore store;
  private final GraphFilter filter;
  /** The twin models that are vertices; null for every model. */
  private final Set<Dtmi> covered;
  /** The relationship names that are edges; null for every name. */
  private final Set<String> names;
  private final GraphType type;
  private final Set<String> vertices = new Vertices();
  private final Set<Relation> edges = new Edges();

  private TwinGraphView(GraphStore store, GraphFilter filter, Set<Dtmi> covered, Set<String> names) {
    this.store = store;
    this.filter = filter;
    this.covered = covered;
    this.names = names;
    this.type = (store.options().allowSelfRelationships() ? DefaultGraphType.directedPseudograph()
        : DefaultGraphType.directedMultigraph()).asUnmodifiable();
  }

  /**
   * Makes a view.
   *
   * @param store the graph
   * @param filter the models and relationship names to show
   * @return the view
   * @throws IllegalArgumentException if a model of the filter is not in the graph's models, or no
   *     model declares a Relationship of one of its names
   */
  public static TwinGraphView of(GraphStore store, GraphFilter filter) {
    Objects.requireNonNull(filter, "filter");
    Models models = store.models();
    Set<Dtmi> covered = null;
    if (!filter.models().isEmpty()) {
      covered = new HashSet<>();
      for (Dtmi m : filter.models()) {
        if (models.get(m).isEmpty()) {
          throw new IllegalArgumentException("model " + m + " of the graph filter is not in the graph's models");
        }
        covered.addAll(models.subtypes(m));
      }
      covered = Set.copyOf(covered);
    }
    Set<String> names = null;
    if (!filter.relationships().isEmpty()) {
      for (String name : filter.relationships()) {
        if (!declared(models, name)) {
          throw new IllegalArgumentException("no model declares a Relationship named '" + name
              + "' (relationship filter of the graph view)");
        }
      }
      names = filter.relationships();
    }
    return new TwinGraphView(store, filter, covered, names);
  }

  private static boolean declared(Models models, String name) {
    for (Interface i : models.interfaces()) {
      Content c = i.contents().get(name);
      if (c instanceof Relationship) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ filters

  private boolean coversTwin(String id) {
    Optional<Twin> t = store.get(id);
    return t.isPresent() && (covered == null || covered.contains(t.get().model()));
  }

  /** An outgoing edge of a vertex of this view: its name and target must pass. */
  private boolean keepsOut(Relation r) {
    return (names == null || names.contains(r.name())) && (covered == null || coversTwin(r.targetId()));
  }

  /** An incoming edge of a vertex of this view: its name and source must pass. */
  private boolean keepsIn(Relation r) {
    return (names == null || names.contains(r.name())) && (covered == null || coversTwin(r.sourceId()));
  }

  private Collection<Relation> out(String v) {
    Collection<Relation> out = containsVertex(v) ? store.outgoingView(v) : null;
    if (out == null) throw noVertex(v);
    return out;
  }

  private Collection<Relation> in(String v) {
    Collection<Relation> in = containsVertex(v) ? store.incomingView(v) : null;
    if (in == null) throw noVertex(v);
    return in;
  }

  private IllegalArgumentException noVertex(String v) {
    Objects.requireNonNull(v, "vertex");
    return new IllegalArgumentException("no such vertex in graph: twin " + v + (covered == null ? ""
        : " (or it is not of the models of " + filter + ")"));
  }

  // ------------------------------------------------------------------------------------ reads

  @Override
  public Set<Relation> getAllEdges(String sourceVertex, String targetVertex) {
    if (sourceVertex == null || targetVertex == null || !containsVertex(sourceVertex)
        || !containsVertex(targetVertex)) {
      return null;
    }
    Set<Relation> out = new LinkedHashSet<>();
    Collection<Relation> all = store.outgoingView(sourceVertex);
    if (all != null) {
      for (Relation r : all) if (r.targetId().equals(targetVertex) && keepsOut(r)) out.add(r);
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public Relation getEdge(String sourceVertex, String targetVertex) {
    if (sourceVertex == null || targetVertex == null || !containsVertex(sourceVertex)
        || !containsVertex(targetVertex)) {
      return null;
    }
    Collection<Relation> all = store.outgoingView(sourceVertex);
    if (all != null) {
      for (Relation r : all) if (r.targetId().equals(targetVertex) && keepsOut(r)) return r;
    }
    return null;
  }

  @Override
  public boolean containsEdge(Relation e) {
    if (e == null || !containsVertex(e.sourceId())) return false;
    Optional<Relation> now = store.relation(e.sourceId(), e.id());
    return now.isPresent() && now.get().equals(e) && keepsOut(e);
  }

  @Override
  public boolean containsVertex(String v) {
    return v != null && coversTwin(v);
  }

  @Override
  public Set<Relation> edgeSet() {
    return edges;
  }

  @Override
  public int degreeOf(String vertex) {
    return inDegreeOf(vertex) + outDegreeOf(vertex);
  }

  @Override
  public Set<Relation> edgesOf(String vertex) {
    Set<Relation> all = new LinkedHashSet<>();
    for (Relation r : out(vertex)) if (keepsOut(r)) all.add(r);
    for (Relation r : in(vertex)) if (keepsIn(r)) all.add(r);
    return Collections.unmodifiableSet(all);
  }

  @Override
  public int inDegreeOf(String vertex) {
    if (names == null && covered == null) return in(vertex).size();
    int n = 0;
    for (Relation r : in(vertex)) if (keepsIn(r)) n++;
    return n;
  }

  @Override
  public Set<Relation> incomingEdgesOf(String vertex) {
    Set<Relation> set = new LinkedHashSet<>();
    for (Relation r : in(vertex)) if (keepsIn(r)) set.add(r);
    return Collections.unmodifiableSet(set);
  }

  @Override
  public int outDegreeOf(String vertex) {
    if (names == null && covered == null) return out(vertex).size();
    int n = 0;
    for (Relation r : out(vertex)) if (keepsOut(r)) n++;
    return n;
  }

  @Override
  public Set<Relation> outgoingEdgesOf(String vertex) {
    Set<Relation> set = new LinkedHashSet<>();
    for (Relation r : out(vertex)) if (keepsOut(r)) set.add(r);
    return Collections.unmodifiableSet(set);
  }

  @Override
  public Set<String> vertexSet() {
    return vertices;
  }

  /** Returns the relationship's source; the edge need not be in the view (it is a snapshot). */
  @Override
  public String getEdgeSource(Relation e) {
    return e.sourceId();
  }

  /** Returns the relationship's target; the edge need not be in the view (it is a snapshot). */
  @Override
  public String getEdgeTarget(Relation e) {
    return e.targetId();
  }

  @Override
  public GraphType getType() {
    return type;
  }

  @Override
  public double getEdgeWeight(Relation e) {
    Objects.requireNonNull(e, "edge");
    return Graph.DEFAULT_EDGE_WEIGHT;
  }

  /** @return the filter of this view */
  public GraphFilter filter() {
    return filter;
  }

  /** Renders the vertex count and the filter only. */
  @Override
  public String toString() {
    return "TwinGraphView[vertices=" + vertices.size() + ", " + filter + "]";
  }

  // ------------------------------------------------------------------------------------ mutators

  private UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("this JGraphT view of a twin graph is read-only; "
        + "change the graph through Twins (createTwin, relate, delete, ...)");
  }

  @Override
  public Supplier<String> getVertexSupplier() {
    return null;
  }

  @Override
  public Supplier<Relation> getEdgeSupplier() {
    return null;
  }

  @Override
  public Relation addEdge(String sourceVertex, String targetVertex) {
    throw readOnly();
  }

  @Override
  public boolean addEdge(String sourceVertex, String targetVertex, Relation e) {
    throw readOnly();
  }

  @Override
  public String addVertex() {
    throw readOnly();
  }

  @Override
  public boolean addVertex(String v) {
    throw readOnly();
  }

  @Override
  public Relation removeEdge(String sourceVertex, String targetVertex) {
    throw readOnly();
  }

  @Override
  public boolean removeEdge(Relation e) {
    throw readOnly();
  }

  @Override
  public boolean removeVertex(String v) {
    throw readOnly();
  }

  @Override
  public boolean removeAllEdges(Collection<? extends Relation> edges) {
    throw readOnly();
  }

  @Override
  public Set<Relation> removeAllEdges(String sourceVertex, String targetVertex) {
    throw readOnly();
  }

  @Override
  public boolean removeAllVertices(Collection<? extends String> vertices) {
    throw readOnly();
  }

  @Override
  public void setEdgeWeight(Relation e, double weight) {
    throw readOnly();
  }

  // ------------------------------------------------------------------------------------ live sets

  /** The twin ids of the view, read from the graph's model index. */
  private final class Vertices extends AbstractSet<String> {
    @Override
    public boolean contains(Object o) {
      return o instanceof String && containsVertex((String) o);
    }

    @Override
    public Iterator<String> iterator() {
      // each id is taken from the set of its current model only, so a twin whose model changes
      // during the iteration is not returned twice
      return store.modelIndex().entrySet().stream()
          .filter(e -> covered == null || covered.contains(e.getKey()))
          .flatMap(e -> e.getValue().stream().filter(id -> hasModel(id, e.getKey())))
          .iterator();
    }

    @Override
    public int size() {
      int n = 0;
      for (Map.Entry<Dtmi, Set<String>> e : store.modelIndex().entrySet()) {
        if (covered == null || covered.contains(e.getKey())) n += e.getValue().size();
      }
      return n;
    }

    private boolean hasModel(String id, Dtmi model) {
      Optional<Twin> t = store.get(id);
      return t.isPresent() && t.get().model().equals(model);
    }
  }

  /** The relationships of the view, read from each vertex's outgoing relationships. */
  private final class Edges extends AbstractSet<Relation> {
    @Override
    public boolean contains(Object o) {
      return o instanceof Relation && containsEdge((Relation) o);
    }

    @Override
    public Iterator<Relation> iterator() {
      return vertices.stream()
          .flatMap(v -> {
            Collection<Relation> out = store.outgoingView(v);
            return out == null ? java.util.stream.Stream.<Relation>empty() : out.stream().filter(TwinGraphView.this::keepsOut);
          })
          .iterator();
    }

    @Override
    public int size() {
      if (names == null && covered == null) return (int) Math.min(Integer.MAX_VALUE, store.relationCount());
      int n = 0;
      for (Iterator<Relation> it = iterator(); it.hasNext(); it.next()) n++;
      return n;
    }
  }
}
