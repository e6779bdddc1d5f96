package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.List;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * TinkerGraph through Gremlin traversals, embedded: {@code addV}/{@code addE} per twin and
 * relationship, {@code g.V(id).values(p)}, {@code g.V(id).property(p, v)}, and the scoped query as
 * {@code g.V(id).out(...)...has("kind", "temperature").has("value", gt(t)).id()}. Same graph
 * layout as {@link TinkerGraphEngine}.
 */
final class GremlinEngine extends TinkerGraphEngine {
  private GraphTraversalSource g = graph.traversal();

  @Override
  public String name() {
    return "gremlin";
  }

  @Override
  public void load(PeerPortfolio p) {
    graph = TinkerGraph.open();
    g = graph.traversal();
    for (int i = 0; i < p.twinCount(); i++) {
      String[] names = p.propertyNames(i);
      Object[] values = p.propertyValues(i);
      GraphTraversal<Vertex, Vertex> t = g.addV(p.kind(i).label()).property(T.id, p.id(i));
      for (int k = 0; k < names.length; k++) t = t.property(names[k], values[k]);
      t.iterate();
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      String source = p.id(p.source(r));
      g.V(source).addE(p.relationshipName(r)).to(__.V(p.id(p.target(r))))
          .property(T.id, source + "/" + p.relationshipId(r)).iterate();
    }
    twins = p.twinCount();
    relationships = p.relationshipCount();
  }

  @Override
  public long twinCount() {
    return g.V().count().next();
  }

  @Override
  public long relationshipCount() {
    return g.E().count().next();
  }

  @Override
  public double read(String id, String property) {
    return ((Number) g.V(id).values(property).next()).doubleValue();
  }

  @Override
  public void update(String id, String property, double value, Object prepared) {
    g.V(id).property(property, value).iterate();
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    GraphTraversal<Vertex, Vertex> t = g.V(startId);
    for (String step : scope.path()) t = t.out(step);
    List<String> out = new ArrayList<>();
    t.has("kind", "temperature").has("value", P.gt(threshold)).id().forEachRemaining(id -> out.add((String) id));
    return out;
  }

  @Override
  public void close() {
    super.close();
    g = graph.traversal();
  }
}
