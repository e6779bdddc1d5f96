package dev.twins.core.series;

import java.util.Optional;
import java.util.OptionalDouble;

/** A series of strings or enum values, stored with a dictionary of the distinct values. */
public non-sealed interface StringSeries extends Series {
  /**
   * Adds a sample, placed by its time after every sample with an earlier or equal time.
   *
   * @param time epoch milliseconds
   * @param value the value
   * @return true if stored; false if it is older than the {@link Retention} keeps
   * @throws NullPointerException if {@code value} is null
   */
  boolean append(long time, String value);

  /**
   * Returns the newest value.
   *
   * @return the value, empty if the series is empty
   */
  Optional<String> last();

  /**
   * Returns the value in effect at a moment: that of the newest sample at or before it.
   *
   * @param asOf epoch milliseconds
   * @return the value, empty if no sample is at or before {@code asOf}
   */
  Optional<String> valueAt(long asOf);

  /**
   * Walks the samples of a window.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return a cursor over a copy of the window
   */
  StringCursor scan(long from, long to);

  /**
   * Returns the share of time a window spent with a value, with the edge treatment of {@link
   * DoubleSeries#timeWeightedMean(long, long)}.
   *
   * @param value the value
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the share in [0, 1], empty if no sample is before {@code to} or {@code to <= from}
   */
  OptionalDouble share(String value, long from, long to);

  /**
   * Returns how long the series has had its current value: the unbroken sequence of samples
   * equal to the newest one at or before {@code asOf}.
   *
   * @param asOf the moment asked about; the run ends there
   * @return the run, empty if no sample is at or before {@code asOf}
   */
  Optional<Run> currentRun(long asOf);
}
