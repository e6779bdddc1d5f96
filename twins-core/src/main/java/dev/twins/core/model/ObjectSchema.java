package dev.twins.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Object schema: a JSON object with named fields, each optional in data.
 *
 * @param info identifier and descriptive members
 * @param fields the fields, in model order
 */
public record ObjectSchema(ElementInfo info, List<Field> fields) implements Schema, Element {
  /** Checks for nulls and copies the fields. */
  public ObjectSchema {
    Objects.requireNonNull(info, "info");
    fields = List.copyOf(fields);
  }

  /**
   * Finds a field by name.
   *
   * @param name the field name
   * @return the field, if declared
   */
  public Optional<Field> field(String name) {
    for (Field f : fields) if (f.name().equals(name)) return Optional.of(f);
    return Optional.empty();
  }

  @Override
  public String describe() {
    return "Object";
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitObject(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "ObjectSchema[" + ShortText.schema(this) + "]";
  }
}
