package dev.twins.core.device;

import java.util.Objects;
import java.util.Optional;

/**
 * A device's answer to a desired value, as IoT Plug and Play writes it beside a reported writable
 * property: an HTTP-like code ({@code ac}), the desired version it answers ({@code av}) and an
 * optional description ({@code ad}).
 *
 * <pre>{@code
 * devices.report("reactor-1", "coolingSetPoint", 160.0, Ack.applied(3));
 * devices.acknowledge("reactor-1", "coolingSetPoint", Ack.rejected(4, "above the valve's range"));
 * }</pre>
 *
 * @param code the status: 200 applied, 202 in progress, 203 a value the device chose itself,
 *     4xx/5xx failed; between 100 and 599
 * @param version the desired version answered; 0 when the device reports without a desired value
 * @param description why, in words, if the device said
 */
public record Ack(int code, long version, Optional<String> description) {
  /** Checks the code's range, the version's sign and nulls. */
  public Ack {
    if (code < 100 || code > 599) {
      throw new IllegalArgumentException("an ack code is an HTTP-like status between 100 and 599, got " + code);
    }
    if (version < 0) throw new IllegalArgumentException("an ack version is never negative, got " + version);
    Objects.requireNonNull(description, "description");
  }

  /**
   * The device applied the desired value of a version (code 200).
   *
   * @param version the desired version
   * @return the ack
   */
  public static Ack applied(long version) {
    return new Ack(200, version, Optional.empty());
  }

  /**
   * The device is applying the desired value of a version (code 202).
   *
   * @param version the desired version
   * @return the ack
   */
  public static Ack inProgress(long version) {
    return new Ack(202, version, Optional.empty());
  }

  /**
   * The device refused the desired value of a version (code 400).
   *
   * @param version the desired version
   * @param why the reason
   * @return the ack
   */
  public static Ack rejected(long version, String why) {
    return new Ack(400, version, Optional.of(why));
  }

  /**
   * Any answer.
   *
   * @param code the status, 100 to 599
   * @param version the desired version
   * @param description the description, or empty
   * @return the ack
   */
  public static Ack of(int code, long version, Optional<String> description) {
    return new Ack(code, version, description);
  }

  /** @return whether the code says the value was applied (2xx other than 202) */
  public boolean isSuccess() {
    return code >= 200 && code < 300 && code != 202;
  }

  /** @return whether the code says the device is still working on it (1xx or 202) */
  public boolean isInProgress() {
    return code < 200 || code == 202;
  }
}
