package dev.twins.core.internal.series;

import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.StringSeries;
import java.util.Objects;

/** Creates the series of each kind with their codecs and the block capacity. */
public final class SeriesFactory {
  /** Samples per closed block. */
  public static final int BLOCK_CAPACITY = 256;

  private SeriesFactory() {}

  /**
   * Creates a series of doubles.
   *
   * @param retention its retention
   * @return the series
   */
  public static DoubleSeries doubles(Retention retention) {
    return doubles(retention, BLOCK_CAPACITY);
  }

  /**
   * Creates a series of doubles with another block capacity (for tests of block edges).
   *
   * @param retention its retention
   * @param capacity samples per block, a power of 2, at least 8
   * @return the series
   */
  public static DoubleSeriesImpl doubles(Retention retention, int capacity) {
    Objects.requireNonNull(retention, "retention");
    return new DoubleSeriesImpl(
        new Column(1, Codecs.doubles(), Column.Aggregates.DOUBLES, capacity, retention), retention);
  }

  /**
   * Creates a series of booleans.
   *
   * @param retention its retention
   * @return the series
   */
  public static BooleanSeries booleans(Retention retention) {
    return booleans(retention, BLOCK_CAPACITY);
  }

  /**
   * Creates a series of booleans with another block capacity.
   *
   * @param retention its retention
   * @param capacity samples per block, a power of 2, at least 8
   * @return the series
   */
  public static BooleanSeriesImpl booleans(Retention retention, int capacity) {
    Objects.requireNonNull(retention, "retention");
    return new BooleanSeriesImpl(
        new Column(1, Codecs.runs(), Column.Aggregates.BOOLEANS, capacity, retention), retention);
  }

  /**
   * Creates a series of strings.
   *
   * @param retention its retention
   * @return the series
   */
  public static StringSeries strings(Retention retention) {
    return strings(retention, BLOCK_CAPACITY);
  }

  /**
   * Creates a series of strings with another block capacity.
   *
   * @param retention its retention
   * @param capacity samples per block, a power of 2, at least 8
   * @return the series
   */
  public static StringSeriesImpl strings(Retention retention, int capacity) {
    Objects.requireNonNull(retention, "retention");
    return new StringSeriesImpl(
        new Column(1, Codecs.runs(), Column.Aggregates.NONE, capacity, retention), retention);
  }

  /**
   * Creates a series of points.
   *
   * @param retention its retention
   * @return the series
   */
  public static GeoSeries geoPoints(Retention retention) {
    return geoPoints(retention, BLOCK_CAPACITY);
  }

  /**
   * Creates a series of points with another block capacity.
   *
   * @param retention its retention
   * @param capacity samples per block, a power of 2, at least 8
   * @return the series
   */
  public static GeoSeriesImpl geoPoints(Retention retention, int capacity) {
    Objects.requireNonNull(retention, "retention");
    return new GeoSeriesImpl(
        new Column(2, Codecs.points(), Column.Aggregates.NONE, capacity, retention), retention);
  }
}
