package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A twin with many relationships each way (beyond the small adjacency arrays) behaves as one with few. */
class ManyRelationshipsTest {
  private static final int N = 150;

  @Test
  void manyRelationshipsListDeleteAndLetTheTwinGo() {
    Twins g = Twins.create(DemoModels.models());
    g.createTwin("floor", FLOOR, Map.of("level", 1));
    g.createTwin("hub", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));
    for (int i = 0; i < N; i++) {
      String room = "room-" + i;
      g.createTwin(room, ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));
      g.relate("floor", "c" + i, "contains", room);
      g.relate(room, "in", "contains", "hub");
    }

    assertThat(g.outgoing("floor")).hasSize(N);
    assertThat(g.incoming("hub")).hasSize(N).allSatisfy(r -> assertThat(r.id()).isEqualTo("in"));
    assertThat(g.relation("floor", "c77").orElseThrow().targetId()).isEqualTo("room-77");
    assertThatThrownBy(() -> g.delete("hub")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.HAS_RELATIONSHIPS));

    for (int i = 0; i < N; i++) {
      g.deleteRelation("floor", "c" + i, Condition.none());
      g.deleteRelation("room-" + i, "in", Condition.none());
    }

    assertThat(g.outgoing("floor")).isEmpty();
    assertThat(g.incoming("hub")).isEmpty();
    assertThat(g.relationCount()).isZero();
    g.delete("hub");
    g.delete("floor");
    assertThat(g.twinCount()).isEqualTo(N);
  }
}
