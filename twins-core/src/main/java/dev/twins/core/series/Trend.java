package dev.twins.core.series;

import java.util.OptionalLong;

/**
 * A straight line fitted by least squares to the samples of a window: value against time.
 *
 * @param time the reference time of the line (epoch milliseconds): the time of the window's last
 *     sample
 * @param value the fitted value at {@code time}
 * @param slopePerMilli the change of the value per millisecond
 * @param samples the number of samples fitted, at least 2
 */
public record Trend(long time, double value, double slopePerMilli, long samples) {
  private static final double MILLIS_PER_HOUR = 3_600_000.0;
  private static final double MILLIS_PER_DAY = 86_400_000.0;

  /**
   * Returns the slope per second.
   *
   * @return change per second
   */
  public double slopePerSecond() {
    return slopePerMilli * 1000.0;
  }

  /**
   * Returns the slope per hour.
   *
   * @return change per hour
   */
  public double slopePerHour() {
    return slopePerMilli * MILLIS_PER_HOUR;
  }

  /**
   * Returns the slope per day.
   *
   * @return change per day
   */
  public double slopePerDay() {
    return slopePerMilli * MILLIS_PER_DAY;
  }

  /**
   * Returns the value of the line at a time.
   *
   * @param at epoch milliseconds
   * @return the fitted value there
   */
  public double valueAt(long at) {
    return value + slopePerMilli * (double) (at - time);
  }

  /**
   * Returns how long after {@code asOf} the line reaches a threshold.
   *
   * @param threshold the value to reach
   * @param asOf the moment counted from (epoch milliseconds)
   * @return milliseconds from {@code asOf} until the line equals {@code threshold} (0 if it does
   *     at {@code asOf}); empty if the line is flat or moves away from the threshold (including when
   *     it is already past it), or the time would overflow
   */
  public OptionalLong millisUntil(double threshold, long asOf) {
    double now = valueAt(asOf);
    if (now == threshold) {
      return OptionalLong.of(0);
    }
    if (slopePerMilli == 0 || Double.isNaN(slopePerMilli) || Double.isNaN(now)) {
      return OptionalLong.empty();
    }
    double millis = (threshold - now) / slopePerMilli;
    if (!(millis >= 0) || millis >= 9.0e18) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) Math.ceil(millis));
  }
}
