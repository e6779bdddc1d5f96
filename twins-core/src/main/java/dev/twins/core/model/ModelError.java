package dev.twins.core.model;

import java.util.Objects;

/**
 * One problem found in a model set.
 *
 * @param code the stable error code
 * @param message what is wrong and what to change
 * @param dtmi the DTMI of the element the error is about, or {@code ""} when unknown
 * @param source the file path or {@code input[i]} name of the text, or {@code ""} when the error is
 *     about the model set as a whole
 * @param line the 1-based line in {@code source}, or 0 when unknown
 * @param pointer the JSON pointer (RFC 6901) to the offending value in {@code source}, {@code ""}
 *     for the document root
 */
public record ModelError(
    ErrorCode code, String message, String dtmi, String source, int line, String pointer)
    implements Comparable<ModelError> {

  /** Checks that no component is null. */
  public ModelError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(dtmi, "dtmi");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pointer, "pointer");
  }

  /** Orders errors by source, line, pointer and code, so reports are deterministic. */
  @Override
  public int compareTo(ModelError o) {
    int c = source.compareTo(o.source);
    if (c == 0) c = Integer.compare(line, o.line);
    if (c == 0) c = pointer.compareTo(o.pointer);
    if (c == 0) c = code.compareTo(o.code);
    if (c == 0) c = message.compareTo(o.message);
    return c;
  }

  /** Renders the error as {@code source:line: CODE message}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!source.isEmpty()) {
      sb.append(source);
      if (line > 0) sb.append(':').append(line);
      sb.append(": ");
    }
    sb.append(code).append(' ').append(message);
    if (!pointer.isEmpty()) sb.append(" (at ").append(pointer).append(')');
    return sb.toString();
  }
}
