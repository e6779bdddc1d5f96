package dev.twins.persistence;

import dev.twins.core.TwinsException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A store cannot be opened or written: it is locked, a file is damaged or of an unknown format, or
 * the disk failed. Carries the file and byte offset where the problem is, when there is one.
 */
public class StoreException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Code {
    /** Another store (in this or another process) has the directory open. */
    LOCKED,
    /** A record or file failed its checksum, or its framing makes no sense. */
    CORRUPT,
    /** A journal segment, or records between two segments, are missing. */
    MISSING_SEGMENT,
    /** A file was written by a newer (or unknown) format version. */
    UNSUPPORTED_VERSION,
    /** Reading or writing a file failed. */
    IO,
    /** The store was closed, or an earlier disk failure stopped it. */
    CLOSED,
    /** A file holds a record that cannot be applied (for example a change of an unknown twin). */
    INVALID_RECORD
  }

  private final Code code;
  private final transient Path file;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param code what went wrong
   * @param file the file concerned, or null
   * @param offset the byte offset in the file, or -1
   * @param message what is wrong
   * @param cause the cause, or null
   */
  public StoreException(Code code, Path file, long offset, String message, Throwable cause) {
    super(render(code, file, offset, message), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.file = file;
    this.offset = offset;
  }

  private static String render(Code code, Path file, long offset, String message) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (offset >= 0) sb.append(" at byte ").append(offset);
      sb.append(": ");
    }
    return sb.append(message).toString();
  }

  /** @return what went wrong */
  public Code code() {
    return code;
  }

  /** @return the file concerned, if any */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** @return the byte offset in {@link #file()} where the problem is, if known */
  public OptionalLong offset() {
    return offset >= 0 ? OptionalLong.of(offset) : OptionalLong.empty();
  }
}
