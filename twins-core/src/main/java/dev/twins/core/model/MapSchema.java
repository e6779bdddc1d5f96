package dev.twins.core.model;

import java.util.Objects;

/**
 * A Map schema: a JSON object whose keys are free strings and whose values follow one schema.
 *
 * @param info identifier and descriptive members
 * @param mapKey the key description
 * @param mapValue the value description
 */
public record MapSchema(ElementInfo info, MapKey mapKey, MapValue mapValue) implements Schema, Element {
  /** Checks for nulls. */
  public MapSchema {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(mapKey, "mapKey");
    Objects.requireNonNull(mapValue, "mapValue");
  }

  @Override
  public String describe() {
    return "Map<string, " + mapValue.schema().describe() + ">";
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitMap(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "MapSchema[" + mapKey.name() + " -> " + mapValue.name() + ": " + ShortText.schema(mapValue.schema()) + "]";
  }
}
