package dev.twins.persistence;

import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Rule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link TelemetryCrashTest}: opens the store (fsync on every write), makes
 * its sensor, room and rule once, then ingests reading {@code i} (value {@code i}) from where the
 * store stands and prints {@code ack <i>} after each ingest returned, until it is killed.
 */
public final class TelemetryCrashWriter {
  static final String SENSOR = "dtmi:twins:demo:Sensor;1";
  static final String ROOM = "dtmi:twins:demo:Room;1";
  static final long T0 = 1_700_000_000_000L;
  static final Rule RULE = Rule.fromRelated(ROOM, "temperature", "hasSensor", Rule.Source.telemetry("temperature"),
      Aggregate.MAX);

  private TelemetryCrashWriter() {}

  static TwinStore open(Path dir, long snapshotEvery, boolean series) {
    return TwinStore.builder(dir).models(Graphs.MODELS).durability(Durability.everyWrite()).snapshotEvery(snapshotEvery)
        .segmentBytes(16 * 1024).telemetryOptions(b -> b.series(series)).open();
  }

  /**
   * Runs the writer.
   *
   * @param args the store directory, snapshotEvery, series on (true/false)
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    try (TwinStore store = open(Path.of(args[0]), Long.parseLong(args[1]), Boolean.parseBoolean(args[2]))) {
      if (store.twins().twin("sensor-1").isEmpty()) {
        store.twins().createTwin("sensor-1", SENSOR, Map.of("kind", "temperature"));
        store.twins().createTwin("room-1", ROOM, Map.of("temperature", -1.0));
        store.twins().relate("room-1", "s1", "hasSensor", "sensor-1");
      }
      if (store.telemetry().rules().list().isEmpty()) store.telemetry().rules().add(RULE);
      long start = store.telemetry().last("sensor-1", "temperature").map(v -> (long) v.asDouble() + 1).orElse(0L);
      out.println("ready " + start);
      out.flush();
      for (long i = start; ; i++) {
        store.telemetry().ingest("sensor-1", "temperature", T0 + i * 1000, i);
        out.println("ack " + i);
        out.flush();
      }
    }
  }
}
