package dev.twins.bench;

import dev.twins.bench.BuildingPortfolio.Kind;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.Scope;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * The five queries of {@link QueryBenchmark} as Gremlin traversals on an embedded TinkerGraph
 * loaded from the same {@link BuildingPortfolio}: a vertex per twin (the twin id as vertex id, the
 * model DTMI as label, every property), an edge per relationship (its name as label, {@code
 * source/relationshipId} as id). Series samples are a list-cardinality vertex property {@value
 * #SAMPLES} per twin, one value per sample with its epoch-millisecond time as the meta-property
 * {@value #TIME}: how TinkerPop stores several timed values of one key.
 */
final class GremlinQueries {
  /** The multi-property holding a twin's samples of its {@code value} series. */
  static final String SAMPLES = "valueSamples";
  /** The meta-property of a sample: its time in epoch milliseconds. */
  static final String TIME = "time";

  private final TinkerGraph graph = TinkerGraph.open();
  private final GraphTraversalSource g = graph.traversal();

  /**
   * Loads a portfolio, twins then relationships, through the structure API.
   *
   * @param p the portfolio
   * @param samples per twin index, the series values (or null for none)
   * @param times the sample times, shared by every twin (or null)
   */
  GremlinQueries(BuildingPortfolio p, double[][] samples, long[] times) {
    Vertex[] vertices = new Vertex[p.twinCount()];
    for (int i = 0; i < p.twinCount(); i++) {
      Map<String, Object> props = p.properties(i);
      Object[] keyValues = new Object[4 + 2 * props.size()];
      keyValues[0] = T.label;
      keyValues[1] = p.kind(i).model();
      keyValues[2] = T.id;
      keyValues[3] = p.id(i);
      int k = 4;
      for (Map.Entry<String, Object> e : props.entrySet()) {
        keyValues[k++] = e.getKey();
        keyValues[k++] = e.getValue();
      }
      Vertex v = graph.addVertex(keyValues);
      vertices[i] = v;
      if (samples != null) {
        for (int s = 0; s < times.length; s++) {
          v.property(VertexProperty.Cardinality.list, SAMPLES, samples[i][s], TIME, times[s]);
        }
      }
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      vertices[p.source(r)].addEdge(p.relationshipName(r), vertices[p.target(r)],
          T.id, p.id(p.source(r)) + "/" + p.relationshipId(r));
    }
  }

  /**
   * {@code SELECT * FROM DIGITALTWINS T WHERE T.$dtId = id}: the vertex with its properties.
   *
   * @param id the twin id
   * @return the id, label and properties of the vertex, or none
   */
  List<Map<Object, Object>> lookup(String id) {
    return g.V(id).elementMap().toList();
  }

  /**
   * {@code SELECT COUNT() ... WHERE IS_OF_MODEL(T, Room)}.
   *
   * @return the number of rooms
   */
  long countRooms() {
    return g.V().hasLabel(Kind.ROOM.model()).count().next();
  }

  /**
   * The temperature sensors above 22 under a building: three hops out, then the filter.
   *
   * @param building the building id
   * @return one map per sensor: {@code $dtId} and {@code value}
   */
  List<Map<String, Object>> sensorsOfBuilding(String building) {
    return g.V(building).out(BuildingPortfolio.HAS_PART).out(BuildingPortfolio.HAS_PART)
        .out(BuildingPortfolio.CONTAINS).has("kind", "temperature").has("value", P.gt(22.0))
        .<Object>project("$dtId", "value").by(T.id).by("value").toList();
  }

  /**
   * Per floor with rooms, the number of rooms and their mean temperature: the floors grouped by id,
   * each with its rooms' temperatures folded into a count and a mean. (Faster on TinkerGraph than
   * grouping every room by a path label back to its floor, {@code as('f')...select('f')}, which
   * makes each traverser carry its path.)
   *
   * @return by floor id, a map of {@code rooms} and {@code temperature}
   */
  Map<Object, Object> roomsPerFloor() {
    return g.V().hasLabel(Kind.FLOOR.model()).where(__.out(BuildingPortfolio.HAS_PART).hasLabel(Kind.ROOM.model()))
        .group().by(T.id)
        .by(__.out(BuildingPortfolio.HAS_PART).hasLabel(Kind.ROOM.model()).values("temperature").fold()
            .project("rooms", "temperature").by(__.count(Scope.local)).by(__.mean(Scope.local)))
        .next();
  }

  /**
   * The twins whose samples in the window {@code [from, to)} have a mean above 22.
   *
   * @param from the window's first millisecond
   * @param to the millisecond after the window
   * @return the twin ids
   */
  List<Object> seriesMean(long from, long to) {
    return g.V().where(__.properties(SAMPLES).has(TIME, P.between(from, to)).value().mean().is(P.gt(22.0)))
        .id().toList();
  }

  /** @return the graph's vertex count, for the check */
  long vertexCount() {
    return g.V().count().next();
  }
}
