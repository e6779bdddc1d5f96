package dev.twins.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An Enum schema: one of a fixed set of integer or string values.
 *
 * @param info identifier and descriptive members
 * @param valueSchema {@link PrimitiveSchema#INTEGER} or {@link PrimitiveSchema#STRING}
 * @param values the values, in model order
 */
public record EnumSchema(ElementInfo info, PrimitiveSchema valueSchema, List<EnumValue> values)
    implements Schema, Element {
  /** Checks for nulls, the value schema, and copies the values. */
  public EnumSchema {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(valueSchema, "valueSchema");
    if (valueSchema != PrimitiveSchema.INTEGER && valueSchema != PrimitiveSchema.STRING) {
      throw new IllegalArgumentException("an Enum's valueSchema must be integer or string, got " + valueSchema.term());
    }
    values = List.copyOf(values);
  }

  @Override
  public String describe() {
    return "Enum<" + valueSchema.term() + ">";
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitEnum(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "EnumSchema[" + ShortText.schema(this) + "]";
  }
}
