package dev.twins.core.series;

/** Which side of a threshold a run lies on; both are strict. */
public enum Side {
  /** Values strictly greater than the threshold. */
  ABOVE,
  /** Values strictly less than the threshold. */
  BELOW;

  /**
   * Tells whether a value lies on this side of a threshold.
   *
   * @param value the value; NaN lies on neither side
   * @param threshold the threshold
   * @return whether {@code value > threshold} (ABOVE) or {@code value < threshold} (BELOW)
   */
  public boolean test(double value, double threshold) {
    return this == ABOVE ? value > threshold : value < threshold;
  }
}
