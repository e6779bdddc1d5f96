package dev.twins.core.graph;

import dev.twins.core.TwinsException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a JSON Patch is malformed, uses an operation Twins does not accept, or cannot be
 * applied to a document.
 *
 * <p>It carries where the problem is: the index of the operation, the JSON pointer of the bad
 * member inside the patch document (for example {@code /2/op}), and for failures while applying,
 * the operation's path in the target document. Applying is atomic, so when this is thrown while
 * applying, no operation of the patch has taken effect.
 */
public final class PatchException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** What kind of problem a {@link PatchException} reports. */
  public enum Kind {
    /** The patch document is not valid JSON Patch: bad JSON, a missing member, a bad pointer. */
    MALFORMED,
    /** The operation is valid RFC 6902 but not accepted ({@code move}, {@code copy}). */
    UNSUPPORTED_OPERATION,
    /** {@code replace}, {@code remove} or {@code test} names a location that does not exist. */
    PATH_NOT_FOUND,
    /** {@code add} names a location whose parent does not exist or is not an object or array. */
    PARENT_NOT_FOUND,
    /** An array index is out of range, malformed, or {@code -} where only {@code add} allows it. */
    INDEX_OUT_OF_RANGE,
    /** A {@code test} operation found a different value. */
    TEST_FAILED,
    /** The operation would remove the whole document or replace it with something not an object. */
    INVALID_ROOT
  }

  private final Kind kind;
  private final int operationIndex;
  private final String pointer;
  private final String path;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param kind the kind of problem
   * @param operationIndex the index of the operation in the patch, empty when the patch document
   *     as a whole is wrong
   * @param pointer the JSON pointer of the bad member inside the patch document, such as
   *     {@code /2/op}; {@code ""} for the whole document
   * @param path the path of the operation in the target document, when known
   * @param detail what is wrong, without the location
   * @throws NullPointerException if any argument is {@code null}
   * @throws IllegalArgumentException if the index is negative
   */
  public PatchException(Kind kind, OptionalInt operationIndex, String pointer, Optional<String> path, String detail) {
    super(message(kind, operationIndex, pointer, path, detail));
    this.kind = kind;
    this.operationIndex = operationIndex.orElse(-1);
    this.pointer = pointer;
    this.path = path.orElse(null);
    this.detail = detail;
  }

  private static String message(Kind kind, OptionalInt index, String pointer, Optional<String> path, String detail) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(index, "operationIndex");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(detail, "detail");
    if (index.isPresent() && index.getAsInt() < 0) {
      throw new IllegalArgumentException("an operation index cannot be negative: " + index.getAsInt());
    }
    StringBuilder sb = new StringBuilder(64 + detail.length());
    if (kind == Kind.MALFORMED || kind == Kind.UNSUPPORTED_OPERATION || index.isEmpty() || path.isEmpty()) {
      sb.append("invalid JSON Patch");
      if (index.isPresent()) {
        sb.append(", operation ").append(index.getAsInt());
      }
      if (!pointer.isEmpty()) {
        sb.append(" at ").append(pointer);
      }
    } else {
      sb.append("JSON Patch operation ").append(index.getAsInt()).append(" failed at path \"")
          .append(path.get()).append('"');
    }
    return sb.append(": ").append(detail).toString();
  }

  /**
   * Returns the kind of problem.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the index of the operation at fault.
   *
   * @return the zero-based index, empty when the patch document as a whole is wrong (not JSON,
   *     not an array)
   */
  public OptionalInt operationIndex() {
    return operationIndex < 0 ? OptionalInt.empty() : OptionalInt.of(operationIndex);
  }

  /**
   * Returns the JSON pointer of the bad member inside the patch document.
   *
   * @return for example {@code /2/op} or {@code /0/path}; {@code ""} for the whole document
   */
  public String pointer() {
    return pointer;
  }

  /**
   * Returns the path (in the target document) of the operation at fault.
   *
   * @return the operation's JSON pointer, when the operation got far enough to have one
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /**
   * Returns what is wrong, without the location.
   *
   * @return the description
   */
  public String detail() {
    return detail;
  }
}
