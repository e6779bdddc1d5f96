package dev.twins.core.internal.graph;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON values as JSON Patch sees them: canonical copies, RFC 6902 equality and short renderings.
 *
 * <p>JSON has one number type, but Jackson has seven node classes for numbers and compares them by
 * class. Patch values are therefore kept in one canonical form, so that a patch built in Java
 * equals the same patch read from its JSON text:
 * <ul>
 *   <li>integers are an {@code int} node when they fit, else a {@code long} node when they fit,
 *       else a {@code BigInteger} node;
 *   <li>other numbers are a {@code double} node ({@code -0.0} becomes {@code 0.0}; a {@code float}
 *       becomes the double its shortest decimal form denotes), except decimals with more than 17
 *       significant digits (other than the way {@code Double.toString} prints a double) or outside the range of {@code double}, which stay {@code BigDecimal}
 *       nodes without trailing zeros (but with one fractional digit if they have none and no
 *       exponent, so that they print as floating-point numbers), so that no digit is lost;
 *   <li>NaN, infinities, binary data, Java objects and missing nodes are not JSON and are refused.
 * </ul>
 */
public final class PatchValues {
  /** The longest rendering of a value in an error message, before the ellipsis. */
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DoubleNode ZERO = DoubleNode.valueOf(0.0);
  private static final int MAX_DOUBLE_DIGITS = 17;

  private PatchValues() {}

