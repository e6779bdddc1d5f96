package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.WindowStats;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.TelemetryHub;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telemetry through a store's hub is journaled, kept in snapshots and back after reopening. */
class TelemetryStoreTest {
  @TempDir Path dir;

  private static final long T0 = 1_700_000_000_000L;

  private TwinStore open() {
    return TwinStore.builder(dir).models(Graphs.MODELS).snapshotEvery(0).open();
  }

  private static DoubleSeries series(TwinStore store) {
    return (DoubleSeries) store.telemetry().series("sensor-1", "temperature").orElseThrow();
  }

  @Test
  void telemetryHistorySurvivesReopenAndSnapshots() {
    try (TwinStore store = open()) {
      store.twins().createTwin("sensor-1", "dtmi:twins:demo:Sensor;1", Map.of("kind", "temperature"));
      TelemetryHub hub = store.telemetry();
      for (int i = 0; i < 100; i++) {
        assertThat(hub.ingest("sensor-1", "temperature", T0 + i * 1000L, 20 + i * 0.1)).isEqualTo(Outcome.ACCEPTED);
      }
    }
    try (TwinStore store = open()) {
      assertThat(series(store).size()).isEqualTo(100);
      assertThat(store.recovery().telemetryRefused()).isZero();
      store.snapshot();
      for (int i = 100; i < 150; i++) store.telemetry().ingest("sensor-1", "temperature", T0 + i * 1000L, 30.0);
      store.snapshot();
      store.telemetry().ingest("sensor-1", "occupancy", T0, 1.0); // boolean telemetry: refused, not journaled
    }
    try (TwinStore store = open()) {
      DoubleSeries s = series(store);
      assertThat(s.size()).isEqualTo(150);
      WindowStats w = s.stats(T0, T0 + 100_000);
      assertThat(w.count()).isEqualTo(100);
      assertThat(s.last()).hasValue(30.0);
      assertThat(store.telemetry().last("sensor-1", "temperature")).get().extracting(n -> n.asDouble()).isEqualTo(30.0);
      assertThat(store.recovery().snapshot()).isPresent();
    }
  }

  @Test
  void newestReadingsWithoutHistorySurviveSnapshotsAndReopening() {
    java.util.function.Supplier<TwinStore> open = () -> TwinStore.builder(dir).models(Graphs.MODELS).snapshotEvery(0)
        .telemetryOptions(b -> b.series(false)).open();
    try (TwinStore store = open.get()) {
      store.twins().createTwin("sensor-1", "dtmi:twins:demo:Sensor;1", Map.of("kind", "temperature"));
      store.twins().createTwin("sensor-2", "dtmi:twins:demo:Sensor;1", Map.of("kind", "occupancy"));
      store.telemetry().ingest("sensor-1", "temperature", T0, 20.0);
      store.telemetry().ingest("sensor-1", "temperature", T0 + 1000, 21.5);
      assertThat(store.telemetry().ingest(new dev.twins.core.telemetry.TelemetryMessage("sensor-2",
          java.util.Optional.empty(), T0, Map.of("occupancy", tools.jackson.databind.node.BooleanNode.TRUE),
          java.util.Optional.empty()))).isEqualTo(Outcome.ACCEPTED);
      store.snapshot(); // the journal before it is not replayed any more
    }
    try (TwinStore store = open.get()) {
      assertThat(store.recovery().snapshot()).isPresent();
      assertThat(store.recovery().telemetryRefused()).isZero();
      assertThat(store.telemetry().last("sensor-1", "temperature")).hasValueSatisfying(v ->
          assertThat(v.asDouble()).isEqualTo(21.5));
      assertThat(store.telemetry().last("sensor-2", "occupancy")).hasValueSatisfying(v ->
          assertThat(v.asBoolean()).isTrue());
      // a late reading still loses to the restored newest one
      assertThat(store.telemetry().ingest("sensor-1", "temperature", T0 + 500, 19.0)).isEqualTo(Outcome.ACCEPTED_LATE);
      store.snapshot();
    }
    try (TwinStore store = open.get()) {
      assertThat(store.telemetry().last("sensor-1", "temperature")).hasValueSatisfying(v ->
          assertThat(v.asDouble()).isEqualTo(21.5));
    }
  }

  @Test
  void addingModelsKeepsTelemetry() {
    try (TwinStore store = TwinStore.builder(dir).models(dev.twins.core.model.Models.of(java.util.List.of(
        Graphs.MODELS.require("dtmi:twins:demo:Sensor;1")))).open()) {
      store.twins().createTwin("sensor-1", "dtmi:twins:demo:Sensor;1", Map.of("kind", "temperature"));
      store.telemetry().ingest("sensor-1", "temperature", T0, 21.0);
      store.addModels(Graphs.MODELS);
      assertThat(series(store).size()).isEqualTo(1);
      store.telemetry().ingest("sensor-1", "temperature", T0 + 1000, 22.0);
      assertThat(store.models()).isEqualTo(Graphs.MODELS);
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(series(store).size()).isEqualTo(2);
      assertThat(store.models()).isEqualTo(Graphs.MODELS);
    }
  }
}
