package dev.twins.core.model;

import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A DTDL element: an Interface, a content (Telemetry, Property, Command, Relationship,
 * Component), a schema or a part of one.
 */
public interface Element {
  /** @return the identifier and descriptive members shared by every element */
  ElementInfo info();

  /** @return the element's {@code @id}, written in the model or assigned automatically */
  default Dtmi id() {
    return info().id();
  }

  /** @return the element's {@code displayName} */
  default LocalizedText displayName() {
    return info().displayName();
  }

  /** @return the element's {@code description} */
  default LocalizedText description() {
    return info().description();
  }

  /** @return the co-types of the element, without its class */
  default Set<String> coTypes() {
    return info().coTypes();
  }

  /**
   * Returns a member defined by an extension or undefined (DTDL v2 open world).
   *
   * @param name the member name, e.g. {@code unit} or {@code annotates}
   * @return its JSON value, if present
   */
  default Optional<JsonNode> otherProperty(String name) {
    return Optional.ofNullable(info().otherProperties().get(name));
  }
}
