package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Adjacency}: arrays while small, maps beyond, null when empty, the same answers either way. */
class AdjacencyTest {
  private static Relation rel(String source, String id) {
    return new Relation(id, source, "t", "contains", "W/\"1\"", Instant.EPOCH, GraphStore.noProperties());
  }

  @Test
  void growsIntoAMapAndShrinksToNothing() {
    Object out = null;
    Object in = null;
    List<Relation> all = new ArrayList<>();
    int n = Adjacency.SMALL * 2;
    for (int i = 0; i < n; i++) {
      Relation r = rel("s" + (i % 3), "r" + i);
      all.add(r);
      out = Adjacency.put(out, r, false);
      in = Adjacency.put(in, r, true);
      assertThat(Adjacency.size(out)).isEqualTo(i + 1);
      assertThat(Adjacency.size(in)).isEqualTo(i + 1);
    }
    assertThat(out).isNotInstanceOf(Object[].class);
    for (Relation r : all) {
      assertThat(Adjacency.get(out, null, r.id())).isSameAs(r);
      assertThat(Adjacency.get(in, r.sourceId(), r.id())).isSameAs(r);
      assertThat(Adjacency.get(in, r.sourceId() + "x", r.id())).isNull();
    }
    Relation replaced = rel("s0", "r0");
    out = Adjacency.put(out, replaced, false);
    assertThat(Adjacency.size(out)).isEqualTo(n);
    assertThat(Adjacency.get(out, null, "r0")).isSameAs(replaced);
    for (Relation r : all) {
      out = Adjacency.remove(out, null, r.id());
      in = Adjacency.remove(in, r.sourceId(), r.id());
    }
    assertThat(out).isNull();
    assertThat(in).isNull();
  }

  @Test
  void smallAdjacencyIsAnArrayThatChangesByCopy() {
    Relation a = rel("s", "a");
    Relation b = rel("s", "b");
    Object one = Adjacency.put(null, a, false);
    Object two = Adjacency.put(one, b, false);
    assertThat(one).isInstanceOf(Object[].class);
    assertThat(Adjacency.view(one)).containsExactly(a);
    assertThat(Adjacency.view(two)).containsExactly(a, b);
    assertThat(Adjacency.view(Adjacency.remove(two, null, "a"))).containsExactly(b);
    assertThat(Adjacency.remove(one, null, "zzz")).isSameAs(one);
  }
}
