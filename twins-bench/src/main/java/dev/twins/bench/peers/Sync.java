package dev.twins.bench.peers;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Telemetry to twin sync (workload 3): readings replayed into a history, and each temperature
 * reading propagated as the mean temperature of its room, the room's floor and the floor's
 * building. Twins does it with its telemetry hub and rules; the peers with QuestDB for the history
 * and a graph engine updated by hand-written Java.
 *
 * <p>Meaning, the same for every engine: a temperature sensor's newest reading is the one with the
 * latest source time (late readings go to the history only); a room's {@code meanTemperature} is
 * the mean of the newest readings of its temperature sensors ({@code contains}) that have one; a
 * floor's the mean of its rooms' ({@code hasPart}) that have one, a building's of its floors'.
 */
interface Sync extends AutoCloseable {
  /** The engine names, as in the benchmarks' {@code engine} parameter. */
  List<String> NAMES = List.of("twins", "questdb-tinkergraph", "questdb-jgrapht");

  /** @return the name */
  String name();

  /**
   * Resolves what the replay looks up for every sensor of the stream (Twins: a channel; the
   * peers: a vertex), as an ingest service holding them would; called before the time counts.
   *
   * @param s the stream
   */
  void prepare(TelemetryStream s);

  /**
   * Replays readings in the order given, on the calling thread; several threads may replay
   * disjoint sets of sensors at once.
   *
   * @param s the stream
   * @param readings the readings' positions in the stream, in arrival order
   */
  void replay(TelemetryStream s, int[] readings);

  /** Ends a replay: commits what is pending. */
  void flush();

  /**
   * @param twinId a room, floor or building
   * @return its mean temperature, empty if none of its sensors has reported
   */
  OptionalDouble meanTemperature(String twinId);

  /**
   * @param sensorId a sensor
   * @return the readings of it the history holds
   */
  long stored(String sensorId);

  /** @return the bytes the engine keeps outside the Java heap (files), 0 if none */
  long offHeapBytes();

  @Override
  void close();

  /**
   * Opens an engine loaded with the portfolio, with an empty history.
   *
   * @param name the engine's name
   * @param p the portfolio
   * @return the engine
   */
  static Sync open(String name, PeerPortfolio p) {
    switch (name) {
      case "twins": return new TwinsSync(p);
      case "questdb-tinkergraph": return new TinkerGraphSync(p);
      case "questdb-jgrapht": return new JGraphTSync(p);
      default: throw new IllegalArgumentException("unknown sync engine '" + name + "', expected one of " + NAMES);
    }
  }
}
