package dev.twins.core.telemetry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One telemetry message: a twin, optionally one of its components, the source time, one or more
 * values by Telemetry name, and optionally a message id (used to drop duplicates).
 *
 * <pre>{@code
 * TelemetryMessage m = TelemetryMessage.of("sensor-101", Instant.parse("2024-05-01T12:00:00Z"))
 *     .with("temperature", 21.5)
 *     .with("occupancy", true)
 *     .withMessageId("m-42");
 * }</pre>
 *
 * @param twinId the twin id
 * @param component the component whose Telemetry the values are, or empty for the twin's own
 * @param epochMillis the source time, in milliseconds since the epoch
 * @param values the values by Telemetry name, in order (at least one when ingested)
 * @param messageId the message id, or empty
 */
public record TelemetryMessage(String twinId, Optional<String> component, long epochMillis,
    Map<String, JsonNode> values, Optional<String> messageId) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Checks and copies (the values keep their order). */
  public TelemetryMessage {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(messageId, "messageId");
    LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "telemetry name"),
        Objects.requireNonNull(v, () -> "value of " + k).deepCopy()));
    values = Collections.unmodifiableMap(copy);
  }

  /**
   * Starts a message without values.
   *
   * @param twinId the twin
   * @param sourceTime the source time
   * @return the message; add values with {@code with}
   */
  public static TelemetryMessage of(String twinId, Instant sourceTime) {
    return new TelemetryMessage(twinId, Optional.empty(), sourceTime.toEpochMilli(), Map.of(), Optional.empty());
  }

  /**
   * A message of one number.
   *
   * @param twinId the twin
   * @param telemetry the Telemetry name
   * @param epochMillis the source time in epoch milliseconds
   * @param value the value
   * @return the message
   */
  public static TelemetryMessage of(String twinId, String telemetry, long epochMillis, double value) {
    return new TelemetryMessage(twinId, Optional.empty(), epochMillis, Map.of(telemetry, NODES.numberNode(value)),
        Optional.empty());
  }

  /** @return the source time */
  public Instant sourceTime() {
    return Instant.ofEpochMilli(epochMillis);
  }

  /**
   * Returns a copy with one more value.
   *
   * @param telemetry the Telemetry name
   * @param value the value as JSON
   * @return the new message
   */
  public TelemetryMessage with(String telemetry, JsonNode value) {
    LinkedHashMap<String, JsonNode> v = new LinkedHashMap<>(values);
    v.put(telemetry, value);
    return new TelemetryMessage(twinId, component, epochMillis, v, messageId);
  }

  /**
   * Returns a copy with one more number (NaN and infinities are kept, so that ingest rejects them with a reason).
   *
   * @param telemetry the Telemetry name
   * @param value the value
   * @return the new message
   */
  public TelemetryMessage with(String telemetry, double value) {
    return with(telemetry, NODES.numberNode(value));
  }

  /**
   * Returns a copy with one more boolean.
   *
   * @param telemetry the Telemetry name
   * @param value the value
   * @return the new message
   */
  public TelemetryMessage with(String telemetry, boolean value) {
    return with(telemetry, NODES.booleanNode(value));
  }

  /**
   * Returns a copy with one more string (or enum value).
   *
   * @param telemetry the Telemetry name
   * @param value the value
   * @return the new message
   */
  public TelemetryMessage with(String telemetry, String value) {
    return with(telemetry, NODES.stringNode(value));
  }

  /**
   * Returns a copy with a message id.
   *
   * @param id the message id
   * @return the new message
   */
  public TelemetryMessage withMessageId(String id) {
    return new TelemetryMessage(twinId, component, epochMillis, values, Optional.of(id));
  }

  /**
   * Returns a copy whose values belong to a component of the twin.
   *
   * @param name the component name
   * @return the new message
   */
  public TelemetryMessage inComponent(String name) {
    return new TelemetryMessage(twinId, Optional.of(name), epochMillis, values, messageId);
  }

  /** Renders e.g. {@code sensor-101@2024-05-01T12:00:00Z {temperature=21.5} id=m-42}. */
  @Override
  public String toString() {
    return twinId + component.map(c -> "/" + c).orElse("") + "@" + sourceTime() + " " + values
        + messageId.map(id -> " id=" + id).orElse("");
  }
}
