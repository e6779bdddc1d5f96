package dev.twins.core.telemetry;

import static dev.twins.core.telemetry.PlantModels.BUILDING;
import static dev.twins.core.telemetry.PlantModels.FLOOR;
import static dev.twins.core.telemetry.PlantModels.ROOM;
import static dev.twins.core.telemetry.PlantModels.SENSOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Condition;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.telemetry.Rule.Source;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
 * The related rules keep running aggregates per twin and update them by the change of one input.
 * On random graphs (sensors in any number of rooms, twice in the same one, rooms on any floor),
 * after EVERY step of a random sequence of readings, property writes and removals, relationships
 * created and deleted, twins deleted and created again and rules removed and added again, every
 * derived property equals its rule computed from scratch over its current inputs: exactly for
 * MIN, MAX, COUNT, ANY and ALL; for SUM and MEAN within two units in the last place of the sum of
 * the magnitudes (the exact sum is taken with BigDecimal), however large the values that came and
 * went before.
 */
class RunningAggregateProperties {
  private static final long T0 = 1_714_564_800_000L;
  private static final List<String> FLOORS = List.of("f1", "f2", "f3");
  private static final List<String> ROOMS = List.of("r1", "r2", "r3", "r4", "r5");
  private static final List<String> SENSORS = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7");
  private static final double[] VALUES = {0.1, 0.2, 0.3, 1.0 / 3, -7.25, 21.5, 1e15, -1e15, 1e-3, 0x1p52 + 1, -0.0, 3};

  private static final List<Rule> RULES = List.of(
      Rule.fromRelated(ROOM, "temperature", "hasSensor", Source.telemetry("temperature"), Aggregate.MEAN),
      Rule.fromRelated(ROOM, "people", "hasSensor", Source.telemetry("people"), Aggregate.SUM),
      Rule.fromRelated(ROOM, "occupied", "hasSensor", Source.property("hot"), Aggregate.ANY),
      Rule.fromRelated(FLOOR, "temperature", "hasRoom", Source.property("temperature"), Aggregate.MIN),
      Rule.fromRelated(FLOOR, "people", "hasRoom", Source.property("people"), Aggregate.SUM),
      Rule.fromRelated(FLOOR, "occupied", "hasRoom", Source.property("occupied"), Aggregate.ALL),
      Rule.fromRelated(BUILDING, "temperature", "hasFloor", Source.property("temperature"), Aggregate.MAX),
      Rule.fromRelated(BUILDING, "people", "hasFloor", Source.property("temperature"), Aggregate.COUNT),
      Rule.fromRelated(BUILDING, "occupied", "hasFloor", Source.property("occupied"), Aggregate.ANY));

