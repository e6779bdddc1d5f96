package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The floor of what hand-written code costs: a JGraphT {@link DirectedMultigraph} of twin ids
 * with one edge object per relationship, and a {@link HashMap} of property values per twin. No
 * models, no validation, no versions, no events, not thread-safe.
 */
final class JGraphTEngine implements Engine {
  /** A relationship: an edge compared by identity, as JGraphT's edges must be unique. */
  static final class Edge {
    final String id;
    final String name;

    Edge(String id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  private Graph<String, Edge> graph = new DirectedMultigraph<>(Edge.class);
  private Map<String, Map<String, Object>> properties = new HashMap<>();

  @Override
  public String name() {
    return "jgrapht";
  }

  @Override
  public void load(PeerPortfolio p) {
    graph = new DirectedMultigraph<>(Edge.class);
    properties = new HashMap<>();
    for (int i = 0; i < p.twinCount(); i++) {
      String id = p.id(i);
      graph.addVertex(id);
      String[] names = p.propertyNames(i);
      Object[] values = p.propertyValues(i);
      Map<String, Object> map = new HashMap<>();
      for (int k = 0; k < names.length; k++) map.put(names[k], values[k]);
      properties.put(id, map);
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      graph.addEdge(p.id(p.source(r)), p.id(p.target(r)), new Edge(p.relationshipId(r), p.relationshipName(r)));
    }
  }

  /** @return the graph of twin ids */
  Graph<String, Edge> graph() {
    return graph;
  }

  /** @return the property values by twin id */
  Map<String, Map<String, Object>> properties() {
    return properties;
  }

  @Override
  public long twinCount() {
    return graph.vertexSet().size();
  }

  @Override
  public long relationshipCount() {
    return graph.edgeSet().size();
  }

  @Override
  public double read(String id, String property) {
    return ((Number) properties.get(id).get(property)).doubleValue();
  }

  @Override
  public void update(String id, String property, double value, Object prepared) {
    properties.get(id).put(property, value);
  }

  @Override
  public List<String> hotSensors(String startId, Scope scope, double threshold) {
    List<String> frontier = List.of(startId);
    for (String step : scope.path()) {
      List<String> next = new ArrayList<>();
      for (String id : frontier) {
        for (Edge e : graph.outgoingEdgesOf(id)) if (e.name.equals(step)) next.add(graph.getEdgeTarget(e));
      }
      frontier = next;
    }
    List<String> out = new ArrayList<>();
    for (String id : frontier) {
      Map<String, Object> p = properties.get(id);
      if ("temperature".equals(p.get("kind")) && p.get("value") instanceof Number v && v.doubleValue() > threshold) {
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public boolean threadSafe() {
    return false;
  }

  @Override
  public void close() {
    graph = new DirectedMultigraph<>(Edge.class);
    properties = new HashMap<>();
  }
}
