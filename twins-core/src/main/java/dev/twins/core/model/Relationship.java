package dev.twins.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Relationship: a named, directed link from a twin to other twins, with its own properties.
 *
 * @param info identifier and descriptive members
 * @param name the relationship name
 * @param target the Interface a target twin must be or extend; empty means any
 * @param minMultiplicity always 0, as DTDL requires
 * @param maxMultiplicity the most relationships of this name per source twin; empty means unbounded
 * @param properties the relationship's own properties, in model order
 * @param writable whether the relationship is declared {@code writable}
 */
public record Relationship(
    ElementInfo info,
    String name,
    Optional<Dtmi> target,
    int minMultiplicity,
    OptionalInt maxMultiplicity,
    List<Property> properties,
    boolean writable)
    implements Content {
  /** Checks for nulls and copies the properties. */
  public Relationship {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(maxMultiplicity, "maxMultiplicity");
    properties = List.copyOf(properties);
  }

  /**
   * Finds a relationship property by name.
   *
   * @param name the property name
   * @return the property, if declared
   */
  public Optional<Property> property(String name) {
    for (Property p : properties) if (p.name().equals(name)) return Optional.of(p);
    return Optional.empty();
  }

  @Override
  public <R> R accept(ContentVisitor<R> visitor) {
    return visitor.visitRelationship(this);
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "Relationship[" + name + (target.isPresent() ? " -> " + target.get() : "") + "]";
  }
}
