package dev.twins.core.telemetry;

/**
 * How {@link Rule#fromRelated} combines the values of related twins. Values that do not fit (text
 * for {@code MEAN}, numbers for {@code ANY}) and absent values are skipped.
 *
 * <p>Each twin's aggregate is kept running and moved by the change of one related value, never
 * recomputed over all of them: counts, {@code MIN}, {@code MAX}, {@code ANY} and {@code ALL} are
 * exact; {@code SUM} and {@code MEAN} come from a sum carried in double-double precision (about
 * 106 bits), so they stay within two units in the last place of the sum of the current values'
 * magnitudes of their exact sum (as close as a fresh sum of them, or closer), whatever values came
 * and went before.
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
