package dev.twins.core.series;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The series of many twins, keyed by twin id and telemetry name. A series is created on first
 * use, with the retention the store's policy gives for its twin and name. Thread-safe; lookups
 * of an existing series allocate nothing, so ingest code may call them per message (or keep the
 * series it gets).
 *
 * <pre>{@code
 * SeriesStore store = SeriesStore.create((twin, name) -> Retention.ofAge(Duration.ofDays(30).toMillis()));
 * store.doubles("pump-7", "vibration").append(time, 4.2);
 * }</pre>
 */
public interface SeriesStore {
  /**
   * Creates an empty store whose series keep everything.
   *
   * @return the store
   */
  static SeriesStore create() {
    return create((twinId, name) -> Retention.UNBOUNDED);
  }

  /**
   * Creates an empty store with a retention policy.
   *
   * @param retention gives the retention of a new series from its twin id and telemetry name
   *     (called once per series, when it is created)
   * @return the store
   */
  static SeriesStore create(BiFunction<String, String, Retention> retention) {
    return new dev.twins.core.internal.series.SeriesStoreImpl(retention);
  }

  /**
   * Returns the series of numbers of a twin's telemetry, creating it if absent.
   *
   * @param twinId the twin
   * @param name the telemetry name (with its component prefix, if any, as the caller keys it)
   * @return the series
   * @throws IllegalArgumentException if the series exists with another kind
   */
  DoubleSeries doubles(String twinId, String name);

  /**
   * Returns the series of booleans of a twin's telemetry, creating it if absent.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @return the series
   * @throws IllegalArgumentException if the series exists with another kind
   */
  BooleanSeries booleans(String twinId, String name);

  /**
   * Returns the series of strings or enum values of a twin's telemetry, creating it if absent.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @return the series
   * @throws IllegalArgumentException if the series exists with another kind
   */
  StringSeries strings(String twinId, String name);

  /**
   * Returns the series of geospatial points of a twin's telemetry, creating it if absent.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @return the series
   * @throws IllegalArgumentException if the series exists with another kind
   */
  GeoSeries geoPoints(String twinId, String name);

  /**
   * Looks up a series without creating it.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @return the series, empty if absent
   */
  Optional<Series> find(String twinId, String name);

  /**
   * Returns the series of a twin.
   *
   * @param twinId the twin
   * @return an immutable snapshot, by telemetry name; empty if the twin has none
   */
  Map<String, Series> seriesOf(String twinId);

  /**
   * Returns the twins that have series.
   *
   * @return an immutable snapshot of their ids
   */
  Set<String> twinIds();

  /**
   * Removes one series.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @return whether it existed
   */
  boolean remove(String twinId, String name);

  /**
   * Removes every series of a twin (when the twin is deleted).
   *
   * @param twinId the twin
   * @return whether it had any
   */
  boolean removeTwin(String twinId);

  /**
   * Returns the number of series held.
   *
   * @return the count
   */
  long seriesCount();

  /**
   * Returns the bytes all samples take (the sum of {@link Series#storedBytes()}).
   *
   * @return bytes
   */
  long storedBytes();
}
