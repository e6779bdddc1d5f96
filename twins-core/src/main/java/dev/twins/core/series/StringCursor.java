package dev.twins.core.series;

/**
 * Walks the samples of a window in time order without boxing: {@code while (c.next()) { use
 * c.time(), c.value(); }}. A cursor reads a copy of the window taken when it was made, so later
 * appends do not disturb it; it is not itself thread-safe.
 */
public interface StringCursor {
  /**
   * Moves to the next sample.
   *
   * @return false when there is none left
   */
  boolean next();

  /**
   * Returns the time of the current sample.
   *
   * @return epoch milliseconds
   * @throws IllegalStateException before the first {@link #next()} or after the last
   */
  long time();

  /**
   * Returns the value of the current sample.
   *
   * @return the value
   * @throws IllegalStateException before the first {@link #next()} or after the last
   */
  String value();

  /**
   * Returns the number of samples this cursor walks in all.
   *
   * @return the count
   */
  int size();
}
