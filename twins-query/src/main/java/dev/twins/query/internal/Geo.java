package dev.twins.query.internal;

import tools.jackson.databind.JsonNode;

/** Geo functions over DTDL geospatial values (GeoJSON points and polygons, longitude first). */
final class Geo {
  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private Geo() {}

  /** Great-circle distance in metres between two GeoJSON points; undefined for anything else. */
  static Object distance(Object a, Object b) {
    double[] p = point(a);
    double[] q = point(b);
    if (p == null || q == null) return Values.UNDEFINED;
    double lat1 = Math.toRadians(p[1]);
    double lat2 = Math.toRadians(q[1]);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(q[0] - p[0]);
    double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** Whether a GeoJSON point lies inside a GeoJSON polygon (outer ring minus holes). */
  static Object within(Object point, Object polygon) {
    double[] p = point(point);
    if (p == null || !(polygon instanceof JsonNode)) return Values.UNDEFINED;
    JsonNode poly = (JsonNode) polygon;
    if (!poly.path("type").asString("").equals("Polygon") || !poly.path("coordinates").isArray()) return Values.UNDEFINED;
    JsonNode rings = poly.get("coordinates");
    if (rings.size() == 0) return Values.UNDEFINED;
    boolean inside = inRing(p, rings.get(0));
    for (int i = 1; i < rings.size() && inside; i++) if (inRing(p, rings.get(i))) inside = false;
    return inside;
  }

  private static boolean inRing(double[] p, JsonNode ring) {
    boolean in = false;
    int n = ring.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = ring.get(i).path(0).asDouble();
      double yi = ring.get(i).path(1).asDouble();
      double xj = ring.get(j).path(0).asDouble();
      double yj = ring.get(j).path(1).asDouble();
      if ((yi > p[1]) != (yj > p[1]) && p[0] < (xj - xi) * (p[1] - yi) / (yj - yi) + xi) in = !in;
    }
    return in;
  }

  private static double[] point(Object v) {
    if (!(v instanceof JsonNode)) return null;
    JsonNode n = (JsonNode) v;
    if (!n.path("type").asString("").equals("Point")) return null;
    JsonNode c = n.path("coordinates");
    if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) return null;
    return new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()};
  }
}
