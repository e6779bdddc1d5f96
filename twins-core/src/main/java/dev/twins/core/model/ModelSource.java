package dev.twins.core.model;

import java.util.Objects;

/**
 * One JSON text of a model set, with the name used in error reports (a file path, or
 * {@code input[i]} for texts given directly).
 *
 * @param name where the text comes from
 * @param text the JSON text; a leading byte order mark is ignored
 */
public record ModelSource(String name, String text) {
  /** Checks that no component is null. */
  public ModelSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /** Renders the name and size only. */
  @Override
  public String toString() {
    return "ModelSource[" + name + ", " + text.length() + " chars]";
  }
}
