package dev.twins.core.model;

/** An element with a {@code name}: contents, fields, enum values, map keys and values, payloads. */
public interface NamedElement extends Element {
  /** @return the element's name */
  String name();
}
