package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Test helpers: the demo models, a deterministic workload, and graph equality. */
final class Graphs {
  static final Models MODELS = Twins.demo().models();
  static final String ROOM = "dtmi:twins:demo:Room;1";
  static final String FLOOR = "dtmi:twins:demo:Floor;1";

  private Graphs() {}

  /**
   * Applies write number {@code i} of a deterministic workload: floors, rooms, relationships,
   * patches and deletes.
   */
  static void write(Twins t, int i) {
    int kind = i % 5;
    int n = i / 5;
    switch (kind) {
      case 0:
        t.createTwin("floor-" + n, FLOOR, Map.of("level", n));
        break;
      case 1:
        t.createTwin("room-" + n, ROOM, Map.of("temperature", 20.0 + n % 7, "occupied", n % 2 == 0));
        break;
      case 2:
        t.relate("floor-" + n, "has-room-" + n, "hasRoom", "room-" + n);
        break;
      case 3:
        t.set("room-" + n, "temperature", 18.5 + (n * 37 % 100) / 10.0);
        break;
      default:
        if (n % 3 == 0) {
          t.deleteRelation("floor-" + n, "has-room-" + n, dev.twins.core.graph.Condition.none());
        } else {
          t.set("room-" + n, "area", n * 1.5);
        }
    }
  }

  static List<Twin> twins(Twins t) {
    List<Twin> out = new ArrayList<>(t.twins());
    out.sort(Comparator.comparing(Twin::id));
    return out;
  }

  static List<String> relations(Twins t) {
    List<String> out = new ArrayList<>();
    for (Twin tw : twins(t)) {
      for (Relation r : t.outgoing(tw.id())) {
        out.add(r.sourceId() + "/" + r.id() + "->" + r.targetId() + " " + r.name() + " " + r.etag() + " "
            + r.lastUpdateTime() + " " + r.properties());
      }
    }
    return out;
  }

  static void assertSameGraph(Twins actual, Twins expected) {
    assertThat(actual.version()).isEqualTo(expected.version());
    assertThat(twins(actual)).containsExactlyElementsOf(twins(expected));
    assertThat(relations(actual)).containsExactlyElementsOf(relations(expected));
  }
}
