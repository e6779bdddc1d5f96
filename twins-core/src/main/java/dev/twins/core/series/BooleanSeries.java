package dev.twins.core.series;

import java.util.Optional;
import java.util.OptionalDouble;

/** A series of booleans (occupancy, alarms), stored as runs. */
public non-sealed interface BooleanSeries extends Series {
  /**
   * Adds a sample, placed by its time after every sample with an earlier or equal time.
   *
   * @param time epoch milliseconds
   * @param value the value
   * @return true if stored; false if it is older than the {@link Retention} keeps
   */
  boolean append(long time, boolean value);

  /**
   * Returns the newest value.
   *
   * @return the value, empty if the series is empty
   */
  Optional<Boolean> last();

  /**
   * Returns the value in effect at a moment: that of the newest sample at or before it.
   *
   * @param asOf epoch milliseconds
   * @return the value, empty if no sample is at or before {@code asOf}
   */
  Optional<Boolean> valueAt(long asOf);

  /**
   * Walks the samples of a window.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return a cursor over a copy of the window
   */
  BooleanCursor scan(long from, long to);

  /**
   * Returns the number of true samples in a window.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the count
   */
  long countTrue(long from, long to);

  /**
   * Returns the share of time the value was true in a window ("the share of time a room was
   * occupied"), with the edge treatment of {@link DoubleSeries#timeWeightedMean(long, long)}.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the share in [0, 1], empty if no sample is before {@code to} or {@code to <= from}
   */
  OptionalDouble trueShare(long from, long to);

  /**
   * Returns how long the value has been {@code value}: the unbroken sequence of such samples
   * ending with the newest sample at or before {@code asOf}.
   *
   * @param value the value of the run
   * @param asOf the moment asked about; the run ends there
   * @return the run, empty if the newest sample at or before {@code asOf} has the other value
   */
  Optional<Run> currentRun(boolean value, long asOf);
}
