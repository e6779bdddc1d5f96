package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A snapshot taken while a telemetry record is appended but not yet marked in flight: the
 * snapshot's journal position must not cover a message the hub has not applied yet, or a reopen
 * (which replays only after that position) loses the message's readings and its id.
 */
class SnapshotTelemetryOrderTest {
  private static final Models MODELS = Twins.demo().models();
  private static final String SENSOR = "dtmi:twins:demo:Sensor;1";
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  private StoreEngine open() {
    return StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), MODELS, UnaryOperator.identity(),
        UnaryOperator.identity(), 64L << 20, 0, CorruptionPolicy.FAIL));
  }

  private static TelemetryMessage message(int i) {
    return new TelemetryMessage("sensor-1", Optional.empty(), T0 + i * 1000L,
        Map.of("temperature", JsonNodeFactory.instance.numberNode((double) i)), Optional.of("m-" + i));
  }

  @Test
  void aSnapshotNeverCoversATelemetryRecordAppendedButNotYetInFlight() throws Exception {
    StoreEngine store = open();
    store.graph().createTwin("sensor-1", SENSOR, Map.of("kind", "temperature"));
    assertThat(store.telemetry().ingest(message(0))).isEqualTo(Outcome.ACCEPTED);

    AtomicReference<Thread> snapshotter = new AtomicReference<>();
    AtomicBoolean snapshotChose = new AtomicBoolean();
    AtomicBoolean inWindow = new AtomicBoolean();
    AtomicLong messageLsn = new AtomicLong(-1);
    AtomicLong chosenLsn = new AtomicLong(-1);
    AtomicBoolean chosenInWindow = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    store.snapshotLsnChosen = lsn -> {
      chosenLsn.set(lsn);
      chosenInWindow.set(inWindow.get());
      snapshotChose.set(true);
    };
    store.telemetryAppended = lsn -> {
      if (!messageLsn.compareAndSet(-1, lsn)) return;
      // the record of m-1 is appended, not yet marked in flight: a snapshot starts now and runs
      // until it has chosen its position, or until it waits for this append to finish
      inWindow.set(true);
      Thread t = new Thread(() -> {
        try {
          store.snapshot();
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "test-snapshot");
      snapshotter.set(t);
      t.start();
      while (!snapshotChose.get() && t.getState() != Thread.State.BLOCKED && t.isAlive()) Thread.onSpinWait();
      inWindow.set(false);
    };
    assertThat(store.telemetry().ingest(message(1))).isEqualTo(Outcome.ACCEPTED);
    store.telemetryAppended = null;
    snapshotter.get().join();
    assertThat(failure.get()).isNull();
    assertThat(chosenLsn.get()).as("the snapshot covers m-1's record").isGreaterThanOrEqualTo(messageLsn.get());
    assertThat(chosenInWindow.get()).as("the snapshot chose its position while m-1 was appended but not in flight")
        .isFalse();
    store.close();

    StoreEngine again = open();
    try {
      assertThat(again.telemetry().series("sensor-1", "temperature").orElseThrow().size()).isEqualTo(2);
      assertThat(again.telemetry().ingest(message(1))).isEqualTo(Outcome.DUPLICATE);
      assertThat(again.telemetry().ingest(message(0))).isEqualTo(Outcome.DUPLICATE);
    } finally {
      again.close();
    }
  }
}
