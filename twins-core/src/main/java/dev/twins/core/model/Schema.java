package dev.twins.core.model;

import dev.twins.core.internal.InstanceValidator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The schema of a value: a primitive, a geospatial type, or a complex Array, Enum, Map or Object.
 */
public sealed interface Schema
    permits PrimitiveSchema, GeospatialSchema, ArraySchema, EnumSchema, MapSchema, ObjectSchema {

  /**
   * Calls the visitor method for this kind of schema.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return what the visitor returns
   */
  <R> R accept(SchemaVisitor<R> visitor);

  /** @return a short description for messages, e.g. {@code double} or {@code Array<string>} */
  String describe();

  /** @return whether values of this schema are numbers */
  default boolean isNumeric() {
    return false;
  }

  /**
   * Checks a JSON value against this schema.
   *
   * @param value the value, as it would appear in a twin or a telemetry message
   * @return every mismatch, each with the JSON pointer of the offending part; empty when valid
   */
  default List<ValueError> validate(JsonNode value) {
    return InstanceValidator.validate(this, value);
  }
}
