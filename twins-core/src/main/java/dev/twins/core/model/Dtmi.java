package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Digital Twin Model Identifier, such as {@code dtmi:com:example:Thermostat;1}.
 *
 * <p>Equality is case-sensitive, as the DTMI specification requires. A {@code Dtmi} accepts every
 * DTMI of the general form (system segments that start with {@code _} included, as used by
 * auto-assigned identifiers); {@link #isUserDtmi()} tells whether it may appear as an {@code @id}.
 *
 * @param value the identifier text
 */
public record Dtmi(String value) implements Comparable<Dtmi> {
  /** The longest DTMI of any kind. */
  public static final int MAX_LENGTH = 4096;
  /** The longest DTMI written in a model. */
  public static final int MAX_USER_LENGTH = 2048;
  /** The longest Interface DTMI. */
  public static final int MAX_INTERFACE_LENGTH = 128;

  private static final String SEGMENT = "[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?";
  private static final String SYSTEM_SEGMENT = "_*[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?";
  private static final String VERSION = "(?:;[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?)?";
  private static final Pattern USER =
      Pattern.compile("^dtmi:" + SEGMENT + "(?::" + SEGMENT + ")*" + VERSION + "$");
  private static final Pattern GENERAL =
      Pattern.compile("^dtmi:" + SEGMENT + "(?::" + SYSTEM_SEGMENT + ")*" + VERSION + "$");

  /**
   * Checks the syntax.
   *
   * @throws IllegalArgumentException if {@code value} is not a DTMI
   */
  public Dtmi {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !GENERAL.matcher(value).matches()) {
      throw new IllegalArgumentException("not a valid DTMI: '" + value + "'");
    }
  }

  /**
   * Parses a DTMI.
   *
   * @param value the text, e.g. {@code dtmi:com:example:Room;1}
   * @return the DTMI
   * @throws IllegalArgumentException if {@code value} is not a DTMI
   */
  public static Dtmi of(String value) {
    return new Dtmi(value);
  }

  /**
   * Tells whether a text is a DTMI that may be written in a model as an {@code @id}: general
   * syntax, no system segments, at most {@value #MAX_USER_LENGTH} characters.
   *
   * @param value the text
   * @return whether it is a valid user DTMI
   */
  public static boolean isValidUserDtmi(String value) {
    return value.length() <= MAX_USER_LENGTH && USER.matcher(value).matches();
  }

  /**
   * Tells whether a text follows the general DTMI syntax.
   *
   * @param value the text
   * @return whether {@link #of(String)} would accept it
   */
  public static boolean isValid(String value) {
    return value.length() <= MAX_LENGTH && GENERAL.matcher(value).matches();
  }

  /**
   * Tells whether a text has the syntax of a DTMI that may be written in a model, whatever its
   * length (up to {@value #MAX_LENGTH}): no system segments.
   *
   * @param value the text
   * @return whether the syntax is that of a user DTMI
   */
  public static boolean isUserSyntax(String value) {
    return value.length() <= MAX_LENGTH && USER.matcher(value).matches();
  }

  /** @return whether this DTMI may be written in a model (no system segments, length ≤ 2048) */
  public boolean isUserDtmi() {
    return isValidUserDtmi(value);
  }

  /** @return the version text after {@code ;}, if any, e.g. {@code "1"} or {@code "2.1"} */
  public Optional<String> version() {
    int i = value.indexOf(';');
    return i < 0 ? Optional.empty() : Optional.of(value.substring(i + 1));
  }

  /** @return the major version, or 0 when the DTMI has no version */
  public int majorVersion() {
    return version().map(v -> Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v)).orElse(0);
  }

  /** @return the minor version, or 0 when the DTMI has no two-part version */
  public int minorVersion() {
    return version().filter(v -> v.contains(".")).map(v -> Integer.parseInt(v.substring(v.indexOf('.') + 1))).orElse(0);
  }

  /** @return the DTMI without its version, e.g. {@code dtmi:com:example:Room} */
  public String unversioned() {
    int i = value.indexOf(';');
    return i < 0 ? value : value.substring(0, i);
  }

  @Override
  public int compareTo(Dtmi o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
