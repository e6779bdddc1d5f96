package dev.twins.core.adt;

import java.util.Objects;

/**
 * One bad record or structural problem found in an ADT file.
 *
 * @param file the file name given to the reader (a path, or the name given with a text)
 * @param line the 1-based line of the record, or 0 when the problem is about the whole file
 * @param column the 1-based column where a JSON syntax error was found, or 0 when unknown
 * @param message what is wrong and what to change
 */
public record AdtFileError(String file, int line, int column, String message) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code line} or {@code column} is negative
   */
  public AdtFileError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be 0 or positive, got " + line + ":" + column);
    }
  }

  /** Renders the error as {@code file:line:column: message}, leaving out unknown parts. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) sb.append(':').append(column);
    }
    return sb.append(": ").append(message).toString();
  }
}
