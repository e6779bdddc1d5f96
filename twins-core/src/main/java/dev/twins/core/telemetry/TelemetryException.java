package dev.twins.core.telemetry;

import dev.twins.core.TwinsException;

/**
 * A telemetry request that cannot be carried out as a whole: a channel for a twin or telemetry
 * name that does not exist, a CSV file without a usable header, a rule that does not fit the
 * models or would close a cycle. Single bad messages are never thrown: they are rejected and kept
 * as {@link DeadLetter}s.
 */
public class TelemetryException extends TwinsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public TelemetryException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong and where
   * @param cause the cause
   */
  public TelemetryException(String message, Throwable cause) {
    super(message, cause);
  }
}
