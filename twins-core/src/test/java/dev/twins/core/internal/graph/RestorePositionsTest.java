package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphSnapshot;
import dev.twins.core.graph.PreconditionFailedException;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Restoring a snapshot with its relationships' twin positions: the same graph as without them,
 * positions that do not name the relationship's twins are ignored, and a repeated relationship is
 * refused whether its two copies are next to each other or apart.
 */
class RestorePositionsTest {
  private static Twins source(int rooms) {
    Twins g = Twins.demo();
    g.createTwin("floor", "dtmi:twins:demo:Floor;1", Map.of("level", 1));
    for (int i = 0; i < rooms; i++) {
      g.createTwin("room-" + i, "dtmi:twins:demo:Room;1", Map.of("temperature", 20.0 + i));
      g.relate("floor", "has-" + i, "hasRoom", "room-" + i);
    }
    return g;
  }

  private static List<String> state(Twins g) {
    List<String> out = new ArrayList<>();
    List<Twin> twins = new ArrayList<>(g.twins());
    twins.sort(Comparator.comparing(Twin::id));
    for (Twin t : twins) {
      out.add(t.toJson().toString());
      g.outgoing(t.id()).forEach(r -> out.add(r.toJson().toString()));
      g.incoming(t.id()).forEach(r -> out.add("in " + r.toJson()));
    }
    return out;
  }

  private static int[][] positions(GraphSnapshot s) {
    List<String> ids = new ArrayList<>();
    for (Twin t : s.twins()) ids.add(t.id());
    int n = s.relations().size();
    int[][] p = {new int[n], new int[n]};
    for (int i = 0; i < n; i++) {
      p[0][i] = ids.indexOf(s.relations().get(i).sourceId());
      p[1][i] = ids.indexOf(s.relations().get(i).targetId());
    }
    return p;
  }

  @Test
  void positionsGiveTheSameGraphAndWrongOnesAreIgnored() {
    Twins g = source(100);   // more than an adjacency array holds
    GraphSnapshot s = g.snapshot();
    int[][] p = positions(s);
    Twins plain = Twins.builder(g.models()).restore(s);
    Twins fast = GraphStore.restoreWithPositions(p[0], p[1], () -> Twins.builder(g.models()).restore(s));
    assertThat(state(fast)).isEqualTo(state(plain)).isEqualTo(state(g));
    // positions of other twins, or out of range: the ids decide
    int[] wrong = new int[p[0].length];
    Arrays.fill(wrong, 0);
    wrong[0] = 10_000;
    int[] minus = new int[p[0].length];
    Arrays.fill(minus, -1);
    Twins odd = GraphStore.restoreWithPositions(wrong, minus, () -> Twins.builder(g.models()).restore(s));
    assertThat(state(odd)).isEqualTo(state(g));
  }

  @Test
  void aRepeatedRelationshipIsRefusedNextToItsCopyOrApart() {
    Twins g = source(3);
    GraphSnapshot s = g.snapshot();
    List<Relation> rels = s.relations();
    List<Relation> adjacent = new ArrayList<>(rels);
    adjacent.add(1, rels.get(0));
    assertThatThrownBy(() -> Twins.builder(g.models()).restore(new GraphSnapshot(s.sequence(), s.twins(), adjacent)))
        .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("twice");
    // the source's relationships in two runs, with another source's relationship between them
    g.createTwin("level-two", "dtmi:twins:demo:Floor;1", Map.of("level", 2));
    g.relate("level-two", "has-x", "hasRoom", "room-0");
    GraphSnapshot s2 = g.snapshot();
    List<Relation> apart = new ArrayList<>();
    Relation other = null;
    for (Relation r : s2.relations()) {
      if (r.sourceId().equals("level-two")) other = r;
      else apart.add(r);
    }
    apart.add(other);
    apart.add(apart.get(1));
    assertThatThrownBy(() -> Twins.builder(g.models()).restore(new GraphSnapshot(s2.sequence(), s2.twins(), apart)))
        .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("twice");
    // apart but distinct: restored
    apart.remove(apart.size() - 1);
    assertThat(Twins.builder(g.models()).restore(new GraphSnapshot(s2.sequence(), s2.twins(), apart)).relationCount())
        .isEqualTo((long) s2.relations().size());
  }
}
