package dev.twins.core.adt;

import dev.twins.core.internal.adt.AdtFileJson;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The header of an ADT file: the object after {@code {"Section": "Header"}} of a bulk-import
 * file ({@code fileVersion}, {@code author}, {@code organization}), or the
 * {@code digitalTwinsFileInfo} object of an Explorer file.
 *
 * <p>The node is handed over to the caller; the reader keeps no reference to it.
 *
 * @param json the header object
 * @param line the 1-based line where the object starts
 */
public record FileHeader(ObjectNode json, int line) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code json} is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public FileHeader {
    Objects.requireNonNull(json, "json");
    if (line < 0) throw new IllegalArgumentException("line must be 0 or positive, got " + line);
  }

  /**
   * Returns the {@code fileVersion} member.
   *
   * @return the version, e.g. {@code 1.0.0}, or empty when absent or not a string
   */
  public Optional<String> fileVersion() {
    return Optional.ofNullable(AdtFileJson.string(json, "fileVersion"));
  }

  /** Renders the line and the header JSON (which is small). */
  @Override
  public String toString() {
    return "FileHeader[line=" + line + ", " + json + "]";
  }
}
