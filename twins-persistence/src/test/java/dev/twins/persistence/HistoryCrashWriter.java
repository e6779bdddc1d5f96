package dev.twins.persistence;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.telemetry.TelemetryMessage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The child process of {@link HistoryCrashTest}: opens the store (fsync on every write) with a
 * property history of the rooms' temperature, makes room-1 once (temperature -1), then makes write
 * {@code i} from where the store stands — the temperature set to {@code i}, or removed when
 * {@code i % 10 == 9} — followed by a telemetry message with id {@code m-i}, and prints
 * {@code ack <i>} once both returned, until it is killed.
 */
public final class HistoryCrashWriter {
  static final String ROOM = "dtmi:twins:demo:Room;1";
  static final long T0 = 1_700_000_000_000L;

  private HistoryCrashWriter() {}

  static TwinStore open(Path dir, long snapshotEvery, boolean withHistory) {
    TwinStore.Builder b = TwinStore.builder(dir).models(Graphs.MODELS).durability(Durability.everyWrite())
        .snapshotEvery(snapshotEvery).segmentBytes(16 * 1024);
    return (withHistory ? b.propertyHistory(h -> h.track(ROOM, "temperature")) : b).open();
  }

  static TelemetryMessage message(long i) {
    return new TelemetryMessage("sensor-1", Optional.empty(), T0 + i * 1000, Map.of("temperature",
        JsonNodeFactory.instance.numberNode((double) i)), Optional.of("m-" + i));
  }

  /**
   * Runs the writer.
   *
   * @param args the store directory, snapshotEvery
   * @throws InterruptedException never
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    try (TwinStore store = open(Path.of(args[0]), Long.parseLong(args[1]), true)) {
      if (store.twins().twin("room-1").isEmpty()) {
        store.twins().createTwin("room-1", ROOM, Map.of("temperature", -1.0));
        store.twins().createTwin("sensor-1", "dtmi:twins:demo:Sensor;1", Map.of("kind", "temperature"));
      }
      long start = store.twins().twin("room-1").orElseThrow().version() - 1;
      out.println("ready " + start);
      out.flush();
      for (long i = start; ; i++) {
        if (i % 10 == 9) {
          store.twins().patch("room-1", JsonPatch.builder().remove("/temperature").build());
        } else {
          store.twins().set("room-1", "temperature", (double) i);
        }
        store.telemetry().ingest(message(i));
        out.println("ack " + i);
        out.flush();
        Thread.sleep(2); // distinct commit milliseconds
      }
    }
  }
}
