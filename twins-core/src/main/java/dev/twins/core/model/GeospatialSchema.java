package dev.twins.core.model;

import java.util.Optional;

/** The GeoJSON geometry schemas of DTDL. */
public enum GeospatialSchema implements Schema {
  /** A GeoJSON Point. */
  POINT("point", "Point"),
  /** A GeoJSON MultiPoint. */
  MULTI_POINT("multiPoint", "MultiPoint"),
  /** A GeoJSON LineString. */
  LINE_STRING("lineString", "LineString"),
  /** A GeoJSON MultiLineString. */
  MULTI_LINE_STRING("multiLineString", "MultiLineString"),
  /** A GeoJSON Polygon. */
  POLYGON("polygon", "Polygon"),
  /** A GeoJSON MultiPolygon. */
  MULTI_POLYGON("multiPolygon", "MultiPolygon");

  private final String term;
  private final String geoJsonType;

  GeospatialSchema(String term, String geoJsonType) {
    this.term = term;
    this.geoJsonType = geoJsonType;
  }

  /** @return the DTDL term, e.g. {@code lineString} */
  public String term() {
    return term;
  }

  /** @return the GeoJSON {@code type} value, e.g. {@code LineString} */
  public String geoJsonType() {
    return geoJsonType;
  }

  /** @return the DTMI that names this schema in DTDL v3, e.g. {@code dtmi:standard:schema:geospatial:point;3} */
  public String dtmi() {
    return "dtmi:standard:schema:geospatial:" + term + ";3";
  }

  @Override
  public String describe() {
    return term;
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitGeospatial(this);
  }

  /**
   * Finds a geospatial schema by its DTDL term or DTMI.
   *
   * @param term e.g. {@code point} or {@code dtmi:standard:schema:geospatial:point;2}
   * @return the schema, if the term names one
   */
  public static Optional<GeospatialSchema> ofTerm(String term) {
    for (GeospatialSchema s : values()) {
      if (s.term.equals(term) || term.equals("dtmi:standard:schema:geospatial:" + s.term + ";2") || term.equals(s.dtmi())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
