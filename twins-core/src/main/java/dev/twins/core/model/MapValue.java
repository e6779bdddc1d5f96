package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of a Map schema.
 *
 * @param info identifier and descriptive members
 * @param name the value's name (metadata only, not part of the data)
 * @param schema the schema of each map value
 * @param quantity the semantic type and unit, if any
 */
public record MapValue(ElementInfo info, String name, Schema schema, Optional<Quantity> quantity) implements SchemaField {
  /** Checks for nulls. */
  public MapValue {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(quantity, "quantity");
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "MapValue[" + name + ": " + ShortText.schema(schema) + "]";
  }
}
