package dev.twins.core.series;

/** The kind of values a {@link Series} holds. */
public enum SeriesKind {
  /** Numbers (DTDL double, float, integer, long), as {@code double}: {@link DoubleSeries}. */
  DOUBLE,
  /** Booleans: {@link BooleanSeries}. */
  BOOLEAN,
  /** Strings and enum values: {@link StringSeries}. */
  STRING,
  /** Geospatial points (longitude, latitude): {@link GeoSeries}. */
  GEO_POINT
}
