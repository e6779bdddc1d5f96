package dev.twins.core.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One change of a twin property kept by a {@link PropertyHistory}: the value it took at a commit,
 * or its removal (the property was removed, or the twin deleted).
 *
 * @param time when the change was committed (the property's {@code lastUpdateTime})
 * @param value the value from then on; empty when the property became absent
 */
public record PropertyChange(Instant time, Optional<JsonNode> value) {
  /** Checks for nulls. */
  public PropertyChange {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(value, "value");
  }

  /** @return whether the property became absent */
  public boolean isRemoval() {
    return value.isEmpty();
  }

  /** Renders {@code time=value}, or {@code time=(absent)}. */
  @Override
  public String toString() {
    return time + "=" + value.map(JsonNode::toString).orElse("(absent)");
  }
}
