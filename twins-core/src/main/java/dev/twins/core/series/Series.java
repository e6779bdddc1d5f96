package dev.twins.core.series;

import java.util.OptionalLong;

/**
 * The history of one telemetry value of one twin: samples ordered by time (epoch milliseconds),
 * of one {@link SeriesKind}. Create series with a {@link SeriesStore}, or standalone with {@link
 * #doubles(Retention)} and its siblings.
 *
 * <p>Thread-safe. Windows are half-open, {@code [from, to)}; {@code asOf} functions see the samples
 * at or before {@code asOf}.
 */
public sealed interface Series permits DoubleSeries, BooleanSeries, StringSeries, GeoSeries {
  /**
   * Returns the kind of values held.
   *
   * @return the kind
   */
  SeriesKind kind();

  /**
   * Returns the retention that bounds this series.
   *
   * @return the retention
   */
  Retention retention();

  /**
   * Returns the number of samples held.
   *
   * @return the count of retained samples
   */
  long size();

  /**
   * Returns the number of samples in a window.
   *
   * @param from start, inclusive (epoch milliseconds)
   * @param to end, exclusive
   * @return the count, 0 if {@code to <= from}
   */
  long count(long from, long to);

  /**
   * Returns the time of the oldest sample held.
   *
   * @return its time, empty if the series is empty
   */
  OptionalLong firstTime();

  /**
   * Returns the time of the newest sample.
   *
   * @return its time, empty if the series is empty
   */
  OptionalLong lastTime();

  /**
   * Returns the age of the newest sample at or before {@code asOf}.
   *
   * @param asOf the moment asked about (epoch milliseconds)
   * @return {@code asOf} minus that sample's time; empty if there is no sample at or before
   *     {@code asOf}
   */
  OptionalLong ageMillis(long asOf);

  /**
   * Returns the number of bytes the samples take in memory: the compressed blocks and the open
   * block's arrays, without the fixed overhead of the series object.
   *
   * @return bytes
   */
  long storedBytes();

  /**
   * Creates a standalone series of numbers.
   *
   * @param retention how much history it keeps
   * @return the empty series
   */
  static DoubleSeries doubles(Retention retention) {
    return dev.twins.core.internal.series.SeriesFactory.doubles(retention);
  }

  /**
   * Creates a standalone series of booleans.
   *
   * @param retention how much history it keeps
   * @return the empty series
   */
  static BooleanSeries booleans(Retention retention) {
    return dev.twins.core.internal.series.SeriesFactory.booleans(retention);
  }

  /**
   * Creates a standalone series of strings or enum values.
   *
   * @param retention how much history it keeps
   * @return the empty series
   */
  static StringSeries strings(Retention retention) {
    return dev.twins.core.internal.series.SeriesFactory.strings(retention);
  }

  /**
   * Creates a standalone series of geospatial points.
   *
   * @param retention how much history it keeps
   * @return the empty series
   */
  static GeoSeries geoPoints(Retention retention) {
    return dev.twins.core.internal.series.SeriesFactory.geoPoints(retention);
  }
}
