package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.configuration2.Configuration;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * TinkerGraph through its structure API ({@code addVertex}, {@code addEdge}, {@code vertices(id)},
 * {@code Vertex.vertices(OUT, label)}, {@code property}): the twin id is the vertex id, the kind
 * its label, each relationship an edge labelled with its name whose id is
 * {@code source/relationshipId}. Not thread-safe for writes.
 */
class TinkerGraphEngine implements Engine {
  private final Configuration configuration;
  TinkerGraph graph;
  long twins;
  long relationships;

  TinkerGraphEngine() {
    this(null);
  }

  /**
   * A graph opened with TinkerGraph's own settings, e.g. a {@code gremlin.tinkergraph.graphLocation}
   * and {@code graphFormat}: TinkerGraph then reads that file as it opens (if it exists) and
   * writes the whole graph to it on {@link TinkerGraph#close()}, and only then.
   *
   * @param configuration the settings, or {@code null} for the defaults (nothing kept)
   */
  TinkerGraphEngine(Configuration configuration) {
    this.configuration = configuration;
    this.graph = open();
  }

  private TinkerGraph open() {
    return configuration == null ? TinkerGraph.open() : TinkerGraph.open(configuration);
  }

  @Override
  public String name() {
    return "tinkergraph";
  }

  @Override
  public void load(PeerPortfolio p) {
    graph = open();
    Vertex[] vertices = new Vertex[p.twinCount()];
    for (int i = 0; i < p.twinCount(); i++) {
      String[] names = p.propertyNames(i);
      Object[] values = p.propertyValues(i);
      Object[] keyValues = new Object[4 + 2 * names.length];
      keyValues[0] = T.label;
      keyValues[1] = p.kind(i).label();
      keyValues[2] = T.id;
      keyValues[3] = p.id(i);
      for (int k = 0; k < names.length; k++) {
        keyValues[4 + 2 * k] = names[k];
        keyValues[5 + 2 * k] = values[k];
      }
      vertices[i] = graph.addVertex(keyValues);
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      vertices[p.source(r)].addEdge(p.relationshipName(r), vertices[p.target(r)],
          T.id, p.id(p.source(r)) + "/" + p.relationshipId(r));
    }
    twins = p.twinCount();
    relationships = p.relationshipCount();
  }

  @Override
  public long twinCount() {
    return count(graph.vertices());
  }

  @Override
  public long relationshipCount() {
    return count(graph.edges());
  }

  static long count(Iterator<?> it) {
    long n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  Vertex vertex(String id) {
    Iterator<Vertex> it = graph.vertices(id);
    if (!it.hasNext()) throw new NoSuchElementException("no vertex " + id);
    return it.next();
  }

  @Override
  public double read(String id, String property) {
    return ((Number) vertex(id).value(property)).doubleValue();
  }

  @Override
  public void update(String id, String property, double value, Object prepared) {
    vertex(id).property(property, value);
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    List<Vertex> frontier = List.of(vertex(startId));
    for (String step : scope.path()) {
      List<Vertex> next = new ArrayList<>();
      for (Vertex v : frontier) v.vertices(Direction.OUT, step).forEachRemaining(next::add);
      frontier = next;
    }
    List<String> out = new ArrayList<>();
    for (Vertex v : frontier) {
      VertexProperty<Object> kind = v.property("kind");
      if (!kind.isPresent() || !"temperature".equals(kind.value())) continue;
      VertexProperty<Object> value = v.property("value");
      if (value.isPresent() && ((Number) value.value()).doubleValue() > threshold) out.add((String) v.id());
    }
    return out;
  }

  @Override
  public boolean threadSafe() {
    return false;
  }

  @Override
  public void close() {
    graph.close();
    graph = TinkerGraph.open();
  }
}
