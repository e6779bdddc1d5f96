package dev.twins.core.device;

import dev.twins.core.internal.graph.AdtJson;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A device's reply to a command: an HTTP-like status, as IoT Plug and Play uses (200 done,
 * 4xx refused, 5xx failed), and the response payload. A 2xx payload is validated against the
 * Command's response schema; other payloads are kept as the device's explanation.
 *
 * @param status the status, 100 to 599
 * @param payload the response payload, if any
 */
public record CommandReply(int status, Optional<JsonNode> payload) {
  /** Checks the status's range and nulls. */
  public CommandReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("a command status is an HTTP-like status between 100 and 599, got " + status);
    }
    Objects.requireNonNull(payload, "payload");
  }

  /** @return the payload, if any (a copy, for objects and arrays) */
  @Override
  public Optional<JsonNode> payload() {
    return payload.map(v -> v.isContainer() ? v.deepCopy() : v);
  }

  /**
   * Success without a payload.
   *
   * @return status 200
   */
  public static CommandReply ok() {
    return new CommandReply(200, Optional.empty());
  }

  /**
   * Success with a payload.
   *
   * @param payload numbers, strings, booleans, maps, lists or a {@code JsonNode}
   * @return status 200 with the payload as JSON
   */
  public static CommandReply ok(Object payload) {
    return new CommandReply(200, Optional.of(AdtJson.toJson(Objects.requireNonNull(payload, "payload"))));
  }

  /**
   * Any status without a payload.
   *
   * @param status the status
   * @return the reply
   */
  public static CommandReply of(int status) {
    return new CommandReply(status, Optional.empty());
  }

  /**
   * Any status with a payload.
   *
   * @param status the status
   * @param payload the payload, converted to JSON like {@link #ok(Object)}'s
   * @return the reply
   */
  public static CommandReply of(int status, Object payload) {
    return new CommandReply(status, Optional.of(AdtJson.toJson(Objects.requireNonNull(payload, "payload"))));
  }

  /** @return whether the status is 2xx */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
