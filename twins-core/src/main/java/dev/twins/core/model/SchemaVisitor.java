package dev.twins.core.model;

/**
 * A function over the kinds of {@link Schema}.
 *
 * @param <R> the result type
 */
public interface SchemaVisitor<R> {
  /** @param s the schema @return the result */
  R visitPrimitive(PrimitiveSchema s);

  /** @param s the schema @return the result */
  R visitGeospatial(GeospatialSchema s);

  /** @param s the schema @return the result */
  R visitArray(ArraySchema s);

  /** @param s the schema @return the result */
  R visitEnum(EnumSchema s);

  /** @param s the schema @return the result */
  R visitMap(MapSchema s);

  /** @param s the schema @return the result */
  R visitObject(ObjectSchema s);
}
