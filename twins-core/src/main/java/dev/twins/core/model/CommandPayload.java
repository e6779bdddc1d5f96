package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The request or response of a Command (v2 CommandPayload, v3 CommandRequest / CommandResponse).
 *
 * @param info identifier and descriptive members
 * @param name the payload name
 * @param schema the schema of the payload
 * @param quantity the semantic type and unit, if any
 * @param nullable whether the payload may be null (v4)
 */
public record CommandPayload(ElementInfo info, String name, Schema schema, Optional<Quantity> quantity, boolean nullable)
    implements SchemaField {
  /** Checks for nulls. */
  public CommandPayload {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(quantity, "quantity");
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "CommandPayload[" + name + ": " + ShortText.schema(schema) + "]";
  }
}
