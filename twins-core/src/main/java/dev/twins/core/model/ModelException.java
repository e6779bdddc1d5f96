package dev.twins.core.model;

import dev.twins.core.TwinsException;
import java.util.List;

/**
 * Thrown when a model set is invalid; carries every problem found, not just the first.
 */
public final class ModelException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: errors are values of the current run. */
  private final transient List<ModelError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the problems, at least one
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public ModelException(List<ModelError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns the problems, sorted by source, line and pointer.
   *
   * @return the errors, never empty
   */
  public List<ModelError> errors() {
    return errors;
  }

  private static String summary(List<ModelError> errors) {
    if (errors.isEmpty()) throw new IllegalArgumentException("a ModelException needs at least one error");
    StringBuilder sb = new StringBuilder();
    sb.append(errors.size()).append(errors.size() == 1 ? " model error" : " model errors");
    int shown = Math.min(errors.size(), 20);
    for (int i = 0; i < shown; i++) sb.append(System.lineSeparator()).append("  ").append(errors.get(i));
    if (shown < errors.size()) sb.append(System.lineSeparator()).append("  ... and ").append(errors.size() - shown).append(" more");
    return sb.toString();
  }
}
