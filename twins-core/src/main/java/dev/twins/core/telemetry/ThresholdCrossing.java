package dev.twins.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * A telemetry value crossed a watched threshold: it went above it ({@code rising}) or came back to
 * it or below ({@code !rising}).
 *
 * @param twinId the twin
 * @param telemetry the telemetry name (with its component as {@code component/name})
 * @param threshold the watched threshold
 * @param rising {@code true} when the value went above the threshold, {@code false} when it came back
 * @param epochMillis the source time of the reading that crossed
 * @param value the reading that crossed
 */
public record ThresholdCrossing(String twinId, String telemetry, double threshold, boolean rising, long epochMillis,
    double value) {
  /** Checks the fields. */
  public ThresholdCrossing {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(telemetry, "telemetry");
  }

  /** @return the source time of the crossing reading */
  public Instant time() {
    return Instant.ofEpochMilli(epochMillis);
  }

  /** Renders e.g. {@code reactor-1 temperature rose above 180.0 (181.5 at 2024-05-01T12:00:00Z)}. */
  @Override
  public String toString() {
    return twinId + " " + telemetry + (rising ? " rose above " : " came back to ") + threshold + " (" + value + " at "
        + time() + ")";
  }
}
