package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The telemetry duplicate window survives a reopen: a message sent again after the store was
 * closed (with or without snapshots in between) is dropped exactly when a hub that never closed
 * drops it.
 */
class DuplicateWindowStoreTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final String SENSOR = "dtmi:twins:demo:Sensor;1";
  /** A short window and a small capacity, so that ids also leave it. */
  private static final UnaryOperator<TelemetryHub.Builder> HUB = b -> b.duplicateWindow(Duration.ofSeconds(20))
      .duplicateCapacity(8);

  @TempDir Path dir;

  private TwinStore open() {
    return TwinStore.builder(dir).models(Graphs.MODELS).snapshotEvery(0).telemetryOptions(HUB).open();
  }

  /**
   * @param snapshotAt after how many messages a snapshot is taken (-1: none)
   */
  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 17, 40, 59, 60})
  void aMessageSentAgainAfterAReopenIsADuplicateExactlyAsWithoutOne(int snapshotAt) {
    Twins reference = Twins.builder(Graphs.MODELS).build();
    TelemetryHub referenceHub = HUB.apply(TelemetryHub.builder(reference)).build();
    Random random = new Random(snapshotAt + 7);
    List<TelemetryMessage> sent = new ArrayList<>();
    try (TwinStore store = open()) {
      for (Twins g : List.of(store.twins(), reference)) {
        g.createTwin("sensor-1", SENSOR, Map.of("kind", "temperature"));
        g.createTwin("sensor-2", SENSOR, Map.of("kind", "temperature"));
      }
      for (int i = 0; i < 60; i++) {
        if (i == snapshotAt) store.snapshot();
        // mostly in order, some late; ids repeat now and then
        long time = T0 + i * 1000L - (random.nextInt(4) == 0 ? random.nextInt(15_000) : 0);
        String id = "m-" + (random.nextInt(5) == 0 && i > 0 ? random.nextInt(i) : i);
        TelemetryMessage m = message(i % 3 == 0 ? "sensor-2" : "sensor-1", id, time, 20 + i * 0.5);
        assertThat(store.telemetry().ingest(m)).isEqualTo(referenceHub.ingest(m));
        sent.add(m);
      }
      if (snapshotAt == 60) store.snapshot();
    }
    try (TwinStore store = open()) {
      assertThat(store.recovery().telemetryRefused()).isZero();
      int duplicates = 0;
      for (int i = sent.size() - 1; i >= 0; i--) { // newest first, so that the window still holds some
        TelemetryMessage m = sent.get(i);
        Outcome expected = referenceHub.ingest(m);
        assertThat(store.telemetry().ingest(m)).as("%s sent again", m).isEqualTo(expected);
        if (expected == Outcome.DUPLICATE) duplicates++;
      }
      assertThat(duplicates).isPositive();
    }
    referenceHub.close();
  }

  private static TelemetryMessage message(String twin, String id, long time, double value) {
    return new TelemetryMessage(twin, Optional.empty(), time, Map.of("temperature",
        JsonNodeFactory.instance.numberNode(value)), Optional.of(id));
  }
}
