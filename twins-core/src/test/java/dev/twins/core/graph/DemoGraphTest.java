package dev.twins.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoGraphTest {
  @Test
  void theDemoGraphIsSmallAndTyped() {
    Twins demo = Twins.demo();
    assertThat(demo.toString()).isEqualTo("Twins[twins=9, relationships=8, models=4, version=17]");
    assertThat(demo.twinsOfModel("dtmi:twins:demo:Room;1")).hasSize(4);
    assertThat(demo.outgoing("floor-1", "hasRoom")).extracting(Relation::targetId).containsExactly("room-101", "room-102");
    assertThat(demo.twin("room-101").orElseThrow().number("temperature")).hasValue(21.5);
    assertThat(demo.models().require("dtmi:twins:demo:Room;1").properties()).extracting(p -> p.quantity().map(
        q -> q.unit()).orElse("")).contains("degreeCelsius", "squareMetre");
  }

  @Test
  void readmeGraphExampleRuns() {
    Twins twins = Twins.demo();
    java.util.List<String> hot = new java.util.ArrayList<>();
    twins.subscribe(ChangeFilters.patchSets("/temperature", v -> v.asDouble() > 25), e -> hot.add(e.twinId()));
    twins.set("room-101", "temperature", 26.0);
    twins.patch("room-102", JsonPatch.builder().replace("/temperature", 19.5).add("/occupied", true).build());

    assertThat(twins.twin("room-101").orElseThrow().toJson().get("temperature").asDouble()).isEqualTo(26.0);
    assertThat(twins.twin("room-102").orElseThrow().property("occupied")).hasValueSatisfying(v -> assertThat(v.asBoolean()).isTrue());
    assertThat(twins.outgoing("floor-1", "hasRoom")).hasSize(2);
    assertThat(twins.twinsOfModel("dtmi:twins:demo:Room;1")).hasSize(4);
    assertThat(hot).containsExactly("room-101");
    assertThat(twins.version()).isEqualTo(19);
  }

  @Test
  void readmeIndexAndViewExamplesRun() {
    Twins twins = Twins.demo();
    assertThat(twins.indexes().range("dtmi:twins:demo:Room;1", "temperature", 20, true, 23, false))
        .containsExactly("room-101", "room-102", "room-201");
    org.jgrapht.Graph<String, Relation> g = twins.asGraph();
    assertThat(new org.jgrapht.alg.shortestpath.BFSShortestPath<>(g).getPath("building-1", "sensor-201").getLength())
        .isEqualTo(3);
  }
}
