package dev.twins.core.device;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The desired and reported sides of one writable property of a twin, read from the twin's
 * metadata ({@code $metadata.<property>}).
 *
 * @param twinId the twin
 * @param property the property name, or {@code component/property}
 * @param desiredValue the value the back end last asked for
 * @param desiredVersion its version; versions increase per twin
 * @param reportedValue the property's value in the twin, as the device last reported it
 * @param ack the device's last answer
 */
public record WritableProperty(String twinId, String property, Optional<JsonNode> desiredValue,
    OptionalLong desiredVersion, Optional<JsonNode> reportedValue, Optional<Ack> ack) {
  /** Checks for nulls. */
  public WritableProperty {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(desiredValue, "desiredValue");
    Objects.requireNonNull(desiredVersion, "desiredVersion");
    Objects.requireNonNull(reportedValue, "reportedValue");
    Objects.requireNonNull(ack, "ack");
  }

  /** @return the desired value, if any (a copy, for objects and arrays) */
  @Override
  public Optional<JsonNode> desiredValue() {
    return desiredValue.map(v -> v.isContainer() ? v.deepCopy() : v);
  }

  /**
   * Tells whether the device has applied the latest desired value: {@link SyncStatus#PENDING} until
   * it answers that version (or while it answers 202), then {@link SyncStatus#IN_SYNC} or
   * {@link SyncStatus#FAILED} by the answer's code.
   *
   * @return the status
   */
  public SyncStatus status() {
    if (desiredVersion.isEmpty()) return SyncStatus.NO_DESIRED_VALUE;
    if (ack.isEmpty() || ack.get().version() < desiredVersion.getAsLong() || ack.get().isInProgress()) {
      return SyncStatus.PENDING;
    }
    return ack.get().isSuccess() ? SyncStatus.IN_SYNC : SyncStatus.FAILED;
  }

  /** Renders twin, property, versions and status, e.g. {@code WritableProperty[r1/setPoint, desired v3, ack 200 v3, IN_SYNC]}. */
  @Override
  public String toString() {
    return "WritableProperty[" + twinId + "/" + property
        + (desiredVersion.isPresent() ? ", desired v" + desiredVersion.getAsLong() : "")
        + ack.map(a -> ", ack " + a.code() + " v" + a.version()).orElse("") + ", " + status() + "]";
  }
}
