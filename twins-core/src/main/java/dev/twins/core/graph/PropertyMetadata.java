package dev.twins.core.graph;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a twin keeps about one property, as Azure Digital Twins does: when Twins last wrote it,
 * and optionally when the value was observed in the real world.
 *
 * @param lastUpdateTime when the property was last written
 * @param sourceTime when the value was observed, if the writer said so
 */
public record PropertyMetadata(Instant lastUpdateTime, Optional<Instant> sourceTime) {
  /** Checks for nulls. */
  public PropertyMetadata {
    Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    Objects.requireNonNull(sourceTime, "sourceTime");
  }

  /**
   * Returns a copy with another source time.
   *
   * @param time the new source time, or empty to clear it
   * @return the copy
   */
  public PropertyMetadata withSourceTime(Optional<Instant> time) {
    return new PropertyMetadata(lastUpdateTime, time);
  }
}
