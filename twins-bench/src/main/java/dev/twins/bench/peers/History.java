package dev.twins.bench.peers;

/**
 * A telemetry history: Twins' series store or QuestDB. Both keep every reading, late ones in
 * their time order and duplicates as extra samples.
 */
public interface History extends AutoCloseable {
  /** @return the name, as in the benchmarks' {@code engine} parameter */
  String name();

  /**
   * Appends readings of a stream, in arrival order.
   *
   * @param s the stream
   * @param from the first reading
   * @param to the reading after the last
   */
  void ingest(TelemetryStream s, int from, int to);

  /**
   * @param sensorId a sensor's twin id
   * @return how many readings of the sensor are held
   */
  long count(String sensorId);

  /**
   * The mean of a sensor's readings in a time window.
   *
   * @param sensorId the sensor's twin id
   * @param fromMicros start, inclusive, in microseconds since the epoch (whole milliseconds)
   * @param toMicros end, exclusive (whole milliseconds)
   * @return the mean, NaN for an empty window
   */
  double mean(String sensorId, long fromMicros, long toMicros);

  /** @return the bytes the history keeps outside the Java heap (files), 0 if none */
  long offHeapBytes();

  @Override
  void close();
}
