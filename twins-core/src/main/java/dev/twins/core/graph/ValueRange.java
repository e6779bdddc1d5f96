package dev.twins.core.graph;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An interval of property values to look up in an {@link Indexes index}: each end is a value or
 * open, and a present end is inclusive or exclusive. {@code ValueRange.between(20, true, 25, false)}
 * is {@code [20, 25)}; {@code ValueRange.equalTo("on")} is the single value {@code "on"}.
 *
 * <p>Bound values are Java values: {@link Number} (compared numerically, so {@code 1} equals
 * {@code 1.0}), {@link String}, {@link Boolean}, {@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, or a scalar {@link JsonNode}. Which of them fit depends on the indexed
 * property's schema and is checked at lookup.
 *
 * @param lower the lower end; empty when open
 * @param lowerInclusive whether the lower end is in the range (false when it is open)
 * @param upper the upper end; empty when open
 * @param upperInclusive whether the upper end is in the range (false when it is open)
 */
public record ValueRange(Optional<Object> lower, boolean lowerInclusive, Optional<Object> upper,
    boolean upperInclusive) {

  private static final ValueRange ANY = new ValueRange(Optional.empty(), false, Optional.empty(), false);

  /**
   * Checks the bound values and clears the inclusive flag of an open end.
   *
   * @throws IllegalArgumentException if a bound is of a type no index holds
   */
  public ValueRange {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    lower.ifPresent(ValueRange::checkType);
    upper.ifPresent(ValueRange::checkType);
    lowerInclusive = lowerInclusive && lower.isPresent();
    upperInclusive = upperInclusive && upper.isPresent();
  }

  /** @return the range with both ends open: every twin that has an indexable value */
  public static ValueRange any() {
    return ANY;
  }

  /**
   * Returns the range of one value.
   *
   * @param value the value
   * @return {@code [value, value]}
   */
  public static ValueRange equalTo(Object value) {
    Objects.requireNonNull(value, "value");
    return new ValueRange(Optional.of(value), true, Optional.of(value), true);
  }

  /**
   * Returns a range with both ends given.
   *
   * @param from the lower end
   * @param fromInclusive whether {@code from} is in the range
   * @param to the upper end
   * @param toInclusive whether {@code to} is in the range
   * @return the range
   */
  public static ValueRange between(Object from, boolean fromInclusive, Object to, boolean toInclusive) {
    return new ValueRange(Optional.of(Objects.requireNonNull(from, "from")), fromInclusive,
        Optional.of(Objects.requireNonNull(to, "to")), toInclusive);
  }

  /**
   * Returns the values at or above a value.
   *
   * @param from the lower end, inclusive
   * @return {@code [from, ∞)}
   */
  public static ValueRange atLeast(Object from) {
    return new ValueRange(Optional.of(Objects.requireNonNull(from, "from")), true, Optional.empty(), false);
  }

  /**
   * Returns the values above a value.
   *
   * @param from the lower end, exclusive
   * @return {@code (from, ∞)}
   */
  public static ValueRange greaterThan(Object from) {
    return new ValueRange(Optional.of(Objects.requireNonNull(from, "from")), false, Optional.empty(), false);
  }

  /**
   * Returns the values at or below a value.
   *
   * @param to the upper end, inclusive
   * @return {@code (-∞, to]}
   */
  public static ValueRange atMost(Object to) {
    return new ValueRange(Optional.empty(), false, Optional.of(Objects.requireNonNull(to, "to")), true);
  }

  /**
   * Returns the values below a value.
   *
   * @param to the upper end, exclusive
   * @return {@code (-∞, to)}
   */
  public static ValueRange lessThan(Object to) {
    return new ValueRange(Optional.empty(), false, Optional.of(Objects.requireNonNull(to, "to")), false);
  }

  private static void checkType(Object v) {
    if (v instanceof Number && !(v instanceof Double || v instanceof Float || v instanceof Long
        || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigDecimal
        || v instanceof BigInteger)) {
      throw new IllegalArgumentException("a range bound must be a JDK number type, not a "
          + v.getClass().getName());
    }
    if (v instanceof Double && !Double.isFinite((Double) v) || v instanceof Float && !Float.isFinite((Float) v)) {
      throw new IllegalArgumentException("a range bound must be a finite number, not " + v);
    }
    if (v instanceof JsonNode && !(((JsonNode) v).isNumber() || ((JsonNode) v).isString()
        || ((JsonNode) v).isBoolean())) {
      throw new IllegalArgumentException("a range bound must be a number, string or boolean JSON value, not "
          + ((JsonNode) v).getNodeType());
    }
    if (!(v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof Instant
        || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof JsonNode)) {
      throw new IllegalArgumentException("a range bound must be a Number, String, Boolean, Instant, "
          + "OffsetDateTime, ZonedDateTime or JsonNode, not a " + v.getClass().getName());
    }
  }

  /** Renders the interval, e.g. {@code [20, 25)}, {@code (-∞, 30]} or {@code = on}. */
  @Override
  public String toString() {
    if (lower.isPresent() && upper.isPresent() && lowerInclusive && upperInclusive
        && lower.get().equals(upper.get())) {
      return "= " + lower.get();
    }
    return (lowerInclusive ? "[" : "(") + lower.map(String::valueOf).orElse("-∞") + ", "
        + upper.map(String::valueOf).orElse("∞") + (upperInclusive ? "]" : ")");
  }
}
