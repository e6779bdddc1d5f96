package dev.twins.core;

/**
 * The root of every exception that Twins raises for bad input or a failed operation.
 *
 * <p>Each subclass carries machine-readable context (for models: the list of
 * {@link dev.twins.core.model.ModelError}s). Programming errors, such as a {@code null}
 * argument, use the JDK's own exceptions instead.
 */
public class TwinsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong and what to change
   */
  public TwinsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong and what to change
   * @param cause the underlying failure
   */
  public TwinsException(String message, Throwable cause) {
    super(message, cause);
  }
}
