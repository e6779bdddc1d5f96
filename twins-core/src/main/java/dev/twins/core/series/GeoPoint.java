package dev.twins.core.series;

/**
 * A point on the Earth as DTDL's {@code point} schema holds it (GeoJSON order: longitude first).
 *
 * @param lon longitude in degrees, in [-180, 180]
 * @param lat latitude in degrees, in [-90, 90]
 */
public record GeoPoint(double lon, double lat) {
  /** The mean Earth radius in metres (IUGG), used by the haversine distance. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  /**
   * Checks the coordinates.
   *
   * @throws IllegalArgumentException if a coordinate is out of range or not a number
   */
  public GeoPoint {
    check(lon, lat);
  }

  /**
   * Checks a longitude and latitude.
   *
   * @param lon longitude in degrees
   * @param lat latitude in degrees
   * @throws IllegalArgumentException if {@code lon} is not in [-180, 180] or {@code lat} is not in
   *     [-90, 90] (NaN is in neither)
   */
  public static void check(double lon, double lat) {
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("longitude must be in [-180, 180], got " + lon);
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90], got " + lat);
    }
  }

  /**
   * Returns the great-circle distance to another point by the haversine formula on a sphere of
   * radius {@link #EARTH_RADIUS_METRES}.
   *
   * @param other the other point
   * @return the distance in metres
   */
  public double distanceTo(GeoPoint other) {
    return distanceMetres(lon, lat, other.lon, other.lat);
  }

  /**
   * Returns the haversine great-circle distance between two points given as degrees.
   *
   * @param lon1 longitude of the first point
   * @param lat1 latitude of the first point
   * @param lon2 longitude of the second point
   * @param lat2 latitude of the second point
   * @return the distance in metres
   */
  public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double sinDPhi = Math.sin((phi2 - phi1) / 2);
    double sinDLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double h = sinDPhi * sinDPhi + Math.cos(phi1) * Math.cos(phi2) * sinDLambda * sinDLambda;
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }
}
