package dev.twins.core.model;

import java.util.Objects;

/**
 * A Component: a part of a twin described by another Interface, held by value.
 *
 * @param info identifier and descriptive members
 * @param name the component name
 * @param schema the component's Interface
 */
public record Component(ElementInfo info, String name, Interface schema) implements Content {
  /** Checks for nulls. */
  public Component {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
  }

  @Override
  public <R> R accept(ContentVisitor<R> visitor) {
    return visitor.visitComponent(this);
  }

  @Override
  public String toString() {
    return "Component[" + name + ": " + schema.id() + "]";
  }
}
