package dev.twins.core.telemetry;

/**
 * How {@link Rule#fromRelated} combines the values of related twins. Values that do not fit (text
 * for {@code MEAN}, numbers for {@code ANY}) and absent values are skipped.
 */
public enum Aggregate {
  /** The arithmetic mean of the numbers; absent when there are none. */
  MEAN,
  /** The sum of the numbers; 0 when there are none. */
  SUM,
  /** The smallest number; absent when there are none. */
  MIN,
  /** The largest number; absent when there are none. */
  MAX,
  /** How many related twins have a value. */
  COUNT,
  /** Whether any boolean is {@code true}; {@code false} when there are none. */
  ANY,
  /** Whether every boolean is {@code true}; {@code true} when there are none. */
  ALL;

  /** @return whether the result is a boolean (else a number) */
  public boolean booleanResult() {
    return this == ANY || this == ALL;
  }
}
