package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.series.Side;
import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules added to a durable store's hub come back on reopen, from the journal and from snapshots. */
class RulesStoreTest {
  private static final String SENSOR = "dtmi:ex:rules:Sensor;1";
  private static final String ROOM = "dtmi:ex:rules:Room;1";
  private static final long T0 = 1_700_000_000_000L;
  private static final Models MODELS = ModelParser.parseJson("""
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:rules:Sensor;1", "@type": "Interface",
       "contents": [
         {"@type": "Telemetry", "name": "temperature", "schema": "double"},
         {"@type": "Property", "name": "last", "schema": "double"},
         {"@type": "Property", "name": "mean", "schema": "double"},
         {"@type": "Property", "name": "hot", "schema": "boolean"}
       ]}""", """
      {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:rules:Room;1", "@type": "Interface",
       "contents": [
         {"@type": "Property", "name": "temperature", "schema": "double"},
         {"@type": "Relationship", "name": "hasSensor", "target": "dtmi:ex:rules:Sensor;1"}
       ]}""");

  private static final Rule LAST = Rule.fromTelemetry(SENSOR, "last", "temperature", Derivation.last());
  private static final Rule MEAN = Rule.fromTelemetry(SENSOR, "mean", "temperature",
      Derivation.mean(Duration.ofMinutes(10)));
  private static final Rule ROOM_MEAN = Rule.fromRelated(ROOM, "temperature", "hasSensor",
      Rule.Source.property("last"), Aggregate.MEAN);

  @TempDir Path dir;

  private TwinStore open() {
    return TwinStore.builder(dir).models(MODELS).snapshotEvery(0).open();
  }

  private static double number(TwinStore s, String twin, String property) {
    s.telemetry().settle();
    return s.twins().twin(twin).orElseThrow().number(property).orElseThrow();
  }

  @Test
  void derivationSpecsReadBackIntoEqualDerivations() {
    for (Derivation d : List.of(Derivation.last(), Derivation.mean(Duration.ofHours(1)),
        Derivation.timeWeightedMean(Duration.ofMinutes(5)), Derivation.runLongerThan(Side.ABOVE, 39.5, Duration.ofDays(1)),
        Derivation.runSeconds(Side.BELOW, -3), Derivation.trendPerHour(Duration.ofHours(2)),
        Derivation.zScore(Duration.ofHours(3)), Derivation.stationaryLongerThan(100, Duration.ofDays(1)))) {
      assertThat(Derivation.parse(d.spec().orElseThrow())).isEqualTo(d);
    }
    assertThat(Derivation.lastMatches(v -> v > 1).spec()).isEmpty();
    assertThatThrownBy(() -> Derivation.parse("median(PT1H)")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown derivation 'median'");
  }

  @Test
  void rulesComeBackFromTheJournalAndFromSnapshots() {
    try (TwinStore store = open()) {
      store.twins().createTwin("sensor-1", SENSOR, Map.of());
      store.twins().createTwin("room-1", ROOM, Map.of());
      store.twins().relate("room-1", "s1", "hasSensor", "sensor-1");
      store.telemetry().rules().add(LAST);
      store.telemetry().rules().add(ROOM_MEAN);
      store.telemetry().ingest("sensor-1", "temperature", T0, 21.0);
      assertThat(number(store, "room-1", "temperature")).isEqualTo(21.0);
      // code cannot be recorded: refused, and the rules stay as they were
      assertThatThrownBy(() -> store.telemetry().rules().add(Rule.fromTelemetry(SENSOR, "hot", "temperature",
          r -> Optional.empty())))
          .isInstanceOf(TelemetryException.class).hasMessageContaining("lambda").hasMessageContaining("Sensor;1.hot");
      assertThatThrownBy(() -> store.telemetry().rules().add(Rule.fromTelemetry(SENSOR, "hot", "temperature",
          Derivation.lastMatches(v -> v > 30)))).isInstanceOf(TelemetryException.class);
      assertThat(store.telemetry().rules().list()).containsExactly(LAST, ROOM_MEAN);
    }
    try (TwinStore store = open()) {
      assertThat(store.telemetry().rules().list()).containsExactly(LAST, ROOM_MEAN);
      store.telemetry().ingest("sensor-1", "temperature", T0 + 1000, 23.0);
      assertThat(number(store, "sensor-1", "last")).isEqualTo(23.0);
      assertThat(number(store, "room-1", "temperature")).isEqualTo(23.0);
      store.telemetry().rules().add(MEAN);
      store.snapshot(); // the rules now come from the snapshot
      assertThat(store.telemetry().rules().remove(LAST)).isTrue();
    }
    try (TwinStore store = open()) {
      assertThat(store.recovery().snapshot()).isPresent();
      assertThat(store.telemetry().rules().list()).containsExactly(ROOM_MEAN, MEAN);
      store.telemetry().ingest("sensor-1", "temperature", T0 + 2000, 25.0);
      assertThat(number(store, "sensor-1", "mean")).isEqualTo(23.0); // 21, 23, 25
      assertThat(number(store, "sensor-1", "last")).isEqualTo(23.0); // its rule is gone
    }
  }
}
