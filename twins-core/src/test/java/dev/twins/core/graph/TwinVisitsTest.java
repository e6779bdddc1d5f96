package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.BUILDING;
import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The visits that hand over each relationship with the twin at its other end
 * ({@code forEachOutgoingTwin}, {@code forEachIncomingTwin}) give exactly the relationships of the
 * list reads, each with the other twin's current snapshot of this graph, through every kind of
 * write: patches, replaces, model changes, deletes and creates again, snapshots restored into a
 * new graph, and replayed changes.
 */
class TwinVisitsTest {
  private static final Map<String, Object> ROOM_PROPS = Map.of("temperature", 20.0,
      "thermostat", Map.of("setPoint", 21.0));

  /** A relationship and the twin a visit handed over with it. */
  private record Seen(Relation relation, Twin twin) {}

  @Test
  void visitsHandOverEachRelationshipWithTheOtherTwinsCurrentState() {
    Twins g = Twins.builder(DemoModels.models()).allowSelfRelationships(true).build();
    g.createTwin("f", FLOOR, Map.of("level", 1));
    for (int i = 0; i < 4; i++) {
      g.createTwin("r" + i, ROOM, ROOM_PROPS);
      g.relate("f", "c" + i, "contains", "r" + i);
    }
    g.relate("r0", "back", "contains", "f");
    g.relate("r1", "self", "contains", "r1");
    checkAll(g, List.of("f", "r0", "r1", "r2", "r3"));

    // each write to an endpoint shows in the next visit, as the same snapshot a read returns
    g.patch("r2", JsonPatch.builder().replace("/temperature", 25.5).build());
    g.putTwin("r3", g.twin("r3").orElseThrow().toJson().put("area", 12.0), Condition.none());
    g.patch("f", JsonPatch.builder().replace("/level", 2).build());
    checkAll(g, List.of("f", "r0", "r1", "r2", "r3"));
    List<Seen> out = outgoing(g, "f", "contains");
    assertThat(out).extracting(s -> s.twin().number("temperature").orElse(0)).contains(25.5);
    assertThat(out).extracting(s -> s.twin().property("area").isPresent()).contains(true);
    assertThat(incoming(g, "r0", "contains")).singleElement()
        .satisfies(s -> assertThat(s.twin().number("level").orElse(0)).isEqualTo(2.0));

    // a model change keeps the twin's relationships, and the visit sees the new model
    g.patch("r0", JsonPatch.builder().remove("/temperature").remove("/thermostat")
        .replace("/$metadata/$model", BUILDING).build());
    assertThat(outgoing(g, "f", "contains")).filteredOn(s -> s.twin().id().equals("r0")).singleElement()
        .satisfies(s -> assertThat(s.twin().model().value()).isEqualTo(BUILDING));
    checkAll(g, List.of("f", "r0", "r1", "r2", "r3"));
  }

  @Test
  void aVisitorStopsTheVisitAndMissingTwinsVisitNothing() {
    Twins g = Twins.create(DemoModels.models());
    g.createTwin("f", FLOOR, Map.of("level", 1));
    for (int i = 0; i < 5; i++) {
      g.createTwin("r" + i, ROOM, ROOM_PROPS);
      g.relate("f", "c" + i, "contains", "r" + i);
    }
    int[] calls = new int[1];
    assertThat(g.forEachOutgoingTwin("f", "contains", (r, t) -> ++calls[0] < 2)).isFalse();
    assertThat(calls[0]).isEqualTo(2);
    calls[0] = 0;
    assertThat(g.forEachOutgoingTwin(g.twin("f").orElseThrow(), (r, t) -> ++calls[0] < 100)).isTrue();
    assertThat(calls[0]).isEqualTo(5);
    assertThat(g.forEachIncomingTwin("r1", (r, t) -> false)).isFalse();
    assertThat(g.forEachOutgoingTwin("f", "hasSensor", (r, t) -> false)).isTrue();
    calls[0] = 0;
    assertThat(g.forEachOutgoingTarget(g.twin("f").orElseThrow(), "contains", t -> ++calls[0] < 3)).isFalse();
    assertThat(calls[0]).isEqualTo(3);
    assertThat(g.forEachIncomingSource(g.twin("r1").orElseThrow(), "contains", t -> false)).isFalse();
    assertThat(g.forEachOutgoingTarget(g.twin("f").orElseThrow(), "hasSensor", t -> false)).isTrue();

    calls[0] = 0;
    RelationVisitor count = (r, t) -> ++calls[0] > 0;
    assertThat(g.forEachOutgoingTwin("nope", count)).isTrue();
    assertThat(g.forEachIncomingTwin("nope", "contains", count)).isTrue();
    assertThat(g.forEachOutgoingTwin(new Twin("nope", g.twin("f").orElseThrow().model(), "W/\"1\"", 1,
        java.time.Instant.EPOCH, tools.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Map.of()),
        count)).isTrue();
    assertThat(calls[0]).isZero();
  }

