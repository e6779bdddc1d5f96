package dev.twins.core.internal;

import dev.twins.core.model.PrimitiveSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against one primitive schema. Each check returns {@code null} when the value
 * is valid and otherwise the message of the error; the rules are documented on
 * {@link InstanceValidator}.
 */
final class PrimitiveChecks {
  /** Largest magnitude below which every double is an exactly representable integer or not. */
  private static final double EXACT_DOUBLE_LIMIT = 0x1p53;

  private PrimitiveChecks() {}

  /** An inclusive range of integers; {@code maxBig} is used only by the slow paths. */
  private static final class Range {
    final long min;
    final long max;
    final boolean unsignedLong;
    final BigDecimal minDecimal;
    final BigDecimal maxDecimal;
    final String text;

    Range(long min, long max) {
      this.min = min;
      this.max = max;
      this.unsignedLong = false;
      this.minDecimal = BigDecimal.valueOf(min);
      this.maxDecimal = BigDecimal.valueOf(max);
      this.text = min + " to " + max;
    }

    Range(BigInteger max) {
      this.min = 0;
      this.max = -1; // unused: see unsignedLong
      this.unsignedLong = true;
      this.minDecimal = BigDecimal.ZERO;
      this.maxDecimal = new BigDecimal(max);
      this.text = "0 to " + max;
    }

    boolean containsLong(long v) {
      return unsignedLong ? v >= 0 : v >= min && v <= max;
    }

    boolean containsDecimal(BigDecimal v) {
      return v.compareTo(minDecimal) >= 0 && v.compareTo(maxDecimal) <= 0;
    }
  }

  private static final Range BYTE = new Range(Byte.MIN_VALUE, Byte.MAX_VALUE);
  private static final Range SHORT = new Range(Short.MIN_VALUE, Short.MAX_VALUE);
  private static final Range INTEGER = new Range(Integer.MIN_VALUE, Integer.MAX_VALUE);
  private static final Range LONG = new Range(Long.MIN_VALUE, Long.MAX_VALUE);
  private static final Range UNSIGNED_BYTE = new Range(0, 0xFF);
  private static final Range UNSIGNED_SHORT = new Range(0, 0xFFFF);
  private static final Range UNSIGNED_INTEGER = new Range(0, 0xFFFF_FFFFL);
  private static final Range UNSIGNED_LONG = new Range(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

  /**
   * Checks a value against a primitive schema.
   *
   * @param schema the schema
   * @param node the value
   * @return {@code null} when valid, otherwise the message
   */
  static String check(PrimitiveSchema schema, JsonNode node) {
    switch (schema) {
      case BOOLEAN:
        return node.isBoolean() ? null : mismatch(schema, node);
      case STRING:
        return string(schema, node);
      case INTEGER:
        return integral(schema, node, INTEGER);
      case LONG:
        return integral(schema, node, LONG);
      case BYTE:
        return integral(schema, node, BYTE);
      case SHORT:
        return integral(schema, node, SHORT);
      case UNSIGNED_BYTE:
        return integral(schema, node, UNSIGNED_BYTE);
      case UNSIGNED_SHORT:
        return integral(schema, node, UNSIGNED_SHORT);
      case UNSIGNED_INTEGER:
        return integral(schema, node, UNSIGNED_INTEGER);
      case UNSIGNED_LONG:
        return integral(schema, node, UNSIGNED_LONG);
      case DOUBLE:
        return floating(schema, node, false);
      case FLOAT:
        return floating(schema, node, true);
      case DECIMAL:
        return decimal(schema, node);
      case DATE:
        return node.isString() ? format(schema, node, TextFormats.date(node.stringValue())) : mismatch(schema, node);
      case TIME:
        return node.isString() ? format(schema, node, TextFormats.time(node.stringValue())) : mismatch(schema, node);
      case DATE_TIME:
        return node.isString() ? format(schema, node, TextFormats.dateTime(node.stringValue())) : mismatch(schema, node);
      case DURATION:
        return node.isString() ? format(schema, node, TextFormats.duration(node.stringValue())) : mismatch(schema, node);
      case UUID:
        return node.isString() ? format(schema, node, TextFormats.uuid(node.stringValue())) : mismatch(schema, node);
      case BYTES:
        if (node.isBinary()) {
          return null; // a tree built in Java; it serialises as base64
        }
        return node.isString() ? format(schema, node, TextFormats.base64(node.stringValue())) : mismatch(schema, node);
      default:
        throw new AssertionError("unknown primitive schema " + schema);
    }
  }

  /**
   * Tells whether a value is an integer within the 32-bit range, by the rules of {@code integer}.
   *
   * @param node the value
   * @return whether {@link #intValue(JsonNode)} may be called
   */
  static boolean isInt(JsonNode node) {
    if (node.isInt() || node.isShort()) {
      return true;
    }
    return node.isNumber() && integral(PrimitiveSchema.INTEGER, node, INTEGER) == null;
  }

  /**
   * Returns the value of a node for which {@link #isInt(JsonNode)} holds.
   *
   * @param node the value
   * @return its integer value
   */
  static int intValue(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.intValue();
    }
    if (node.isBigDecimal()) {
      return node.decimalValue().intValueExact();
    }
    return (int) node.doubleValue();
  }

  // ---------------------------------------------------------------- numbers

