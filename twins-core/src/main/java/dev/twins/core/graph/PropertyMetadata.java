package dev.twins.core.graph;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * What a twin keeps about one property, as Azure Digital Twins does: when Twins last wrote it,
 * optionally when the value was observed in the real world, and, for a writable property that a
 * back end configures on a device, the desired value and the device's acknowledgement (the
 * members {@code desiredValue}, {@code desiredVersion}, {@code ackVersion}, {@code ackCode} and
 * {@code ackDescription} of {@code $metadata.<property>}, as IoT Plug and Play and the Azure Digital
 * Twins preview keep them). Patch paths such as {@code /$metadata/<property>/desiredValue} write
 * the device members; {@code dev.twins.core.device.Devices} writes them for you.
 *
 * @param lastUpdateTime when the property was last written (for a property that only has a desired
 *     value: when its device members were first written)
 * @param sourceTime when the value was observed, if the writer said so
 * @param desiredValue the value a back end wants the device to apply (never a container that is
 *     changed later)
 * @param desiredVersion the version of the desired value
 * @param ackVersion the desired version the device last answered
 * @param ackCode the device's answer, an HTTP-like status: 200 applied, 202 in progress, 4xx/5xx failed
 * @param ackDescription the device's explanation
 */
public record PropertyMetadata(Instant lastUpdateTime, Optional<Instant> sourceTime, Optional<JsonNode> desiredValue,
    OptionalLong desiredVersion, OptionalLong ackVersion, OptionalInt ackCode, Optional<String> ackDescription) {
  /** Checks for nulls. */
  public PropertyMetadata {
    Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    Objects.requireNonNull(sourceTime, "sourceTime");
    Objects.requireNonNull(desiredValue, "desiredValue");
    Objects.requireNonNull(desiredVersion, "desiredVersion");
    Objects.requireNonNull(ackVersion, "ackVersion");
    Objects.requireNonNull(ackCode, "ackCode");
    Objects.requireNonNull(ackDescription, "ackDescription");
  }

  /** @return the desired value, if any (a copy, for objects and arrays) */
  @Override
  public Optional<JsonNode> desiredValue() {
    return desiredValue.map(v -> v.isContainer() ? v.deepCopy() : v);
  }

  /**
   * Creates the metadata of a property without device members.
   *
   * @param lastUpdateTime when the property was last written
   * @param sourceTime when the value was observed, if the writer said so
   */
  public PropertyMetadata(Instant lastUpdateTime, Optional<Instant> sourceTime) {
    this(lastUpdateTime, sourceTime, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalInt.empty(), Optional.empty());
  }

  /**
   * Returns a copy with another source time.
   *
   * @param time the new source time, or empty to clear it
   * @return the copy
   */
  public PropertyMetadata withSourceTime(Optional<Instant> time) {
    return new PropertyMetadata(lastUpdateTime, time, desiredValue, desiredVersion, ackVersion, ackCode,
        ackDescription);
  }

  /**
   * Returns a copy with another last update time; everything else is kept.
   *
   * @param time the new time
   * @return the copy
   */
  public PropertyMetadata withLastUpdateTime(Instant time) {
    return new PropertyMetadata(time, sourceTime, desiredValue, desiredVersion, ackVersion, ackCode,
        ackDescription);
  }

  /** @return whether any of the device members (desired value and version, acknowledgement) is set */
  public boolean hasDeviceState() {
    return desiredValue.isPresent() || desiredVersion.isPresent() || ackVersion.isPresent() || ackCode.isPresent()
        || ackDescription.isPresent();
  }
}
