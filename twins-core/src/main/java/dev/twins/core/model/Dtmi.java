package dev.twins.core.model;

import java.util.Objects;
import java.util.Optional;

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

  /**
   * Checks the syntax.
   *
   * @throws IllegalArgumentException if {@code value} is not a DTMI
   */
  public Dtmi {
    Objects.requireNonNull(value, "value");
    if (!scan(value, true)) {
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
    return value.length() <= MAX_USER_LENGTH && scan(value, false);
  }

  /**
   * Tells whether a text follows the general DTMI syntax.
   *
   * @param value the text
   * @return whether {@link #of(String)} would accept it
   */
  public static boolean isValid(String value) {
    return scan(value, true);
  }

  /**
   * Tells whether a text has the syntax of a DTMI that may be written in a model, whatever its
   * length (up to {@value #MAX_LENGTH}): no system segments.
   *
   * @param value the text
   * @return whether the syntax is that of a user DTMI
   */
  public static boolean isUserSyntax(String value) {
    return scan(value, false);
  }

  /**
   * Scans the DTMI syntax without regular expressions (a DTMI may have thousands of segments):
   * {@code dtmi:} then segments separated by {@code :}, each of letters, digits and underscores,
   * starting with a letter (system segments, allowed when {@code system}, may start with
   * underscores before that letter) and not ending with an underscore; then optionally
   * {@code ;major} or {@code ;major.minor}, without leading zeros, of at most 9 and 6 digits.
   */
  private static boolean scan(String v, boolean system) {
    int n = v.length();
    if (n > MAX_LENGTH || !v.startsWith("dtmi:")) return false;
    int semi = v.indexOf(';');
    int end = semi < 0 ? n : semi;
    int i = 5;
    boolean first = true;
    while (true) {
      int start = i;
      while (i < end && v.charAt(i) == '_') i++;
      if (i > start && (first || !system)) return false;
      if (i >= end || !isLetter(v.charAt(i))) return false;
      char last = v.charAt(i);
      i++;
      while (i < end && v.charAt(i) != ':') {
        last = v.charAt(i);
        if (!isLetter(last) && !isDigit(last) && last != '_') return false;
        i++;
      }
      if (last == '_') return false;
      first = false;
      if (i == end) break;
      i++; // ':'
    }
    if (semi < 0) return true;
    int dot = v.indexOf('.', semi);
    return number(v, semi + 1, dot < 0 ? n : dot, 9) && (dot < 0 || number(v, dot + 1, n, 6));
  }

  private static boolean number(String v, int from, int to, int maxDigits) {
    int len = to - from;
    if (len < 1 || len > maxDigits || v.charAt(from) == '0') return false;
    for (int i = from; i < to; i++) if (!isDigit(v.charAt(i))) return false;
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
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

  /**
   * Equal when the texts are equal (as the record's own would be; written out so that the first
   * use of DTMIs as map keys spins no method handles).
   */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Dtmi d && value.equals(d.value);
  }

  /** The text's hash code (as the record's own would be). */
  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
