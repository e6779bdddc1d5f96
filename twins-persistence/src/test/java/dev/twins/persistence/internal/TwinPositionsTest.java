package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Twin positions of a snapshot's relationships, whatever the order of the relationships. */
class TwinPositionsTest {
  private static final Dtmi MODEL = Dtmi.of("dtmi:test:T;1");
  private static final Instant T = Instant.parse("2026-11-26T00:00:00Z");

  private static Twin twin(String id) {
    return new Twin(id, MODEL, "e", 1, T, JsonNodeFactory.instance.objectNode(), Map.of());
  }

  private static Relation rel(String source, String target, int i) {
    // new strings: equal to the twins' ids but not the same objects
    return new Relation("r" + i, new String(source), new String(target), "rel", "e", T,
        JsonNodeFactory.instance.objectNode());
  }

  @Test
  void positionsOfGroupedShuffledAndMissingTwins() {
    List<Twin> twins = new ArrayList<>();
    for (int i = 0; i < 500; i++) twins.add(twin("twin-" + i));
    List<Relation> rels = new ArrayList<>();
    // grouped by source in twin order (with twins without relationships in between) ...
    for (int i = 0; i < 500; i += 3) rels.add(rel("twin-" + i, "twin-" + (499 - i), rels.size()));
    // ... then in random order, and twins that are not in the snapshot
    SplittableRandom r = new SplittableRandom(7);
    for (int k = 0; k < 300; k++) rels.add(rel("twin-" + r.nextInt(500), "twin-" + r.nextInt(500), rels.size()));
    rels.add(rel("elsewhere", "twin-3", rels.size()));
    rels.add(rel("twin-4", "elsewhere", rels.size()));
    TwinPositions p = TwinPositions.of(twins, rels);
    for (int i = 0; i < rels.size(); i++) {
      Relation rel = rels.get(i);
      int source = p.source(i);
      int target = p.of(rel.targetId());
      assertThat(source < 0 ? "elsewhere" : twins.get(source).id()).isEqualTo(rel.sourceId());
      assertThat(target < 0 ? "elsewhere" : twins.get(target).id()).isEqualTo(rel.targetId());
    }
    assertThat(p.of("twin-500")).isEqualTo(-1);
    assertThat(TwinPositions.of(List.of(), List.of()).of("x")).isEqualTo(-1);
  }
}