  @Test
  void aTwinDeletedAndCreatedAgainIsReachedInItsNewState() {
    Twins g = Twins.builder(DemoModels.models()).cascadeDelete(true).build();
    g.createTwin("f", FLOOR, Map.of("level", 1));
    g.createTwin("r", ROOM, ROOM_PROPS);
    g.relate("f", "c", "contains", "r");
    Twin oldRoom = g.twin("r").orElseThrow();
    Twin oldFloor = g.twin("f").orElseThrow();
    g.delete("r");
    assertThat(outgoing(g, "f", null)).isEmpty();
    g.createTwin("r", ROOM, Map.of("temperature", 30.0, "thermostat", Map.of("setPoint", 21.0)));
    g.relate("f", "c", "contains", "r");
    assertThat(outgoing(g, "f", "contains")).singleElement()
        .satisfies(s -> assertThat(s.twin()).isSameAs(g.twin("r").orElseThrow()));
    // a snapshot of the deleted twin reaches the twin of its id now
    assertThat(incomingFrom(g, oldRoom)).singleElement()
        .satisfies(s -> assertThat(s.twin()).isSameAs(g.twin("f").orElseThrow()));
    g.delete("f");
    g.createTwin("f", FLOOR, Map.of("level", 3));
    assertThat(outgoingFrom(g, oldFloor)).isEmpty();
    g.relate("f", "c2", "contains", "r");
    assertThat(outgoingFrom(g, oldFloor)).singleElement()
        .satisfies(s -> assertThat(s.twin().number("temperature").orElse(0)).isEqualTo(30.0));
    checkAll(g, List.of("f", "r"));
  }

  @Test
  void aRestoredOrReplayedGraphHandsOverItsOwnTwins() {
    Twins g = Twins.create(DemoModels.models());
    List<ChangeEvent> events = new ArrayList<>();
    g.subscribe(e -> true, events::add);
    g.createTwin("f", FLOOR, Map.of("level", 1));
    for (int i = 0; i < 3; i++) {
      g.createTwin("r" + i, ROOM, ROOM_PROPS);
      g.relate("f", "c" + i, "contains", "r" + i);
    }
    g.patchRelation("f", "c1", JsonPatch.builder().build(), Condition.none());
    // a replace that moves a relationship to another target
    g.putRelation("f", "c2", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("$targetId", "r0").put("$relationshipName", "contains"), Condition.none());
    assertThat(g.relation("f", "c2").orElseThrow().targetId()).isEqualTo("r0");
    List<String> ids = List.of("f", "r0", "r1", "r2");

    Twins restored = Twins.builder(DemoModels.models()).restore(g.snapshot());
    checkAll(restored, ids);
    Twins replayed = Twins.create(DemoModels.models());
    for (ChangeEvent e : events) replayed.apply(e);
    checkAll(replayed, ids);
    for (Twins copy : List.of(restored, replayed)) {
      assertThat(copy.outgoing("f")).isEqualTo(g.outgoing("f"));
      copy.patch("r0", JsonPatch.builder().replace("/temperature", 99.0).build());
      // the copy's visits see the copy's writes; the original's do not, even from the copy's snapshots
      assertThat(outgoing(copy, "f", "contains")).filteredOn(s -> s.twin().id().equals("r0"))
          .extracting(s -> s.twin().number("temperature").orElse(0)).containsOnly(99.0);
      assertThat(outgoing(g, "f", "contains")).filteredOn(s -> s.twin().id().equals("r0"))
          .extracting(s -> s.twin().number("temperature").orElse(0)).containsOnly(20.0);
      assertThat(outgoingFrom(g, copy.twin("f").orElseThrow())).extracting(Seen::twin)
          .allSatisfy(t -> assertThat(t).isSameAs(g.twin(t.id()).orElseThrow()));
      assertThat(outgoingFrom(copy, g.twin("f").orElseThrow())).extracting(Seen::twin)
          .allSatisfy(t -> assertThat(t).isSameAs(copy.twin(t.id()).orElseThrow()));
      checkAll(copy, ids);
    }
    checkAll(g, ids);
  }

