package dev.twins.core.internal.series;

import dev.twins.core.series.Series;

/**
 * Appends for a writer that holds a series' lock itself: the telemetry hub locks a slot's series
 * once per message, checks and updates its own state under the same lock, and appends to the
 * column directly. The lock of a series made here is its {@link Column} (every method of the
 * series locks it), so the hub's lock is the series' lock and readers see each message whole.
 */
public final class HeldColumns {
  private HeldColumns() {}

  /**
   * Returns the object every method of a series locks.
   *
   * @param series a series
   * @return its column for a series made by Twins; the series itself otherwise
   */
  public static Object lockOf(Series series) {
    return series instanceof AbstractSeries a ? a.column : series;
  }

  /**
   * Returns the column of a series of doubles or booleans made by Twins, for
   * {@link #appendDouble} and {@link #appendBoolean}.
   *
   * @param series a series
   * @return its column, or null if the series is of another kind or was not made by Twins
   */
  public static Column columnOf(Series series) {
    return series instanceof DoubleSeriesImpl || series instanceof BooleanSeriesImpl
        ? ((AbstractSeries) series).column : null;
  }

  /**
   * Appends a double, as {@code DoubleSeries.append} does, while the caller holds the lock.
   *
   * @param column the column of a series of doubles, locked by the caller
   * @param time the time
   * @param value the value
   * @return whether it was stored (false: older than the retention keeps)
   */
  public static boolean appendDouble(Column column, long time, double value) {
    return column.append(time, Double.doubleToRawLongBits(value));
  }

  /**
   * Appends a boolean, as {@code BooleanSeries.append} does, while the caller holds the lock.
   *
   * @param column the column of a series of booleans, locked by the caller
   * @param time the time
   * @param value the value
   * @return whether it was stored (false: older than the retention keeps)
   */
  public static boolean appendBoolean(Column column, long time, boolean value) {
    return column.append(time, value ? 1L : 0L);
  }
}
