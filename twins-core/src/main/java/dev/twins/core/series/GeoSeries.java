package dev.twins.core.series;

import java.util.Optional;
import java.util.OptionalDouble;

/** A series of geospatial points (a vehicle's or an animal's positions). */
public non-sealed interface GeoSeries extends Series {
  /**
   * Adds a sample, placed by its time after every sample with an earlier or equal time.
   *
   * @param time epoch milliseconds
   * @param lon longitude in degrees, in [-180, 180]
   * @param lat latitude in degrees, in [-90, 90]
   * @return true if stored; false if it is older than the {@link Retention} keeps
   * @throws IllegalArgumentException if a coordinate is out of range
   */
  boolean append(long time, double lon, double lat);

  /**
   * Adds a sample given as a point.
   *
   * @param time epoch milliseconds
   * @param point the position
   * @return true if stored; false if it is older than the {@link Retention} keeps
   */
  default boolean append(long time, GeoPoint point) {
    return append(time, point.lon(), point.lat());
  }

  /**
   * Returns the newest position.
   *
   * @return the point, empty if the series is empty
   */
  Optional<GeoPoint> last();

  /**
   * Returns the position in effect at a moment: that of the newest sample at or before it.
   *
   * @param asOf epoch milliseconds
   * @return the point, empty if no sample is at or before {@code asOf}
   */
  Optional<GeoPoint> valueAt(long asOf);

  /**
   * Walks the samples of a window.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return a cursor over a copy of the window
   */
  GeoCursor scan(long from, long to);

  /**
   * Returns how long the twin has stayed within a radius of where it is now: the unbroken sequence
   * of samples, ending with the newest one at or before {@code asOf}, all within {@code
   * radiusMetres} (haversine) of that newest position.
   *
   * @param radiusMetres the radius, at least 0
   * @param asOf the moment asked about; the run ends there
   * @return the run, empty if no sample is at or before {@code asOf}
   * @throws IllegalArgumentException if the radius is negative or not a number
   */
  Optional<Run> stayWithin(double radiusMetres, long asOf);

  /**
   * Returns the distance travelled in a window: the sum of the haversine distances between
   * consecutive samples in it.
   *
   * @param from start, inclusive
   * @param to end, exclusive
   * @return metres, empty if the window holds no sample
   */
  OptionalDouble distanceMetres(long from, long to);
}
