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
}
