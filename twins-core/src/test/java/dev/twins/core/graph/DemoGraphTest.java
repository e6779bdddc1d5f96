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
}
