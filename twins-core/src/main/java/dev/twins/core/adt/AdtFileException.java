package dev.twins.core.adt;

import dev.twins.core.TwinsException;
import java.util.List;

/**
 * Thrown when an ADT file cannot be read: on the first bad record under {@link ErrorPolicy#STOP},
 * and under any policy when the file itself cannot be read (I/O failure, the cause is then set).
 */
public final class AdtFileException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: errors are values of the current run. */
  private final transient List<AdtFileError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems, at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public AdtFileException(List<AdtFileError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Creates the exception for a failure with an underlying cause, such as an I/O error.
   *
   * @param error the problem
   * @param cause the underlying failure
   */
  public AdtFileException(AdtFileError error, Throwable cause) {
    super(error.toString(), cause);
    this.errors = List.of(error);
  }

  /**
   * Returns the problems, in the order they were found.
   *
   * @return the errors, never empty
   */
  public List<AdtFileError> errors() {
    return errors;
  }

  private static String summary(List<AdtFileError> errors) {
    if (errors.isEmpty()) throw new IllegalArgumentException("an AdtFileException needs at least one error");
    if (errors.size() == 1) return errors.get(0).toString();
    StringBuilder sb = new StringBuilder().append(errors.size()).append(" errors in ADT files");
    int shown = Math.min(errors.size(), 20);
    for (int i = 0; i < shown; i++) sb.append(System.lineSeparator()).append("  ").append(errors.get(i));
    if (shown < errors.size()) sb.append(System.lineSeparator()).append("  ... and ").append(errors.size() - shown).append(" more");
    return sb.toString();
  }
}
