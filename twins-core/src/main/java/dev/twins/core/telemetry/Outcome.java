package dev.twins.core.telemetry;

/**
 * What became of one telemetry message. Returned by every ingest call without allocating, so the
 * typed hot path ({@link Channel#ingest(long, double)}) stays allocation-free.
 */
public enum Outcome {
  /** Accepted and applied: the twin's readings, its series and every derived value reflect it. */
  ACCEPTED,
  /**
   * Accepted and placed by its source time behind a newer reading (late or out of order): it is in
   * the series, but the last value stays the newer one.
   */
  ACCEPTED_LATE,
  /** Dropped as a duplicate: the twin already had a message with the same id within the window. */
  DUPLICATE,
  /** Rejected; the reason is in {@link TelemetryHub#deadLetters()}. */
  REJECTED;

  /** @return whether the message was applied ({@link #ACCEPTED} or {@link #ACCEPTED_LATE}) */
  public boolean accepted() {
    return this == ACCEPTED || this == ACCEPTED_LATE;
  }
}
