package dev.twins.core.telemetry;

import static dev.twins.core.telemetry.PlantModels.BUILDING;
import static dev.twins.core.telemetry.PlantModels.FLOOR;
import static dev.twins.core.telemetry.PlantModels.ROOM;
import static dev.twins.core.telemetry.PlantModels.SENSOR;
import static dev.twins.core.telemetry.PlantModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.ChangeFilters;
import dev.twins.core.graph.Twins;
import dev.twins.core.telemetry.Rule.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RulesTest {
  private static final long T0 = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

  private final Twins twins = PlantModels.building();
  private final TelemetryHub hub = TelemetryHub.attach(twins);

  @AfterEach
  void close() {
    hub.close();
  }

  private double number(String twin, String property) {
    return twins.twin(twin).orElseThrow().number(property).orElseThrow();
  }

  private boolean flag(String twin, String property) {
    return twins.twin(twin).orElseThrow().property(property).orElseThrow().asBoolean();
  }

  @Test
  void propertiesFollowTelemetry() {
    hub.rules().add(Rule.fromTelemetry(SENSOR, "lastTemperature", "temperature", Derivation.last()));
    hub.rules().add(Rule.fromTelemetry(SENSOR, "hot", "temperature", Derivation.lastMatches(v -> v > 39.5)));
    hub.ingest("f1r1s1", "temperature", T0, 38);
    assertThat(number("f1r1s1", "lastTemperature")).isEqualTo(38.0);
    assertThat(flag("f1r1s1", "hot")).isFalse();
    hub.ingest("f1r1s1", "temperature", T0 + 1, 40);
    assertThat(number("f1r1s1", "lastTemperature")).isEqualTo(40.0);
    assertThat(flag("f1r1s1", "hot")).isTrue();
    long version = twins.version();
    hub.ingest("f1r1s1", "temperature", T0 - 10, 10);   // late: the newest reading stays
    assertThat(number("f1r1s1", "lastTemperature")).isEqualTo(40.0);
    assertThat(twins.version()).isEqualTo(version);     // nothing changed, nothing written
    assertThat(hub.counts().derivedWrites()).isEqualTo(4);
  }

  @Test
  void aRuleAddedLaterComputesFromTheReadingsSoFar() {
    hub.ingest("f1r1s1", "temperature", T0, 25);
    hub.rules().add(Rule.fromTelemetry(SENSOR, "lastTemperature", "temperature", Derivation.last()));
    assertThat(number("f1r1s1", "lastTemperature")).isEqualTo(25.0);
    assertThat(twins.twin("f1r1s2").orElseThrow().property("lastTemperature")).isEmpty();
  }

  @Test
  void valuesPropagateUpTheBuildingIncrementally() {
    hub.rules().add(Rule.fromRelated(ROOM, "temperature", "hasSensor", Source.telemetry("temperature"), Aggregate.MEAN));
    hub.rules().add(Rule.fromRelated(FLOOR, "temperature", "hasRoom", Source.property("temperature"), Aggregate.MAX));
    hub.rules().add(Rule.fromRelated(ROOM, "occupied", "hasSensor", Source.telemetry("occupancy"), Aggregate.ANY));
    hub.rules().add(Rule.fromRelated(FLOOR, "occupied", "hasRoom", Source.property("occupied"), Aggregate.ANY));
    hub.rules().add(Rule.fromRelated(BUILDING, "occupied", "hasFloor", Source.property("occupied"), Aggregate.ANY));
    hub.rules().add(Rule.fromRelated(ROOM, "people", "hasSensor", Source.telemetry("people"), Aggregate.SUM));
    hub.rules().add(Rule.fromRelated(FLOOR, "people", "hasRoom", Source.property("people"), Aggregate.SUM));
    hub.rules().add(Rule.fromRelated(BUILDING, "people", "hasFloor", Source.property("people"), Aggregate.SUM));
    assertThat(flag("b", "occupied")).isFalse();
    assertThat(number("b", "people")).isEqualTo(0);
    assertThat(twins.twin("f1r1").orElseThrow().property("temperature")).isEmpty();

    hub.ingest("f1r1s1", "temperature", T0, 20);
    hub.ingest("f1r1s2", "temperature", T0, 23);
    hub.ingest("f1r2s1", "temperature", T0, 25);
    assertThat(number("f1r1", "temperature")).isEqualTo(21.5);
    assertThat(number("f1", "temperature")).isEqualTo(25.0);

    List<String> changed = new ArrayList<>();
    twins.subscribe(ChangeFilters.ofKind(ChangeEvent.TwinUpdated.class), e -> changed.add(e.twinId()));
    hub.ingest(TelemetryMessage.of("f2r2s2", Instant.ofEpochMilli(T0)).with("occupancy", true).with("people", 3));
    assertThat(flag("f2r2", "occupied")).isTrue();
    assertThat(flag("f2", "occupied")).isTrue();
    assertThat(flag("b", "occupied")).isTrue();
    assertThat(flag("f1", "occupied")).isFalse();
    assertThat(number("b", "people")).isEqualTo(3);
    // only the twins on the path changed: f2r2 (occupied, people), f2 (occupied, people), b (occupied, people)
    assertThat(changed).containsOnly("f2r2", "f2", "b").hasSize(6);

    changed.clear();
    hub.ingest("f1r1s1", "people", T0, 2);
    assertThat(number("b", "people")).isEqualTo(5);
    assertThat(changed).containsExactly("f1r1", "f1", "b");
    assertThat(hub.counts().ruleFailures()).isZero();
  }

  @Test
  void graphWritesPropagateAfterSettling() {
    hub.rules().add(Rule.fromRelated(FLOOR, "people", "hasRoom", Source.property("people"), Aggregate.SUM));
    hub.rules().add(Rule.fromRelated(BUILDING, "people", "hasFloor", Source.property("people"), Aggregate.SUM));
    twins.set("f1r1", "people", 4);
    twins.set("f2r1", "people", 1);
    hub.settle();
    assertThat(number("f1", "people")).isEqualTo(4);
    assertThat(number("b", "people")).isEqualTo(5);
    twins.deleteRelation("f1", "f1-f1r1", dev.twins.core.graph.Condition.none());
    hub.settle();
    assertThat(number("b", "people")).isEqualTo(1);
    twins.createTwin("f1r9", ROOM, Map.of("people", 7));
    twins.relate("f1", "f1-f1r9", "hasRoom", "f1r9");
    hub.settle();
    assertThat(number("f1", "people")).isEqualTo(7);
    assertThat(number("b", "people")).isEqualTo(8);
  }

  @Test
  void ruleMistakesAreRefusedWithTheirReason() {
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated("dtmi:test:Nope;1", "x", "y", Source.property("z"),
        Aggregate.SUM))).isInstanceOf(TelemetryException.class).hasMessageContaining("is not in the graph's models");
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated(ROOM, "colour", "hasSensor", Source.property("z"),
        Aggregate.SUM))).hasMessageContaining("declares no Property 'colour'");
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated(ROOM, "people", "hasFloor", Source.property("z"),
        Aggregate.SUM))).hasMessageContaining("declares no Relationship 'hasFloor'");
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated(ROOM, "people", "hasSensor", Source.telemetry("noise"),
        Aggregate.SUM))).hasMessageContaining("declares no Telemetry 'noise'");
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated(ROOM, "occupied", "hasSensor",
        Source.telemetry("temperature"), Aggregate.MEAN))).hasMessageContaining("MEAN gives a double but Property 'occupied'");
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated(ROOM, "people", "hasSensor",
        Source.telemetry("people"), Aggregate.ANY))).hasMessageContaining("ANY gives a boolean");
    assertThatThrownBy(() -> hub.rules().add(Rule.fromTelemetry(ROOM, "temperature", "temperature", Derivation.last())))
        .hasMessageContaining("declares no Telemetry 'temperature'");
    hub.rules().add(Rule.fromRelated(ROOM, "people", "hasSensor", Source.telemetry("people"), Aggregate.SUM));
    assertThatThrownBy(() -> hub.rules().add(Rule.fromRelated(ROOM, "people", "hasSensor", Source.telemetry("people"),
        Aggregate.MAX))).hasMessageContaining("already written by rule");
    assertThat(hub.rules().list()).hasSize(1);
  }

  @Test
  void cyclesAreReportedWhenTheRuleIsAdded() {
    Twins spaces = Twins.create(PlantModels.models());
    try (TelemetryHub h = TelemetryHub.attach(spaces)) {
      assertThatThrownBy(() -> h.rules().add(Rule.fromRelated(SPACE, "people", "hasPart", Source.property("people"),
          Aggregate.SUM))).isInstanceOf(TelemetryException.class).hasMessageContaining("would close a cycle")
          .hasMessageContaining("Space;1.people = SUM(hasPart -> property people) feeds Space;1.people");
      // a longer cycle: floor temperature from rooms, room temperature from floors is impossible here,
      // but occupancy from floors into a building, and the building back into floors is not declared;
      // a two-rule cycle through Room and Floor on the same property:
      h.rules().add(Rule.fromRelated(FLOOR, "temperature", "hasRoom", Source.property("temperature"), Aggregate.MEAN));
      assertThat(h.rules().list()).hasSize(1);
    }
  }

  @Test
  void removedRulesStopUpdating() {
    Rule r = Rule.fromTelemetry(SENSOR, "lastTemperature", "temperature", Derivation.last());
    hub.rules().add(r);
    hub.ingest("f1r1s1", "temperature", T0, 1);
    assertThat(hub.rules().remove(r)).isTrue();
    hub.ingest("f1r1s1", "temperature", T0 + 1, 2);
    assertThat(number("f1r1s1", "lastTemperature")).isEqualTo(1.0);
    assertThat(hub.rules().remove(r)).isFalse();
  }

  @Test
  void failedDerivedWritesAreCountedAndExplained() {
    hub.rules().add(Rule.fromTelemetry(SENSOR, "hot", "temperature", r -> r.last()));   // a number into a boolean
    hub.ingest("f1r1s1", "temperature", T0, 1);
    assertThat(hub.counts().ruleFailures()).isEqualTo(1);
    assertThat(hub.rules().lastFailure().orElseThrow()).contains("could not write 1.0 to f1r1s1");
    assertThat(hub.counts().accepted()).isEqualTo(1);
  }
}
