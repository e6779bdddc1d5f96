package dev.twins.core.telemetry;

import static dev.twins.core.telemetry.PlantModels.BUILDING;
import static dev.twins.core.telemetry.PlantModels.FLOOR;
import static dev.twins.core.telemetry.PlantModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Condition;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.telemetry.Rule.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/**
 * Propagation is incremental, yet after any sequence of readings and graph changes every derived
 * property equals what a computation from scratch over the final graph and readings gives.
 */
class PropagationProperties {
  private static final long T0 = 1_714_564_800_000L;
  private static final List<String> ROOMS = List.of("f1r1", "f1r2", "f2r1", "f2r2");
  private static final List<String> SENSORS = List.of("f1r1s1", "f1r1s2", "f1r2s1", "f1r2s2", "f2r1s1", "f2r1s2",
      "f2r2s1", "f2r2s2");

  /** One step: a reading, a relationship moved, or rules added mid-way. */
  record Step(int kind, int a, int b, double value, int dt) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 7), Arbitraries.integers().between(-5, 40).map(i -> i / 2.0),
        Arbitraries.integers().between(-3, 10)).as(Step::new);
    return step.list().ofMaxSize(40);
  }

  @Property(tries = 60)
  void incrementalEqualsFromScratch(@ForAll("steps") List<Step> steps, @ForAll boolean rulesFirst) {
    Twins twins = PlantModels.building();
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      if (rulesFirst) addRules(hub);
      long t = T0;
      int moved = 0;
      for (Step s : steps) {
        t += s.dt() * 1000L;
        String sensor = SENSORS.get(s.a());
        switch (s.kind()) {
          case 0, 1, 2 -> hub.ingest(sensor, "temperature", t, s.value());
          case 3, 4 -> hub.ingest(TelemetryMessage.of(sensor, java.time.Instant.ofEpochMilli(t))
              .with("occupancy", s.value() > 10).with("people", (int) Math.abs(s.value()) % 4));
          case 5 -> hub.ingest(sensor, "people", t, s.b());
          case 6, 7 -> {
            // move the sensor to another room
            Relation r = twins.incoming(sensor, "hasSensor").stream().findFirst().orElse(null);
            if (r != null) twins.deleteRelation(r.sourceId(), r.id(), Condition.none());
            String room = ROOMS.get(s.b() % ROOMS.size());
            twins.relate(room, room + "-" + sensor + "-" + (moved++), "hasSensor", sensor);
          }
          case 8 -> {
            // unhook or re-hook a room from its floor
            String room = ROOMS.get(s.b() % ROOMS.size());
            List<Relation> in = twins.incoming(room, "hasRoom");
            if (in.isEmpty()) {
              twins.relate(room.substring(0, 2), room.substring(0, 2) + "-" + room, "hasRoom", room);
            } else {
              twins.deleteRelation(in.get(0).sourceId(), in.get(0).id(), Condition.none());
            }
          }
          default -> {
            if (hub.rules().list().isEmpty()) addRules(hub);
          }
        }
      }
      if (hub.rules().list().isEmpty()) addRules(hub);
      hub.settle();
      check(twins, hub);
      assertThat(hub.counts().ruleFailures()).isZero();
    }
  }

  private static void addRules(TelemetryHub hub) {
    hub.rules().add(Rule.fromRelated(BUILDING, "people", "hasFloor", Source.property("people"), Aggregate.SUM));
    hub.rules().add(Rule.fromRelated(FLOOR, "people", "hasRoom", Source.property("people"), Aggregate.SUM));
    hub.rules().add(Rule.fromRelated(ROOM, "people", "hasSensor", Source.telemetry("people"), Aggregate.SUM));
    hub.rules().add(Rule.fromRelated(ROOM, "temperature", "hasSensor", Source.telemetry("temperature"), Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(FLOOR, "temperature", "hasRoom", Source.property("temperature"), Aggregate.MIN));
    hub.rules().add(Rule.fromRelated(BUILDING, "temperature", "hasFloor", Source.property("temperature"), Aggregate.MAX));
    hub.rules().add(Rule.fromRelated(ROOM, "occupied", "hasSensor", Source.telemetry("occupancy"), Aggregate.ANY));
    hub.rules().add(Rule.fromRelated(FLOOR, "occupied", "hasRoom", Source.property("occupied"), Aggregate.ALL));
    hub.rules().add(Rule.fromRelated(BUILDING, "occupied", "hasFloor", Source.property("occupied"), Aggregate.ANY));
  }

  /** Computes every derived property from scratch, bottom-up, and compares. */
  private static void check(Twins twins, TelemetryHub hub) {
    Map<String, Double> roomPeople = new java.util.HashMap<>();
    Map<String, Optional<Double>> roomTemp = new java.util.HashMap<>();
    Map<String, Boolean> roomOcc = new java.util.HashMap<>();
    for (String room : ROOMS) {
      double people = 0;
      double sum = 0;
      int n = 0;
      boolean any = false;
      for (Relation r : twins.outgoing(room, "hasSensor")) {
        people += hub.last(r.targetId(), "people").map(JsonNode::asDouble).orElse(0.0);
        Optional<JsonNode> temp = hub.last(r.targetId(), "temperature");
        if (temp.isPresent()) {
          sum += temp.get().asDouble();
          n++;
        }
        any |= hub.last(r.targetId(), "occupancy").map(JsonNode::asBoolean).orElse(false);
      }
      roomPeople.put(room, people);
      roomTemp.put(room, n == 0 ? Optional.empty() : Optional.of(sum / n));
      roomOcc.put(room, any);
      assertNumber(twins, room, "people", Optional.of(people));
      assertNumber(twins, room, "temperature", roomTemp.get(room));
      assertThat(twins.twin(room).orElseThrow().property("occupied").map(JsonNode::asBoolean)).as(room).hasValue(any);
    }
    double buildingPeople = 0;
    Optional<Double> buildingMax = Optional.empty();
    boolean buildingAny = false;
    for (String floor : List.of("f1", "f2")) {
      double people = 0;
      Optional<Double> min = Optional.empty();
      boolean all = true;
      for (Relation r : twins.outgoing(floor, "hasRoom")) {
        people += roomPeople.get(r.targetId());
        Optional<Double> rt = roomTemp.get(r.targetId());
        if (rt.isPresent()) min = Optional.of(min.map(m -> Math.min(m, rt.get())).orElse(rt.get()));
        all &= roomOcc.get(r.targetId());
      }
      assertNumber(twins, floor, "people", Optional.of(people));
      assertNumber(twins, floor, "temperature", min);
      assertThat(twins.twin(floor).orElseThrow().property("occupied").map(JsonNode::asBoolean)).as(floor).hasValue(all);
      buildingPeople += people;
      if (min.isPresent()) {
        double m = min.get();
        buildingMax = Optional.of(buildingMax.map(x -> Math.max(x, m)).orElse(m));
      }
      buildingAny |= all;
    }
    assertNumber(twins, "b", "people", Optional.of(buildingPeople));
    assertNumber(twins, "b", "temperature", buildingMax);
    assertThat(twins.twin("b").orElseThrow().property("occupied").map(JsonNode::asBoolean)).hasValue(buildingAny);
  }

  private static void assertNumber(Twins twins, String id, String property, Optional<Double> expected) {
    Twin t = twins.twin(id).orElseThrow();
    Optional<Double> actual = t.property(property).map(JsonNode::asDouble);
    assertThat(actual.isPresent()).as(id + "." + property + " present").isEqualTo(expected.isPresent());
    if (expected.isPresent()) assertThat(actual.get()).as(id + "." + property).isCloseTo(expected.get(),
        org.assertj.core.data.Offset.offset(1e-9));
  }
}
