package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Telemetry: a stream of values a twin emits.
 *
 * @param info identifier and descriptive members
 * @param name the telemetry name
 * @param schema the schema of each value
 * @param quantity the semantic type and unit, if any
 */
public record Telemetry(ElementInfo info, String name, Schema schema, Optional<Quantity> quantity)
    implements Content, SchemaField {
  /** Checks for nulls. */
  public Telemetry {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(quantity, "quantity");
  }

  @Override
  public <R> R accept(ContentVisitor<R> visitor) {
    return visitor.visitTelemetry(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "Telemetry[" + name + ": " + ShortText.schema(schema) + "]";
  }
}
