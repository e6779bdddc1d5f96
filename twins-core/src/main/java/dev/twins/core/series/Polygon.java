package dev.twins.core.series;

import java.util.List;

/**
 * A polygon as GeoJSON and DTDL's {@code polygon} schema hold it: an exterior ring and optional
 * holes, each a closed ring of points (first point equal to the last) in longitude/latitude
 * degrees. Containment treats coordinates as planar (as GeoJSON does for edges), which is exact
 * enough for areas much smaller than a continent away from the poles and the antimeridian.
 *
 * @param rings the exterior ring first, then the holes; each closed, with at least 4 points
 */
public record Polygon(List<List<GeoPoint>> rings) {
  /**
   * Checks and copies the rings.
   *
   * @throws IllegalArgumentException if there is no ring, or a ring has fewer than 4 points or is
   *     not closed
   */
  public Polygon {
    rings = rings.stream().map(List::copyOf).toList();
    if (rings.isEmpty()) {
      throw new IllegalArgumentException("a polygon needs an exterior ring");
    }
    for (int i = 0; i < rings.size(); i++) {
      List<GeoPoint> ring = rings.get(i);
      if (ring.size() < 4) {
        throw new IllegalArgumentException(
            "polygon ring " + i + " needs at least 4 points, got " + ring.size());
      }
      if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
        throw new IllegalArgumentException(
            "polygon ring " + i + " is not closed: its first point " + ring.get(0)
                + " differs from its last " + ring.get(ring.size() - 1));
      }
    }
  }

  /**
   * Creates a polygon without holes.
   *
   * @param exterior the closed exterior ring
   * @return the polygon
   * @throws IllegalArgumentException if the ring has fewer than 4 points or is not closed
   */
  public static Polygon of(List<GeoPoint> exterior) {
    return new Polygon(List.of(exterior));
  }

  /**
   * Tells whether a point lies inside the polygon: inside the exterior ring and outside every hole
   * (even-odd rule). Points exactly on an edge may fall either way.
   *
   * @param point the point
   * @return whether it is inside
   */
  public boolean contains(GeoPoint point) {
    return contains(point.lon(), point.lat());
  }

  /**
   * Tells whether a point given as degrees lies inside the polygon.
   *
   * @param lon longitude
   * @param lat latitude
   * @return whether it is inside
   * @see #contains(GeoPoint)
   */
  public boolean contains(double lon, double lat) {
    if (!inRing(rings.get(0), lon, lat)) {
      return false;
    }
    for (int i = 1; i < rings.size(); i++) {
      if (inRing(rings.get(i), lon, lat)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inRing(List<GeoPoint> ring, double x, double y) {
    boolean inside = false;
    for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      double xi = ring.get(i).lon();
      double yi = ring.get(i).lat();
      double xj = ring.get(j).lon();
      double yj = ring.get(j).lat();
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  @Override
  public String toString() {
    return "Polygon[rings=" + rings.size() + ", points=" + rings.get(0).size() + "]";
  }
}
