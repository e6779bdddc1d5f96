package dev.twins.core.internal.graph;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;

/**
 * A number as an index key, compared exactly by value whatever its JSON or Java form: {@code 1},
 * {@code 1.0}, {@code 1L} and {@code BigDecimal("1.00")} are one key.
 *
 * <p>Each value has one canonical form, so {@link #equals} agrees with {@link #compareTo}: a whole
 * number that fits a {@code long} is a {@code long}; otherwise a value a {@code double} holds
 * exactly is a {@code double} (never whole within the {@code long} range, never {@code -0.0});
 * anything else (huge integers, decimals with more digits than a double holds) is a
 * {@code BigDecimal}. The common comparisons ({@code long} with {@code long}, {@code double} or
 * each other) allocate nothing.
 */
final class NumberKey implements Comparable<NumberKey> {
  private static final double TWO_63 = 0x1p63;

  private final long whole;
  private final double real;
  private final BigDecimal big;
  private final byte form; // 0 long, 1 double, 2 big

  private NumberKey(long whole, double real, BigDecimal big, int form) {
    this.whole = whole;
    this.real = real;
    this.big = big;
    this.form = (byte) form;
  }

  static NumberKey of(long v) {
    return new NumberKey(v, 0, null, 0);
  }

  /**
   * Returns the key of a finite double.
   *
   * @param v the value
   * @return the key, or null when it is NaN or infinite
   */
  static NumberKey of(double v) {
    if (!Double.isFinite(v)) return null;
    if (v >= -TWO_63 && v < TWO_63 && v == Math.rint(v)) return of((long) v);
    return new NumberKey(0, v, null, 1);
  }

  static NumberKey of(BigDecimal v) {
    BigDecimal s = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
    if (s.scale() <= 0 && s.precision() - s.scale() <= 19) {
      BigInteger i = s.toBigIntegerExact();
      if (i.bitLength() < 64) return of(i.longValue());
    }
    double d = s.doubleValue();
    if (Double.isFinite(d) && new BigDecimal(d).compareTo(s) == 0) return of(d);
    return new NumberKey(0, 0, s, 2);
  }

  static NumberKey of(BigInteger v) {
    return v.bitLength() < 64 ? of(v.longValue()) : of(new BigDecimal(v));
  }

  /**
   * Returns the key of a JSON number.
   *
   * @param node the value
   * @param decimalText whether a string of a decimal number counts (the {@code decimal} schema)
   * @return the key, or null when the node is not a finite number
   */
  static NumberKey of(JsonNode node, boolean decimalText) {
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? of(node.longValue()) : of(node.bigIntegerValue());
    }
    if (node.isBigDecimal()) return of(node.decimalValue());
    if (node.isNumber()) return of(node.doubleValue());
    if (decimalText && node.isString()) {
      try {
        return of(new BigDecimal(node.asString()));
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    return null;
  }

  /**
   * Returns the key of a Java number.
   *
   * @param n the number: a JDK boxed primitive, {@code BigInteger} or {@code BigDecimal}
   * @return the key, or null when it is not finite or not a JDK number type
   */
  static NumberKey ofJava(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) return of(n.longValue());
    if (n instanceof Double || n instanceof Float) return of(n.doubleValue());
    if (n instanceof BigDecimal) return of((BigDecimal) n);
    if (n instanceof BigInteger) return of((BigInteger) n);
    return null;
  }

  private BigDecimal exact() {
    return form == 0 ? BigDecimal.valueOf(whole) : form == 1 ? new BigDecimal(real) : big;
  }

  @Override
  public int compareTo(NumberKey o) {
    if (form == 0 && o.form == 0) return Long.compare(whole, o.whole);
    if (form == 1 && o.form == 1) return Double.compare(real, o.real);
    if (form == 0 && o.form == 1) return compare(whole, o.real);
    if (form == 1 && o.form == 0) return -compare(o.whole, real);
    return exact().compareTo(o.exact());
  }

  /** Compares a long with a double that is not a whole number within the long range: never equal. */
  private static int compare(long l, double d) {
    if (d >= TWO_63) return -1;
    if (d < -TWO_63) return 1;
    long floor = (long) Math.floor(d);
    return l <= floor ? -1 : 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberKey && compareTo((NumberKey) o) == 0;
  }

  @Override
  public int hashCode() {
    return form == 0 ? Long.hashCode(whole) : form == 1 ? Double.hashCode(real) : big.hashCode();
  }

  @Override
  public String toString() {
    return form == 0 ? Long.toString(whole) : form == 1 ? Double.toString(real) : big.toPlainString();
  }
}