  private static String integral(PrimitiveSchema schema, JsonNode node, Range range) {
    if (node.isInt() || node.isLong() || node.isShort()) {
      return range.containsLong(node.longValue()) ? null : outOfRange(schema, node, range);
    }
    if (!node.isNumber()) {
      return mismatch(schema, node);
    }
    if (node.isBigInteger()) {
      return range.containsDecimal(new BigDecimal(node.bigIntegerValue())) ? null : outOfRange(schema, node, range);
    }
    if (node.isBigDecimal()) {
      BigDecimal d = node.decimalValue();
      if (d.signum() != 0 && d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
        return notIntegral(schema, node);
      }
      return range.containsDecimal(d) ? null : outOfRange(schema, node, range);
    }
    // a float or double node: accepted when its value is a whole number that is exact
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      return notFinite(schema, node);
    }
    if (d != Math.rint(d)) {
      return notIntegral(schema, node);
    }
    if (Math.abs(d) > EXACT_DOUBLE_LIMIT) {
      return JsonValues.abbreviate(node)
          + " was read as a floating-point number too large to be exact; write "
          + schema.term()
          + " values as integer literals";
    }
    return range.containsLong((long) d) ? null : outOfRange(schema, node, range);
  }

  private static String floating(PrimitiveSchema schema, JsonNode node, boolean single) {
    if (node.isInt() || node.isShort() || node.isLong()) {
      return null; // every long rounds to a finite double and float
    }
    if (!single && node.isDouble()) {
      // the common case, read without boxing: a double node is valid unless NaN or infinite
      return Double.isFinite(node.doubleValue()) ? null : notFinite(schema, node);
    }
    if (!node.isNumber()) {
      return mismatch(schema, node);
    }
    // numberValue(): Jackson 3's doubleValue() throws for big numbers beyond the double range
    double d = node.numberValue().doubleValue();
    if (Double.isNaN(d) || (Double.isInfinite(d) && (node.isDouble() || node.isFloat()))) {
      return notFinite(schema, node);
    }
    if (Double.isInfinite(d) || (single && Float.isInfinite((float) d))) {
      return JsonValues.abbreviate(node)
          + " is out of range for "
          + schema.term()
          + " (magnitude at most "
          + (single ? String.valueOf(Float.MAX_VALUE) : String.valueOf(Double.MAX_VALUE))
          + ")";
    }
    return null;
  }

  private static String decimal(PrimitiveSchema schema, JsonNode node) {
    if (node.isNumber()) {
      if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
        return notFinite(schema, node);
      }
      return null;
    }
    if (node.isString()) {
      return format(schema, node, TextFormats.decimal(node.stringValue()));
    }
    return mismatch(schema, node);
  }

  // ---------------------------------------------------------------- strings

  private static String string(PrimitiveSchema schema, JsonNode node) {
    if (!node.isString()) {
      return mismatch(schema, node);
    }
    int bad = TextFormats.unpairedSurrogate(node.stringValue());
    return bad < 0
        ? null
        : JsonValues.abbreviate(node) + " is not valid UTF-8: unpaired surrogate at index " + bad;
  }

  private static String format(PrimitiveSchema schema, JsonNode node, String problem) {
    if (problem == null) {
      return null;
    }
    String what = schema == PrimitiveSchema.BYTES ? "valid base64 for bytes" : "a valid " + schema.term();
    return JsonValues.abbreviate(node) + " is not " + what + ": " + problem;
  }

  // ---------------------------------------------------------------- messages

  private static String outOfRange(PrimitiveSchema schema, JsonNode node, Range range) {
    return JsonValues.abbreviate(node) + " is out of range for " + schema.term() + " (" + range.text + ")";
  }

  private static String notIntegral(PrimitiveSchema schema, JsonNode node) {
    return JsonValues.abbreviate(node) + " is not a whole number, as " + schema.term() + " requires";
  }

  private static String notFinite(PrimitiveSchema schema, JsonNode node) {
    return JsonValues.abbreviate(node) + " is not a finite number, as " + schema.term() + " requires";
  }

  /**
   * The message for a value of the wrong JSON type, with a hint for common slips.
   *
   * @param schema the schema
   * @param node the value
   * @return the message
   */
  static String mismatch(PrimitiveSchema schema, JsonNode node) {
    return mismatch(schema.term(), schema.isNumeric(), schema == PrimitiveSchema.BOOLEAN, node);
  }

  /**
   * The message for a value of the wrong JSON type, with a hint for common slips.
   *
   * @param expected what was expected, e.g. {@code integer}
   * @param numeric whether a number was expected
   * @param bool whether a boolean was expected
   * @param node the value
   * @return the message
   */
  static String mismatch(String expected, boolean numeric, boolean bool, JsonNode node) {
    if (node.isNull()) {
      return "expected " + expected + ", got null; DTDL values are never null (leave the value out instead)";
    }
    String message = "expected " + expected + ", got " + JsonValues.describe(node);
    if (node.isString()) {
      String s = node.stringValue();
      if (numeric && looksNumeric(s)) {
        return message + " (write numbers without quotes)";
      }
      if (bool && (s.equals("true") || s.equals("false"))) {
        return message + " (write booleans without quotes)";
      }
    }
    return message;
  }

  private static boolean looksNumeric(String s) {
    if (s.isEmpty() || s.length() > 400) {
      return false;
    }
    try {
      new BigDecimal(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false; // only reached on an error path
    }
  }
}