  /** One step; what a, b and v mean depends on the kind. */
  record Step(int kind, int a, int b, int v) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, VALUES.length - 1)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<Integer>> graph() {
    // for each sensor, a room index (or none: 5, 6); then for each room a floor index (or none: 3)
    return Arbitraries.integers().between(0, 6).list().ofSize(SENSORS.size() + ROOMS.size());
  }

  @Property(tries = 100)
  void derivedValuesEqualRecomputationAfterEveryStep(@ForAll("graph") List<Integer> graph,
      @ForAll("steps") List<Step> steps) {
    Twins twins = Twins.create(PlantModels.models());
    twins.createTwin("b", BUILDING, Map.of());
    for (String f : FLOORS) {
      twins.createTwin(f, FLOOR, Map.of());
      twins.relate("b", "b-" + f, "hasFloor", f);
    }
    for (int r = 0; r < ROOMS.size(); r++) {
      twins.createTwin(ROOMS.get(r), ROOM, Map.of());
      int f = graph.get(SENSORS.size() + r);
      if (f < FLOORS.size()) twins.relate(FLOORS.get(f), "e" + r, "hasRoom", ROOMS.get(r));
    }
    for (int s = 0; s < SENSORS.size(); s++) {
      createSensor(twins, SENSORS.get(s));
      int r = graph.get(s);
      if (r < ROOMS.size()) twins.relate(ROOMS.get(r), "e" + s, "hasSensor", SENSORS.get(s));
    }
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      List<Rule> installed = new ArrayList<>();
      for (Rule rule : RULES) {
        hub.rules().add(rule);
        installed.add(rule);
      }
      check(twins, hub, installed, "after adding the rules");
      long t = T0;
      int edges = 0;
      for (Step s : steps) {
        t += 1000;
        String sensor = SENSORS.get(s.a());
        String room = ROOMS.get(s.b() % ROOMS.size());
        double value = VALUES[s.v()];
        boolean exists = twins.twin(sensor).isPresent();
        switch (s.kind()) {
          case 0, 1, 2 -> {
            if (exists) hub.ingest(sensor, "temperature", t, value);
          }
          case 3 -> {
            if (exists) hub.ingest(TelemetryMessage.of(sensor, Instant.ofEpochMilli(t)).with("people", s.v() * 1000));
          }
          case 4 -> {
            if (exists) twins.set(sensor, "hot", value > 0);
          }
          case 5 -> {
            if (exists && twins.twin(sensor).orElseThrow().property("hot").isPresent()) {
              twins.patch(sensor, JsonPatch.builder().remove("/hot").build());
            }
          }
          case 6, 7 -> {
            // a sensor into a room, possibly a second time into the same one
            if (exists) twins.relate(room, "n" + (edges++), "hasSensor", sensor);
          }
          case 8 -> {
            List<Relation> in = twins.incoming(exists ? sensor : room, exists ? "hasSensor" : "hasRoom");
            if (!in.isEmpty()) {
              Relation r = in.get(s.v() % in.size());
              twins.deleteRelation(r.sourceId(), r.id(), Condition.none());
            }
          }
          case 9 -> twins.relate(FLOORS.get(s.b() % FLOORS.size()), "n" + (edges++), "hasRoom", room);
          case 10 -> {
            if (exists) {
              for (Relation r : twins.incoming(sensor)) twins.deleteRelation(r.sourceId(), r.id(), Condition.none());
              twins.delete(sensor);
            } else {
              createSensor(twins, sensor);
              twins.relate(room, "n" + (edges++), "hasSensor", sensor);
            }
          }
          default -> {
            Rule rule = RULES.get((s.a() + s.b()) % RULES.size());
            if (installed.remove(rule)) {
              assertThat(hub.rules().remove(rule)).isTrue();
            } else {
              hub.rules().add(rule);
              installed.add(rule);
            }
          }
        }
        hub.settle();
        check(twins, hub, installed, "after " + s);
      }
      assertThat(hub.counts().ruleFailures()).as(hub.rules().lastFailure().orElse("")).isZero();
    }
  }

  private static void createSensor(Twins twins, String id) {
    twins.createTwin(id, SENSOR, Map.of("aux", Map.of("$metadata", Map.of())));
  }

  /** Computes every installed rule from scratch over its current inputs and compares. */
  private static void check(Twins twins, TelemetryHub hub, List<Rule> installed, String when) {
    for (Rule rule : installed) {
      Rule.FromRelated r = (Rule.FromRelated) rule;
      for (Twin whole : twins.twinsOfModel(r.model())) {
        List<JsonNode> inputs = new ArrayList<>();
        for (Relation rel : twins.outgoing(whole.id(), r.relationship())) {
          Optional<JsonNode> v = r.source().telemetry() ? hub.last(rel.targetId(), r.source().name())
              : twins.twin(rel.targetId()).orElseThrow().property(r.source().name());
          v.filter(n -> !n.isNull()).ifPresent(inputs::add);
        }
        Optional<JsonNode> actual = twins.twin(whole.id()).orElseThrow().property(r.property());
        String what = whole.id() + "." + r.property() + " (" + r.aggregate() + " of " + inputs + ") " + when;
        expectEqual(r.aggregate(), inputs, actual, what);
      }
    }
  }

  private static void expectEqual(Aggregate aggregate, List<JsonNode> inputs, Optional<JsonNode> actual, String what) {
    List<Double> numbers = new ArrayList<>();
    long trues = 0;
    long falses = 0;
    for (JsonNode n : inputs) {
      if (n.isNumber()) numbers.add(n.asDouble());
      if (n.isBoolean()) {
        if (n.asBoolean()) {
          trues++;
        } else {
          falses++;
        }
      }
    }
    switch (aggregate) {
      case ANY -> assertThat(actual.map(JsonNode::asBoolean)).as(what).hasValue(trues > 0);
      case ALL -> assertThat(actual.map(JsonNode::asBoolean)).as(what).hasValue(falses == 0);
      case COUNT -> assertThat(actual.map(JsonNode::asLong)).as(what).hasValue((long) inputs.size());
      case MIN, MAX -> {
        assertThat(actual.isPresent()).as(what + " present").isEqualTo(!numbers.isEmpty());
        if (!numbers.isEmpty()) {
          double e = aggregate == Aggregate.MIN ? numbers.stream().mapToDouble(d -> d).min().orElseThrow()
              : numbers.stream().mapToDouble(d -> d).max().orElseThrow();
          assertThat(actual.get().asDouble() == e).as(what + ": " + actual.get() + " vs " + e).isTrue();
        }
      }
      default -> {
        boolean mean = aggregate == Aggregate.MEAN;
        assertThat(actual.isPresent()).as(what + " present").isEqualTo(!mean || !numbers.isEmpty());
        if (numbers.isEmpty()) {
          if (!mean) assertThat(actual.get().asDouble()).as(what).isZero();
          return;
        }
        BigDecimal exact = BigDecimal.ZERO;
        double magnitude = 0;
        for (double d : numbers) {
          exact = exact.add(new BigDecimal(d));
          magnitude += Math.abs(d);
        }
        double expected = exact.doubleValue() / (mean ? numbers.size() : 1);
        double tolerance = 2 * Math.ulp(magnitude);
        assertThat(Math.abs(actual.get().asDouble() - expected)).as(what + ": " + actual.get() + " vs " + expected)
            .isLessThanOrEqualTo(tolerance);
      }
    }
  }
}