  @Test
  void revertedDeletesAndRelationshipsReferenceTheLiveTwins() {
    List<ChangeEvent> events = new ArrayList<>();
    List<java.util.Optional<?>> befores = new ArrayList<>();
    Twins[] graph = new Twins[1];
    Twins g = Twins.builder(DemoModels.models()).cascadeDelete(true).commitHook(e -> {
      events.add(e);
      befores.add(e instanceof ChangeEvent.TwinUpdated ? graph[0].twin(e.twinId())
          : e instanceof ChangeEvent.RelationUpdated u ? graph[0].relation(u.relation().sourceId(), u.relation().id())
          : java.util.Optional.empty());
      return CommitHook.Completion.none();
    }).build();
    graph[0] = g;
    g.createTwin("f", FLOOR, Map.of("level", 1));
    g.createTwin("r", ROOM, ROOM_PROPS);
    g.relate("f", "c", "contains", "r");
    int mark = events.size();
    g.patch("r", JsonPatch.builder().replace("/temperature", 25.0).build());
    g.delete("f"); // the relationship, then the twin
    g.delete("r");
    for (int i = events.size() - 1; i >= mark; i--) g.revert(events.get(i), befores.get(i));
    assertThat(g.twin("r").orElseThrow().number("temperature").orElse(0)).isEqualTo(20.0);
    checkAll(g, List.of("f", "r"));
    // the twins brought back take writes, and the relationship brought back sees them
    g.patch("r", JsonPatch.builder().replace("/temperature", 26.0).build());
    assertThat(outgoing(g, "f", "contains")).singleElement()
        .satisfies(s -> assertThat(s.twin().number("temperature").orElse(0)).isEqualTo(26.0));
    checkAll(g, List.of("f", "r"));
  }

  @Test
  void manyRelationshipsAndRandomWritesKeepTheVisitsEqualToTheLists() {
    Twins g = Twins.builder(DemoModels.models()).cascadeDelete(true).build();
    g.createTwin("f", FLOOR, Map.of("level", 1));
    int n = 90;
    for (int i = 0; i < n; i++) g.createTwin("r" + i, ROOM, ROOM_PROPS);
    SplittableRandom random = new SplittableRandom(11);
    List<String> all = new ArrayList<>(List.of("f"));
    for (int i = 0; i < n; i++) all.add("r" + i);
    for (int step = 0; step < 800; step++) {
      String a = "r" + random.nextInt(n);
      String b = random.nextInt(3) == 0 ? "f" : "r" + random.nextInt(n);
      switch (random.nextInt(6)) {
        case 0 -> g.patch(a, JsonPatch.builder().replace("/temperature", (double) step).build());
        case 1 -> {
          g.delete(a);
          g.createTwin(a, ROOM, ROOM_PROPS);
        }
        default -> {
          String rel = "x" + random.nextInt(3);
          if (g.relation(a, rel).isPresent()) g.deleteRelation(a, rel, Condition.none());
          else if (!a.equals(b)) g.relate(a, rel, "contains", b);
        }
      }
      if (random.nextInt(2) == 0) g.relate("f", "c" + step, "contains", "r" + random.nextInt(n));
      if (step % 100 == 0) checkAll(g, all);
    }
    checkAll(g, all);
    assertThat(g.outgoing("f")).hasSizeGreaterThan(64);
  }

