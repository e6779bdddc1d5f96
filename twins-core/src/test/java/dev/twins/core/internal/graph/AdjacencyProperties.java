package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Adjacency} under random sequences of adds, replaces (also to another name or other end)
 * and removes answers exactly like a naive list of relationships: the same relationships by key,
 * per name in the same order while it is an array, and the same other twins.
 */
class AdjacencyProperties {
  private static final TwinAccess.RelationMaker RELATIONS = TwinAccess.relations();
  private static final String[] NAMES = {"hasPart", "contains", "feeds", "isPointOf"};
  private static final int TWINS = 5;

  /** One change: put (add or replace) or remove, of a relationship key with a name and ends. */
  record Op(boolean remove, int id, int source, int target, int name) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> small = Combinators.combine(Arbitraries.integers().between(0, 3).map(x -> x == 0),
        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, TWINS - 1),
        Arbitraries.integers().between(0, TWINS - 1), Arbitraries.integers().between(0, NAMES.length - 1))
        .as(Op::new);
    Arbitrary<Op> large = Combinators.combine(Arbitraries.integers().between(0, 5).map(x -> x == 0),
        Arbitraries.integers().between(0, 90), Arbitraries.integers().between(0, 1),
        Arbitraries.integers().between(0, TWINS - 1), Arbitraries.integers().between(0, NAMES.length - 1))
        .as(Op::new);
    return Arbitraries.oneOf(small.list().ofMaxSize(60), large.list().ofMaxSize(200));
  }

  @Property(tries = 200)
  void groupedAdjacencyEqualsANaiveList(@ForAll("ops") List<Op> ops) {
    GraphStore.Entry[] entries = new GraphStore.Entry[TWINS];
    for (int i = 0; i < TWINS; i++) {
      entries[i] = new GraphStore.Entry("t" + i, null);
      entries[i].twin = new Twin("t" + i, Dtmi.of("dtmi:x:T;1"), "W/\"1\"", 1, Instant.EPOCH,
          JsonNodeFactory.instance.objectNode(), Map.of());
    }
    for (boolean incoming : new boolean[] {false, true}) {
      Object adj = null;
      List<Relation> naive = new ArrayList<>();
      for (Op op : ops) {
        String id = "r" + op.id();
        String src = incoming ? "t" + op.source() : null;
        int at = -1;
        for (int i = 0; i < naive.size(); i++) {
          Relation r = naive.get(i);
          if (r.id().equals(id) && (src == null || r.sourceId().equals(src))) at = i;
        }
        if (op.remove()) {
          adj = Adjacency.remove(adj, src, id);
          if (at >= 0) naive.remove(at);
        } else {
          Relation r = RELATIONS.make(id, entries[op.source()], entries[op.target()], new String(NAMES[op.name()]),
              "W/\"", op.id(), Instant.EPOCH, GraphStore.noProperties());
          if (at >= 0 && naive.get(at).name().equals(r.name())) {
            naive.set(at, r);
          } else {
            if (at >= 0) naive.remove(at);
            naive.add(r);
          }
          adj = at < 0 && Adjacency.size(adj) % 2 == 0 ? Adjacency.append(adj, r, incoming) : Adjacency.put(adj, r, incoming);
        }
        assertThat(Adjacency.check(adj, incoming)).isNull();
        assertThat(adj == null).isEqualTo(naive.isEmpty());
        assertThat(Adjacency.size(adj)).isEqualTo(naive.size());
        for (Relation r : naive) assertThat(Adjacency.get(adj, incoming ? r.sourceId() : null, r.id())).isSameAs(r);
        assertThat(Adjacency.view(adj)).containsExactlyInAnyOrderElementsOf(naive);
        for (String name : NAMES) {
          List<Relation> expected = new ArrayList<>();
          List<Twin> expectedOthers = new ArrayList<>();
          for (Relation r : naive) {
            if (!r.name().equals(name)) continue;
            expected.add(r);
            expectedOthers.add((incoming ? RELATIONS.source(r) : RELATIONS.target(r)).twin);
          }
          List<Relation> seen = new ArrayList<>();
          Adjacency.forEach(adj, name, seen::add);
          List<Relation> visited = new ArrayList<>();
          List<Twin> twins = new ArrayList<>();
          Adjacency.forEachTwin(adj, name, incoming, (r, t) -> {
            visited.add(r);
            twins.add(t);
            assertThat(t).isSameAs((incoming ? RELATIONS.source(r) : RELATIONS.target(r)).twin);
            return true;
          });
          List<Twin> others = new ArrayList<>();
          Adjacency.forEachOther(adj, name, incoming, others::add);
          if (adj instanceof Object[] || adj == null) {
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(visited).containsExactlyElementsOf(expected);
            assertThat(others).containsExactlyElementsOf(expectedOthers);
          } else {
            assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(visited).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(others).containsExactlyInAnyOrderElementsOf(expectedOthers);
          }
          assertThat(twins).containsExactlyInAnyOrderElementsOf(expectedOthers);
        }
        if (adj instanceof Object[]) {
          List<Relation> all = new ArrayList<>();
          Adjacency.forEach(adj, null, all::add);
          assertThat(all).containsExactlyElementsOf(Adjacency.ordered(adj));
        }
      }
    }
  }
}