  /**
   * Returns the canonical form of a value; containers are always fresh deep copies, scalars that
   * are already canonical are returned as they are (Jackson's scalar nodes are immutable).
   *
   * @param value the value
   * @return the canonical value, or {@code null} when the value (or a value inside it) is not
   *     JSON ({@link #problem} then says where and why; this method stays allocation-free for
   *     scalars on the common path)
   */
  public static JsonNode canonical(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING:
      case BOOLEAN:
      case NULL:
        return value;
      case NUMBER:
        return canonicalNumber(value);
      case OBJECT: {
        ObjectNode copy = new ObjectNode(NODES);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          JsonNode v = canonical(e.getValue());
          if (v == null) {
            return null;
          }
          copy.set(e.getKey(), v);
        }
        return copy;
      }
      case ARRAY: {
        ArrayNode copy = new ArrayNode(NODES, value.size());
        for (JsonNode element : value.values()) {
          JsonNode v = canonical(element);
          if (v == null) {
            return null;
          }
          copy.add(v);
        }
        return copy;
      }
      default:
        return null;
    }
  }

  /**
   * Where and why a value is not JSON.
   *
   * @param pointer the JSON pointer of the offending node, relative to the value ({@code ""} for
   *     the value itself)
   * @param description what is wrong
   */
  public record Problem(String pointer, String description) {}

  /**
   * Explains why {@link #canonical} refused a value.
   *
   * @param value the value
   * @return the first offending node, or empty if the value is fine
   */
  public static Optional<Problem> problem(JsonNode value) {
    return Optional.ofNullable(problem(value, ""));
  }

  private static Problem problem(JsonNode value, String at) {
    switch (value.getNodeType()) {
      case STRING:
      case BOOLEAN:
      case NULL:
        return null;
      case NUMBER:
        return canonicalNumber(value) != null ? null
            : new Problem(at, "JSON has no number " + value.asString() + " (NaN and infinities are not JSON)");
      case OBJECT:
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          Problem p = problem(e.getValue(), JsonPointers.child(at, e.getKey()));
          if (p != null) {
            return p;
          }
        }
        return null;
      case ARRAY: {
        int i = 0;
        for (JsonNode element : value.values()) {
          Problem p = problem(element, at + '/' + i);
          if (p != null) {
            return p;
          }
          i++;
        }
        return null;
      }
      case BINARY:
        return new Problem(at, "binary data is not a JSON value (encode it as a string)");
      case POJO:
        return new Problem(at, "a Java object is not a JSON value (convert it to a JSON node first)");
      default:
        return new Problem(at, "a missing node is not a JSON value");
    }
  }

  private static JsonNode canonicalNumber(JsonNode n) {
    if (n.isInt()) {
      return n;
    }
    if (n.isShort()) {
      return IntNode.valueOf(n.intValue());
    }
    if (n.isLong()) {
      long v = n.longValue();
      return v == (int) v ? IntNode.valueOf((int) v) : n;
    }
    if (n.isBigInteger()) {
      BigInteger v = n.bigIntegerValue();
      int bits = v.bitLength();
      return bits < 32 ? IntNode.valueOf(v.intValue()) : bits < 64 ? LongNode.valueOf(v.longValue()) : n;
    }
    if (n.isDouble()) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        return null;
      }
      return d == 0.0 ? ZERO : n;
    }
    if (n.isFloat()) {
      float f = n.floatValue();
      if (!Float.isFinite(f)) {
        return null;
      }
      return f == 0.0f ? ZERO : DoubleNode.valueOf(Double.parseDouble(Float.toString(f)));
    }
    if (n.isBigDecimal()) {
      BigDecimal v = n.decimalValue();
      if (v.signum() == 0) {
        return ZERO;
      }
      BigDecimal stripped = v.stripTrailingZeros();
      double d = stripped.doubleValue();
      if (Double.isFinite(d) && d != 0.0 && (stripped.precision() <= MAX_DOUBLE_DIGITS
          || stripped.compareTo(new BigDecimal(Double.toString(d))) == 0)) {
        // The second test: before Java 19, Double.toString sometimes prints 18 digits
        // (e.g. -2.30584300921369344E18), and that is how Jackson writes such a double.
        return DoubleNode.valueOf(d);
      }
      if (stripped.scale() == 0) {
        // Printed as "123...", it would read back as an integer: keep it a floating-point number.
        stripped = stripped.setScale(1);
      }
      return stripped.equals(v) ? n : NODES.numberNode(stripped);
    }
    return null;
  }

  /**
   * Compares two JSON values as RFC 6902 {@code test} does: numbers by numeric value, strings by
   * their characters, objects by their members in any order, arrays element by element.
   *
   * @param a one value
   * @param b the other
   * @return whether they are equal as JSON
   */
  public static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    switch (a.getNodeType()) {
      case NUMBER:
        return b.isNumber() && numbersEqual(a, b);
      case OBJECT: {
        if (!b.isObject() || a.size() != b.size()) {
          return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          JsonNode other = b.get(e.getKey());
          if (other == null || !jsonEquals(e.getValue(), other)) {
            return false;
          }
        }
        return true;
      }
      case ARRAY: {
        if (!b.isArray() || a.size() != b.size()) {
          return false;
        }
        Iterator<JsonNode> ia = a.values().iterator();
        Iterator<JsonNode> ib = b.values().iterator();
        while (ia.hasNext()) {
          if (!jsonEquals(ia.next(), ib.next())) {
            return false;
          }
        }
        return true;
      }
      default:
        return a.equals(b);
    }
  }

  private static boolean numbersEqual(JsonNode a, JsonNode b) {
    boolean smallA = a.isInt() || a.isLong() || a.isShort();
    boolean smallB = b.isInt() || b.isLong() || b.isShort();
    if (smallA && smallB) {
      return a.longValue() == b.longValue();
    }
    if (a.isDouble() && b.isDouble()) {
      return a.doubleValue() == b.doubleValue();
    }
    BigDecimal x = exact(a);
    BigDecimal y = exact(b);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  private static BigDecimal exact(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
    return n.decimalValue();
  }

  /**
   * Renders a value as compact JSON, cut to about 60 characters, for messages.
   *
   * @param value the value
   * @return the rendering
   */
  public static String abbreviate(JsonNode value) {
    return dev.twins.core.internal.JsonValues.abbreviate(value);
  }

  /**
   * Renders a text as a JSON string, cut to about 60 characters, for messages.
   *
   * @param text the text
   * @return the quoted rendering
   */
  public static String quote(String text) {
    return dev.twins.core.internal.JsonValues.quote(text);
  }

  /**
   * Names a value's JSON type with an article, for messages: {@code an object}, {@code a number}.
   *
   * @param value the value
   * @return the description
   */
  public static String typeName(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "a non-JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " node";
    }
  }
}
