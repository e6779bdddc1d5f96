package dev.twins.core.model;

import java.util.Objects;

/**
 * An Array schema: a JSON array whose items all follow {@code elementSchema}.
 *
 * @param info identifier and descriptive members
 * @param elementSchema the schema of each item
 */
public record ArraySchema(ElementInfo info, Schema elementSchema) implements Schema, Element {
  /** Checks for nulls. */
  public ArraySchema {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(elementSchema, "elementSchema");
  }

  @Override
  public String describe() {
    return "Array<" + elementSchema.describe() + ">";
  }

  @Override
  public <R> R accept(SchemaVisitor<R> visitor) {
    return visitor.visitArray(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "ArraySchema[" + ShortText.schema(this) + "]";
  }
}