  /** Every visit of each twin equals the list read, and hands over the other twin's current snapshot. */
  private static void checkAll(Twins g, List<String> ids) {
    for (String id : ids) {
      Twin from = g.twin(id).orElseThrow();
      for (String name : new String[] {null, "contains"}) {
        List<Relation> outList = name == null ? g.outgoing(id) : g.outgoing(id, name);
        List<Relation> inList = name == null ? g.incoming(id) : g.incoming(id, name);
        check(g, outgoing(g, id, name), outList, true);
        check(g, incoming(g, id, name), inList, false);
        List<Seen> fromOut = new ArrayList<>();
        List<Seen> fromIn = new ArrayList<>();
        if (name == null) {
          g.forEachOutgoingTwin(from, (r, t) -> fromOut.add(new Seen(r, t)));
          g.forEachIncomingTwin(from, (r, t) -> fromIn.add(new Seen(r, t)));
        } else {
          g.forEachOutgoingTwin(from, name, (r, t) -> fromOut.add(new Seen(r, t)));
          g.forEachIncomingTwin(from, name, (r, t) -> fromIn.add(new Seen(r, t)));
          // the visits of the other twins alone: the current snapshot at the other end of each
          List<Twin> targets = new ArrayList<>();
          List<Twin> sources = new ArrayList<>();
          assertThat(g.forEachOutgoingTarget(from, name, targets::add)).isTrue();
          assertThat(g.forEachIncomingSource(from, name, sources::add)).isTrue();
          assertThat(targets).containsExactlyInAnyOrderElementsOf(
              outList.stream().map(r -> g.twin(r.targetId()).orElseThrow()).toList());
          assertThat(sources).containsExactlyInAnyOrderElementsOf(
              inList.stream().map(r -> g.twin(r.sourceId()).orElseThrow()).toList());
        }
        check(g, fromOut, outList, true);
        check(g, fromIn, inList, false);
      }
    }
  }

  private static void check(Twins g, List<Seen> seen, List<Relation> expected, boolean outgoing) {
    assertThat(seen).extracting(Seen::relation).containsExactlyInAnyOrderElementsOf(expected);
    for (Seen s : seen) {
      String other = outgoing ? s.relation().targetId() : s.relation().sourceId();
      assertThat(s.twin().id()).isEqualTo(other);
      assertThat(s.twin()).isSameAs(g.twin(other).orElseThrow());
    }
  }

  private static List<Seen> outgoing(Twins g, String id, String name) {
    List<Seen> out = new ArrayList<>();
    RelationVisitor v = (r, t) -> out.add(new Seen(r, t));
    if (name == null) g.forEachOutgoingTwin(id, v);
    else g.forEachOutgoingTwin(id, name, v);
    return out;
  }

  private static List<Seen> incoming(Twins g, String id, String name) {
    List<Seen> out = new ArrayList<>();
    RelationVisitor v = (r, t) -> out.add(new Seen(r, t));
    if (name == null) g.forEachIncomingTwin(id, v);
    else g.forEachIncomingTwin(id, name, v);
    return out;
  }

  private static List<Seen> outgoingFrom(Twins g, Twin from) {
    List<Seen> out = new ArrayList<>();
    g.forEachOutgoingTwin(from, (r, t) -> out.add(new Seen(r, t)));
    return out;
  }

  private static List<Seen> incomingFrom(Twins g, Twin from) {
    List<Seen> out = new ArrayList<>();
    g.forEachIncomingTwin(from, (r, t) -> out.add(new Seen(r, t)));
    return out;
  }
}
