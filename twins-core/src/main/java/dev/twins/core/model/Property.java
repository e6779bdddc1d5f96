package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Property: state of a twin (or of a relationship), optionally writable from outside.
 *
 * @param info identifier and descriptive members
 * @param name the property name
 * @param schema the schema of the value
 * @param writable whether the property is declared {@code writable}
 * @param quantity the semantic type and unit, if any
 */
public record Property(ElementInfo info, String name, Schema schema, boolean writable, Optional<Quantity> quantity)
    implements Content, SchemaField {
  /** Checks for nulls. */
  public Property {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(quantity, "quantity");
  }

  @Override
  public <R> R accept(ContentVisitor<R> visitor) {
    return visitor.visitProperty(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "Property[" + name + ": " + ShortText.schema(schema) + (writable ? ", writable" : "") + "]";
  }
}
