package dev.twins.core.graph;

import static dev.twins.core.graph.IndexModels.BUILDING;
import static dev.twins.core.graph.IndexModels.FLOOR;
import static dev.twins.core.graph.IndexModels.MEETING_ROOM;
import static dev.twins.core.graph.IndexModels.ROOM;
import static dev.twins.core.graph.IndexModels.SENSOR;
import static dev.twins.core.graph.IndexModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.Graphs;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsWeightedGraph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class GraphViewTest {

  /**
   * Two buildings: b1 (floors f1, f2; rooms r11, r12 (a meeting room), r21; sensors s1-s3 with
   * s1 feeding s2) and b2 (floor f3), and a sensor s9 on its own.
   */
  static Twins building(Twins.Builder builder) {
    Twins g = builder.build();
    g.createTwin("b1", BUILDING, Map.of("name", "HQ"));
    g.createTwin("b2", BUILDING, Map.of("name", "Annex"));
    for (String f : List.of("f1", "f2", "f3")) g.createTwin(f, FLOOR, Map.of("level", 1));
    g.createTwin("r11", ROOM, room());
    g.createTwin("r12", MEETING_ROOM, room());
    g.createTwin("r21", ROOM, room());
    for (String s : List.of("s1", "s2", "s3", "s9")) g.createTwin(s, SENSOR, Map.of("value", 1.0));
    g.relate("b1", "c-f1", "contains", "f1");
    g.relate("b1", "c-f2", "contains", "f2");
    g.relate("b2", "c-f3", "contains", "f3");
    g.relate("f1", "c-r11", "contains", "r11");
    g.relate("f1", "c-r12", "contains", "r12");
    g.relate("f2", "c-r21", "contains", "r21");
    g.relate("r11", "h-s1", "hasSensor", "s1");
    g.relate("r12", "h-s2", "hasSensor", "s2");
    g.relate("r21", "h-s3", "hasSensor", "s3");
    g.relate("s1", "feeds-s2", "feeds", "s2");
    return g;
  }

  static Twins building() {
    return building(Twins.builder(IndexModels.models()));
  }

  private static Map<String, Object> room() {
    Map<String, Object> m = new HashMap<>();
    m.put("thermostat", Map.of());
    return m;
  }

  private static List<String> names(GraphPath<String, Relation> p) {
    return p.getEdgeList().stream().map(Relation::name).toList();
  }

  @Test
  void shortestPathsRunOnTheView() {
    Twins g = building();
    Graph<String, Relation> view = g.asGraph();

    GraphPath<String, Relation> path = new DijkstraShortestPath<>(view).getPath("b1", "s2");
    assertThat(path.getVertexList()).containsExactly("b1", "f1", "r12", "s2");
    assertThat(names(path)).containsExactly("contains", "contains", "hasSensor");
    assertThat(path.getWeight()).isEqualTo(3.0);

    GraphPath<String, Relation> bfs = BFSShortestPath.findPathBetween(view, "r11", "s2");
    assertThat(bfs.getVertexList()).containsExactly("r11", "s1", "s2");
    assertThat(new DijkstraShortestPath<>(view).getPath("s2", "b1")).as("edges are directed").isNull();
  }

  @Test
  void connectedComponents() {
    Twins g = building();
    List<Set<String>> sets = new ConnectivityInspector<>(g.asGraph()).connectedSets();

    assertThat(sets).hasSize(3);
    assertThat(sets).contains(Set.of("b1", "f1", "f2", "r11", "r12", "r21", "s1", "s2", "s3"),
        Set.of("b2", "f3"), Set.of("s9"));
  }

  @Test
  void theViewAnswersLikeAJGraphTGraph() {
    Twins g = building();
    Graph<String, Relation> view = g.asGraph();

    assertThat(view.vertexSet()).hasSize(12).contains("b1", "s9").doesNotContain("nobody");
    assertThat(view.edgeSet()).hasSize(10);
    assertThat(view.outgoingEdgesOf("f1")).extracting(Relation::id).containsExactlyInAnyOrder("c-r11", "c-r12");
    assertThat(view.incomingEdgesOf("s2")).extracting(Relation::id).containsExactlyInAnyOrder("h-s2", "feeds-s2");
    assertThat(view.edgesOf("s1")).extracting(Relation::id).containsExactlyInAnyOrder("h-s1", "feeds-s2");
    assertThat(view.degreeOf("f1")).isEqualTo(3);
    assertThat(view.inDegreeOf("f1")).isEqualTo(1);
    assertThat(view.outDegreeOf("f1")).isEqualTo(2);
    Relation e = view.getEdge("b1", "f1");
    assertThat(e.id()).isEqualTo("c-f1");
    assertThat(view.getEdgeSource(e)).isEqualTo("b1");
    assertThat(view.getEdgeTarget(e)).isEqualTo("f1");
    assertThat(view.getEdgeWeight(e)).isEqualTo(Graph.DEFAULT_EDGE_WEIGHT);
    assertThat(view.containsEdge(e)).isTrue();
    assertThat(view.containsEdge("b1", "f1")).isTrue();
    assertThat(view.containsEdge("f1", "b1")).isFalse();
    assertThat(view.getEdge("b1", "s1")).isNull();
    assertThat(view.getAllEdges("b1", "nobody")).isNull();
    assertThatThrownBy(() -> view.outgoingEdgesOf("nobody"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
    assertThat(view.getType().isDirected()).isTrue();
    assertThat(view.getType().isAllowingMultipleEdges()).isTrue();
    assertThat(view.getType().isAllowingSelfLoops()).as("ADT refuses self relationships").isFalse();
    assertThat(view.getType().isModifiable()).isFalse();
    assertThat(view.toString()).isEqualTo("TwinGraphView[vertices=12, GraphFilter[models=*, relationships=*]]");
    // a copy through JGraphT's own API equals the view
    Graph<String, Relation> copy = new DirectedPseudograph<>(Relation.class);
    Graphs.addGraph(copy, view);
    assertThat(copy.vertexSet()).isEqualTo(view.vertexSet());
    assertThat(copy.edgeSet()).isEqualTo(view.edgeSet());
  }

  @Test
  void severalRelationshipsBetweenTheSameTwinsAndSelfLoops() {
    Twins g = building(Twins.builder(IndexModels.models()).allowSelfRelationships(true));
    g.relate("s1", "feeds-s2-again", "feeds", "s2");
    g.relate("s3", "feeds-itself", "feeds", "s3");
    Graph<String, Relation> view = g.asGraph();

    assertThat(view.getAllEdges("s1", "s2")).extracting(Relation::id)
        .containsExactlyInAnyOrder("feeds-s2", "feeds-s2-again");
    assertThat(view.getType().isAllowingSelfLoops()).isTrue();
    assertThat(view.getEdge("s3", "s3").id()).isEqualTo("feeds-itself");
    assertThat(view.degreeOf("s3")).as("a loop counts twice").isEqualTo(3);
    assertThat(view.edgesOf("s3")).hasSize(2);
  }

  @Test
  void filteredByModelWithSubtypes() {
    Twins g = building();
    Graph<String, Relation> spaces = g.asGraph(GraphFilter.models(SPACE));

    assertThat(spaces.vertexSet()).containsExactlyInAnyOrder("b1", "b2", "f1", "f2", "f3", "r11", "r12", "r21");
    assertThat(spaces.edgeSet()).extracting(Relation::name).containsOnly("contains").hasSize(6);
    assertThat(spaces.containsVertex("s1")).isFalse();
    assertThat(spaces.outgoingEdgesOf("r11")).as("the hasSensor edge leaves the view").isEmpty();
    assertThat(spaces.containsEdge(g.relation("r11", "h-s1").orElseThrow())).isFalse();
    assertThat(new ConnectivityInspector<>(spaces).connectedSets()).hasSize(2);

    Graph<String, Relation> rooms = g.asGraph(GraphFilter.models(ROOM));
    assertThat(rooms.vertexSet()).containsExactlyInAnyOrder("r11", "r12", "r21");
    assertThat(rooms.edgeSet()).isEmpty();
    Graph<String, Relation> meeting = g.asGraph(GraphFilter.models(MEETING_ROOM, SENSOR));
    assertThat(meeting.vertexSet()).containsExactlyInAnyOrder("r12", "s1", "s2", "s3", "s9");
    assertThat(meeting.edgeSet()).extracting(Relation::id).containsExactlyInAnyOrder("h-s2", "feeds-s2");
    assertThat(meeting.incomingEdgesOf("s2")).hasSize(2);
    assertThat(meeting.incomingEdgesOf("s1")).isEmpty();
  }

  @Test
  void filteredByRelationshipName() {
    Twins g = building();
    Graph<String, Relation> containment = g.asGraph(GraphFilter.relationships("contains"));

    assertThat(containment.vertexSet()).hasSize(12);
    assertThat(containment.edgeSet()).hasSize(6);
    assertThat(containment.outDegreeOf("r11")).isZero();
    assertThat(new ConnectivityInspector<>(containment).connectedSets()).hasSize(2 + 4);
    // the containment hierarchy is acyclic: a topological order puts buildings before floors before rooms
    List<String> order = new java.util.ArrayList<>();
    new TopologicalOrderIterator<>(containment).forEachRemaining(order::add);
    assertThat(order.indexOf("b1")).isLessThan(order.indexOf("f1"));
    assertThat(order.indexOf("f1")).isLessThan(order.indexOf("r12"));

    Graph<String, Relation> both = g.asGraph(GraphFilter.models(SPACE, SENSOR).withRelationships("contains", "hasSensor"));
    assertThat(new DijkstraShortestPath<>(both).getPath("r11", "s2")).as("no feeds edges").isNull();
    assertThat(new DijkstraShortestPath<>(both).getPath("b1", "s3").getLength()).isEqualTo(3);
  }

  @Test
  void theViewSeesLaterWrites() {
    Twins g = building();
    Graph<String, Relation> view = g.asGraph();
    Graph<String, Relation> spaces = g.asGraph(GraphFilter.models(SPACE));
    assertThat(new DijkstraShortestPath<>(view).getPath("b2", "s9")).isNull();

    g.createTwin("r31", ROOM, room());
    g.relate("f3", "c-r31", "contains", "r31");
    g.relate("r31", "h-s9", "hasSensor", "s9");
    assertThat(view.vertexSet()).hasSize(13).contains("r31");
    assertThat(spaces.vertexSet()).contains("r31");
    assertThat(new DijkstraShortestPath<>(view).getPath("b2", "s9").getVertexList())
        .containsExactly("b2", "f3", "r31", "s9");
    assertThat(new ConnectivityInspector<>(view).connectedSets()).hasSize(2);

    Relation old = g.relation("f3", "c-r31").orElseThrow();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("$targetId", "r31").put("$relationshipName", "contains");
    Relation replaced = g.putRelation("f3", "c-r31", body, Condition.none());
    assertThat(view.containsEdge(old)).as("an outdated snapshot").isFalse();
    assertThat(view.containsEdge(replaced)).isTrue();
    assertThat(view.edgeSet()).contains(replaced).doesNotContain(old).hasSize(12);

    g.deleteRelation("r31", "h-s9", Condition.none());
    g.deleteRelation("f3", "c-r31", Condition.none());
    g.delete("r31");
    assertThat(view.vertexSet()).hasSize(12).doesNotContain("r31");
    assertThat(spaces.vertexSet()).doesNotContain("r31");
    assertThat(view.containsVertex("r31")).isFalse();
    assertThat(new DijkstraShortestPath<>(view).getPath("b2", "s9")).isNull();
  }

  @Test
  void aWeightedViewOfTheView() {
    Twins g = building();
    Graph<String, Relation> weighted = new AsWeightedGraph<>(g.asGraph(),
        r -> r.name().equals("feeds") ? 10.0 : 1.0, true, false);
    g.relate("r12", "h-s1", "hasSensor", "s1");
    // r11 -> s1 -> s2 costs 11 through the feed; r11 has no other way to s2
    assertThat(new DijkstraShortestPath<>(weighted).getPathWeight("r11", "s2")).isEqualTo(11.0);
    assertThat(new DijkstraShortestPath<>(weighted).getPathWeight("f1", "s2")).isEqualTo(2.0);
  }

  @Test
  void theViewIsReadOnly() {
    Graph<String, Relation> view = building().asGraph();
    Relation e = view.getEdge("b1", "f1");
    assertThatThrownBy(() -> view.addVertex("x")).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> view.addEdge("b1", "f3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.removeEdge(e)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.removeVertex("b1")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.removeAllEdges(List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.setEdgeWeight(e, 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.vertexSet().remove("b1")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.edgeSet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> view.outgoingEdgesOf("b1").clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(view.vertexSet()).contains("b1");
  }

  @Test
  void filtersNameWhatTheModelsDeclare() {
    Twins g = building();
    assertThatThrownBy(() -> g.asGraph(GraphFilter.models("dtmi:ix:Nothing;1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dtmi:ix:Nothing;1");
    assertThatThrownBy(() -> g.asGraph(GraphFilter.relationships("contians")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'contians'");
    assertThatThrownBy(() -> GraphFilter.models("room")).isInstanceOf(IllegalArgumentException.class);
    assertThat(GraphFilter.models(ROOM).withRelationships("contains").toString())
        .isEqualTo("GraphFilter[models=[dtmi:ix:Room;1], relationships=[contains]]");
    assertThat(GraphFilter.all().isAll()).isTrue();
    assertThat(GraphFilter.relationships("contains").isAll()).isFalse();
  }
}
