package dev.twins.core.model;

import java.util.Optional;

/**
 * An element that carries a value of a schema, possibly with a semantic type and unit: Property,
 * Telemetry, Field, MapValue, and command payloads.
 */
public interface SchemaField extends NamedElement {
  /** @return the schema of the value */
  Schema schema();

  /** @return the semantic type and unit, when the element has a semantic co-type */
  Optional<Quantity> quantity();
}
