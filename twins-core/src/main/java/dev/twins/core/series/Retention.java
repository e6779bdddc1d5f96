package dev.twins.core.series;

/**
 * How much history a {@link Series} keeps: at most {@code maxCount} samples, and only samples whose
 * time is at least {@code newest - maxAgeMillis}, where {@code newest} is the latest sample time in
 * the series (not the wall clock, so that replays give the same result). Older samples are dropped
 * as newer ones arrive; an append older than what the retention keeps is refused (its {@code append}
 * returns {@code false}).
 *
 * @param maxCount the largest number of samples kept, at least 1; {@link Long#MAX_VALUE} for no
 *     limit
 * @param maxAgeMillis the largest age kept, in milliseconds, at least 0; {@link Long#MAX_VALUE}
 *     for no limit
 */
public record Retention(long maxCount, long maxAgeMillis) {
  /** Keeps everything. */
  public static final Retention UNBOUNDED = new Retention(Long.MAX_VALUE, Long.MAX_VALUE);

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if {@code maxCount < 1} or {@code maxAgeMillis < 0}
   */
  public Retention {
    if (maxCount < 1) {
      throw new IllegalArgumentException("Retention maxCount must be at least 1, got " + maxCount);
    }
    if (maxAgeMillis < 0) {
      throw new IllegalArgumentException(
          "Retention maxAgeMillis must not be negative, got " + maxAgeMillis);
    }
  }

  /**
   * Keeps the newest {@code maxCount} samples.
   *
   * @param maxCount at least 1
   * @return the retention
   * @throws IllegalArgumentException if {@code maxCount < 1}
   */
  public static Retention ofCount(long maxCount) {
    return new Retention(maxCount, Long.MAX_VALUE);
  }

  /**
   * Keeps samples at most {@code maxAgeMillis} older than the newest one.
   *
   * @param maxAgeMillis at least 0
   * @return the retention
   * @throws IllegalArgumentException if {@code maxAgeMillis < 0}
   */
  public static Retention ofAge(long maxAgeMillis) {
    return new Retention(Long.MAX_VALUE, maxAgeMillis);
  }

  /**
   * Returns this retention with another count bound.
   *
   * @param newMaxCount at least 1
   * @return the retention
   * @throws IllegalArgumentException if {@code newMaxCount < 1}
   */
  public Retention withMaxCount(long newMaxCount) {
    return new Retention(newMaxCount, maxAgeMillis);
  }

  /**
   * Returns this retention with another age bound.
   *
   * @param newMaxAgeMillis at least 0
   * @return the retention
   * @throws IllegalArgumentException if {@code newMaxAgeMillis < 0}
   */
  public Retention withMaxAgeMillis(long newMaxAgeMillis) {
    return new Retention(maxCount, newMaxAgeMillis);
  }
}
