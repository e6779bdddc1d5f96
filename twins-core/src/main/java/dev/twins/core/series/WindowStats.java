package dev.twins.core.series;

/**
 * Statistics of the samples of a window, each sample counting once whatever its spacing (for a
 * mean weighted by time, see {@link DoubleSeries#timeWeightedMean(long, long)}).
 *
 * @param count number of samples
 * @param sum their sum, 0 when there are none
 * @param mean their mean, NaN when there are none
 * @param min the least, NaN when there are none
 * @param max the greatest, NaN when there are none
 * @param stddev the sample standard deviation (divisor {@code count - 1}), NaN below 2 samples
 */
public record WindowStats(long count, double sum, double mean, double min, double max,
    double stddev) {
  /** The statistics of an empty window. */
  public static final WindowStats EMPTY =
      new WindowStats(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * Checks the count.
   *
   * @throws IllegalArgumentException if {@code count < 0}
   */
  public WindowStats {
    if (count < 0) {
      throw new IllegalArgumentException("WindowStats count must not be negative, got " + count);
    }
  }

  /**
   * Returns the sample variance.
   *
   * @return {@code stddev * stddev}, NaN below 2 samples
   */
  public double variance() {
    return stddev * stddev;
  }
}
