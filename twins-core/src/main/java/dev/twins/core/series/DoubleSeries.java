package dev.twins.core.series;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A series of numbers (DTDL double, float, integer and long telemetry), with the window functions
 * of predictive maintenance and space usage.
 *
 * <p>Any double is stored exactly, NaN payloads, infinities and negative zero included (telemetry
 * ingest rejects NaN and infinities before they get here); statistics follow IEEE arithmetic, so a
 * NaN in a window makes its mean NaN.
 */
public non-sealed interface DoubleSeries extends Series {
  /**
   * Adds a sample, placed by its time: after every sample with an earlier or equal time. Appending
   * in time order allocates nothing except when a block fills.
   *
   * @param time epoch milliseconds
   * @param value the value
   * @return true if stored; false if it is older than the {@link Retention} keeps (not stored)
   */
  boolean append(long time, double value);

  /**
   * Returns the newest value.
   *
   * @return the value of the sample with the greatest time, empty if the series is empty
   */
  OptionalDouble last();

  /**
   * Returns the value in effect at a moment: that of the newest sample at or before it.
   *
   * @param asOf epoch milliseconds
   * @return the value, empty if no sample is at or before {@code asOf}
   */
  OptionalDouble valueAt(long asOf);

  /**
   * Walks the samples of a window.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return a cursor over a copy of the window
   */
  DoubleCursor scan(long from, long to);

  /**
   * Returns count, sum, mean, min, max and standard deviation of a window's samples.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the statistics, {@link WindowStats#EMPTY} for an empty window
   */
  WindowStats stats(long from, long to);

  /**
   * Returns the mean of a window's samples, each counting once.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the mean, empty for an empty window
   */
  OptionalDouble mean(long from, long to);

  /**
   * Returns a percentile of a window's values, as Commons Math's {@code Percentile} estimates it
   * (its default estimation).
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @param percent the percentile, in (0, 100]; 50 is the median
   * @return the estimate, empty for an empty window
   * @throws IllegalArgumentException if {@code percent} is not in (0, 100]
   */
  OptionalDouble percentile(long from, long to, double percent);

  /**
   * Returns the mean over time of a window, for irregular sampling: each value holds from its
   * sample's time until the next sample's time (the last one until {@code to}), and the mean
   * weighs each value by how long it held inside the window. The value in effect at {@code from} is
   * that of the newest sample before it; if there is none, the window is measured from its first
   * sample (the time before it is not counted). For a 0/1 series this is the share of time at 1.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the time-weighted mean, empty if no sample is before {@code to} or {@code to <= from}
   */
  OptionalDouble timeWeightedMean(long from, long to);

  /**
   * Returns the current run on one side of a threshold: the unbroken sequence of samples, ending
   * with the newest sample at or before {@code asOf}, whose values are all on {@code side}.
   *
   * @param side above or below (strictly)
   * @param threshold the threshold
   * @param asOf the moment asked about; the run ends there
   * @return the run, empty if the newest sample at or before {@code asOf} is not on that side
   */
  Optional<Run> currentRun(Side side, double threshold, long asOf);

  /**
   * Fits a straight line to a window's samples by least squares.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the trend, empty below 2 samples or when all samples share one time
   */
  Optional<Trend> trend(long from, long to);

  /**
   * Forecasts how long until the value reaches a threshold at the current trend: the trend of
   * {@code [from, to)} extrapolated from {@code to}.
   *
   * @param threshold the value to reach
   * @param from start of the window the trend is fitted on, inclusive
   * @param to end, exclusive; also the moment counted from
   * @return milliseconds from {@code to}; empty if there is no trend or it never reaches the
   *     threshold (see {@link Trend#millisUntil(double, long)})
   */
  OptionalLong millisUntil(double threshold, long from, long to);

  /**
   * Returns the z-score of the newest sample of a window against the window's samples: its
   * distance from their mean in sample standard deviations.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the z-score, empty below 2 samples or when the deviation is 0
   */
  OptionalDouble zScore(long from, long to);
}
