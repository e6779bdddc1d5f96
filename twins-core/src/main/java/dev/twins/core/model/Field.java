package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A field of an Object schema.
 *
 * @param info identifier and descriptive members
 * @param name the field name, the key in data
 * @param schema the schema of the field's value
 * @param quantity the semantic type and unit, if any
 */
public record Field(ElementInfo info, String name, Schema schema, Optional<Quantity> quantity) implements SchemaField {
  /** Checks for nulls. */
  public Field {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(quantity, "quantity");
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "Field[" + name + ": " + ShortText.schema(schema) + "]";
  }
}
