package dev.twins.core.series;

/**
 * Walks the samples of a geo window in time order without boxing: {@code while (c.next()) { use
 * c.time(), c.lon(), c.lat(); }}. A cursor reads a copy of the window taken when it was made; it
 * is not itself thread-safe.
 */
public interface GeoCursor {
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
   * Returns the longitude of the current sample.
   *
   * @return degrees
   * @throws IllegalStateException before the first {@link #next()} or after the last
   */
  double lon();

  /**
   * Returns the latitude of the current sample.
   *
   * @return degrees
   * @throws IllegalStateException before the first {@link #next()} or after the last
   */
  double lat();

  /**
   * Returns the current sample as a point.
   *
   * @return the point
   * @throws IllegalStateException before the first {@link #next()} or after the last
   */
  default GeoPoint point() {
    return new GeoPoint(lon(), lat());
  }

  /**
   * Returns the number of samples this cursor walks in all.
   *
   * @return the count
   */
  int size();
}
