package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.BUILDING;
import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static dev.twins.core.graph.DemoModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.model.Dtmi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free reads (counts and visits of the model index, adjacency visits) give what the
 * list-building reads give, in any order, and see every write that returned before them.
 */
class ReadPathsTest {
  private static final Map<String, Object> ROOM_PROPS = Map.of("temperature", 20.0,
      "thermostat", Map.of("setPoint", 21.0));

  @Test
  void modelCountsAndVisitsFollowTheModelIndex() {
    Twins g = Twins.create(DemoModels.models());
    g.createTwin("b", BUILDING, Map.of());
    g.createTwin("f1", FLOOR, Map.of("level", 1));
    g.createTwin("f2", FLOOR, Map.of("level", 2));
    for (int i = 0; i < 5; i++) g.createTwin("r" + i, ROOM, ROOM_PROPS);

    assertThat(g.countOfModel(ROOM, false)).isEqualTo(5);
    assertThat(g.countOfModel(Dtmi.of(FLOOR), true)).isEqualTo(2);
    assertThat(g.countOfModel(SPACE, false)).isEqualTo(8);
    assertThat(g.countOfModel(SPACE, true)).isZero();
    assertThat(g.countOfModel("dtmi:ex:Unknown;1", false)).isZero();
    assertThat(ids(g.twinsOfModel(Dtmi.of(SPACE), false))).containsExactlyInAnyOrderElementsOf(
        ids(g.twinsOfModel(SPACE)));
    assertThat(g.twinsOfModel(Dtmi.of(SPACE), true)).isEmpty();
    List<String> visited = new ArrayList<>();
    g.forEachOfModel(Dtmi.of(SPACE), false, t -> visited.add(t.id()));
    assertThat(visited).containsExactlyInAnyOrder("b", "f1", "f2", "r0", "r1", "r2", "r3", "r4");
    assertThatThrownBy(() -> g.countOfModel("not a dtmi", false)).isInstanceOf(IllegalArgumentException.class);

    // read-your-writes: a delete and a new twin show at once
    g.delete("r3");
    g.createTwin("r9", ROOM, ROOM_PROPS);
    g.delete("f2");
    assertThat(g.countOfModel(ROOM, false)).isEqualTo(5);
    assertThat(g.countOfModel(SPACE, false)).isEqualTo(7);
    List<String> rooms = new ArrayList<>();
    g.forEachOfModel(Dtmi.of(ROOM), true, t -> rooms.add(t.id()));
    assertThat(rooms).containsExactlyInAnyOrder("r0", "r1", "r2", "r4", "r9");
  }

  @Test
  void adjacencyVisitsGiveTheListsOfTheSameNameUnsorted() {
    Twins g = Twins.create(DemoModels.models());
    g.createTwin("f", FLOOR, Map.of("level", 1));
    // beyond the small adjacency arrays, so both layouts are read
    int n = 100;
    for (int i = 0; i < n; i++) g.createTwin("r" + i, ROOM, ROOM_PROPS);
    SplittableRandom random = new SplittableRandom(7);
    for (int step = 0; step < 600; step++) {
      String a = "r" + random.nextInt(n);
      String b = random.nextInt(4) == 0 ? "f" : "r" + random.nextInt(n);
      String rel = "x" + random.nextInt(3);
      if (g.relation(a, rel).isPresent()) g.deleteRelation(a, rel, Condition.none());
      else if (!a.equals(b)) g.relate(a, rel, "contains", b);
      if (random.nextInt(3) == 0) g.relate("f", "c" + step, "contains", "r" + random.nextInt(n));
      if (step % 50 == 0) checkVisits(g, List.of("f", a, b));
    }
    List<String> all = new ArrayList<>(List.of("f"));
    for (int i = 0; i < n; i++) all.add("r" + i);
    checkVisits(g, all);
    assertThat(g.outgoing("f")).hasSizeGreaterThan(64);
  }

  private static void checkVisits(Twins g, List<String> ids) {
    for (String id : ids) {
      List<Relation> out = new ArrayList<>();
      g.forEachOutgoing(id, out::add);
      assertThat(out).as("outgoing of %s", id).containsExactlyInAnyOrderElementsOf(g.outgoing(id));
      List<Relation> in = new ArrayList<>();
      g.forEachIncoming(id, in::add);
      assertThat(in).as("incoming of %s", id).containsExactlyInAnyOrderElementsOf(g.incoming(id));
      List<Relation> named = new ArrayList<>();
      g.forEachOutgoing(id, "contains", named::add);
      assertThat(named).containsExactlyInAnyOrderElementsOf(g.outgoing(id, "contains"));
      named.clear();
      g.forEachIncoming(id, "hasSensor", named::add);
      assertThat(named).isEmpty();
      named.clear();
      g.forEachIncoming(id, "contains", named::add);
      assertThat(named).containsExactlyInAnyOrderElementsOf(g.incoming(id, "contains"));
    }
  }

  @Test
  void visitsOfAMissingTwinSayNoAndVisitNothing() {
    Twins g = Twins.create(DemoModels.models());
    g.createTwin("f", FLOOR, Map.of("level", 1));
    List<Relation> seen = new ArrayList<>();
    assertThat(g.forEachOutgoing("f", seen::add)).isTrue();
    g.delete("f");
    assertThat(g.forEachOutgoing("f", seen::add)).isFalse();
    assertThat(g.forEachIncoming("nope", "contains", seen::add)).isFalse();
    assertThat(g.forEachIncoming("nope", seen::add)).isFalse();
    assertThat(g.forEachOutgoing("nope", "contains", seen::add)).isFalse();
    assertThat(seen).isEmpty();
  }

  private static List<String> ids(List<Twin> twins) {
    List<String> out = new ArrayList<>();
    for (Twin t : twins) out.add(t.id());
    return out;
  }
}
