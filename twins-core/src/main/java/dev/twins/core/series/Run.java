package dev.twins.core.series;

/**
 * A stretch of time, ending at the moment asked about, during which a series kept a condition
 * (stayed above a threshold, kept one value, stayed within a radius).
 *
 * <p>The run starts at the time of the first sample of the unbroken sequence of samples that meet
 * the condition and ends at the {@code asOf} time given to the function. Since the series does not
 * know exactly when the condition began between two samples, the run starts at the first sample
 * seen meeting it (the conservative choice).
 *
 * @param start time of the first sample of the run (epoch milliseconds)
 * @param end the time asked about (epoch milliseconds), not before {@code start}
 * @param samples how many samples the run holds, at least 1
 */
public record Run(long start, long end, long samples) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if {@code end < start} or {@code samples < 1}
   */
  public Run {
    if (end < start) {
      throw new IllegalArgumentException("Run end " + end + " is before its start " + start);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("Run must hold at least one sample, got " + samples);
    }
  }

  /**
   * Returns how long the run has lasted.
   *
   * @return {@code end - start}, in milliseconds
   */
  public long durationMillis() {
    return end - start;
  }
}
