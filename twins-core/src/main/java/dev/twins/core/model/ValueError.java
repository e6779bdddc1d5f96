package dev.twins.core.model;

import java.util.Objects;

/**
 * One way in which a JSON value does not match a schema.
 *
 * @param pointer the JSON pointer of the offending part, relative to the value checked ({@code ""}
 *     for the value itself)
 * @param expected what the schema expects there, e.g. {@code integer} or {@code one of [on, off]}
 * @param message what is wrong, naming the value given
 */
public record ValueError(String pointer, String expected, String message) {
  /** Checks for nulls. */
  public ValueError {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(value)" : pointer) + ": " + message;
  }
}
