package dev.twins.core.model;

import java.util.Objects;

/**
 * The key of a Map schema; keys are always strings.
 *
 * @param info identifier and descriptive members
 * @param name the key's name (metadata only, not part of the data)
 */
public record MapKey(ElementInfo info, String name) implements NamedElement {
  /** Checks for nulls. */
  public MapKey {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "MapKey[" + name + "]";
  }
}
