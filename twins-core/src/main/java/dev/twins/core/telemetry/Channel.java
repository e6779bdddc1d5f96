package dev.twins.core.telemetry;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One telemetry of one twin, resolved once: the fast way to ingest. Holding a channel skips the
 * lookups by twin id and telemetry name on every message, and its {@code double} and
 * {@code boolean} methods do not allocate. Channels are thread-safe. A channel of a deleted twin
 * rejects what it is given; a channel of a twin moved to another model follows the twin if the new
 * model declares the telemetry.
 *
 * <pre>{@code
 * Channel temp = hub.channel("sensor-101", "temperature");
 * temp.ingest(System.currentTimeMillis(), 21.5);
 * }</pre>
 */
public interface Channel {
  /** @return the twin id */
  String twinId();

  /** @return the component whose telemetry this is, or empty for the twin's own */
  Optional<String> component();

  /** @return the telemetry name */
  String telemetry();

  /**
   * Returns the DTDL Telemetry the values are checked against: its schema, and its semantic type
   * and unit ({@code definition().quantity()}, e.g. Temperature in degreeCelsius), which apply to
   * every value of this channel and its series.
   *
   * @return the Telemetry of the twin's model (or of its component)
   */
  dev.twins.core.model.Telemetry definition();

  /**
   * Ingests a number.
   *
   * @param epochMillis the source time in epoch milliseconds
   * @param value the value; must be finite and fit the schema (integral for integer schemas)
   * @return the outcome
   */
  Outcome ingest(long epochMillis, double value);

  /**
   * Ingests a number with a message id, dropped as a duplicate if the twin had the same id within
   * the window.
   *
   * @param epochMillis the source time in epoch milliseconds
   * @param value the value
   * @param messageId the message id
   * @return the outcome
   */
  Outcome ingest(long epochMillis, double value, String messageId);

  /**
   * Ingests a boolean.
   *
   * @param epochMillis the source time in epoch milliseconds
   * @param value the value
   * @return the outcome
   */
  Outcome ingest(long epochMillis, boolean value);

  /**
   * Ingests any value as JSON (strings, enum values, objects, GeoJSON points, ...), checked against the schema.
   *
   * @param epochMillis the source time in epoch milliseconds
   * @param value the value
   * @return the outcome
   */
  Outcome ingest(long epochMillis, JsonNode value);

  /** @return the newest reading of this channel */
  Readings readings();
}
