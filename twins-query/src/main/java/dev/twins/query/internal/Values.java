package dev.twins.query.internal;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.query.internal.Ast.Null;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Run-time values of the query language and their comparison. A value is {@link #UNDEFINED} (a
 * missing property), {@link Null#NULL} (JSON null), {@link Boolean}, {@link Long}, {@link Double},
 * {@link String}, {@link Instant}, {@link Duration}, a JSON object or array ({@link JsonNode}), a
 * {@link List} of values, a {@link Twin} or a {@link Relation}.
 */
public final class Values {
  private Values() {}

  /** A missing value: comparisons with it are neither true nor false, and it is left out of rows. */
  public static final Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "undefined";
    }
  };

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * Converts a JSON value.
   *
   * @param n the JSON value, or null for missing
   * @return the run-time value
   */
  public static Object of(JsonNode n) {
    if (n == null || n.isMissingNode()) return UNDEFINED;
    if (n.isNull()) return Null.NULL;
    if (n.isBoolean()) return n.booleanValue();
    if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
    if (n.isNumber()) return n.doubleValue();
    if (n.isString()) return n.stringValue();
    return n;
  }

  /**
   * Converts a Java value given as a parameter.
   *
   * @param v the value
   * @return the run-time value
   * @throws IllegalArgumentException if the type is not supported
   */
  public static Object ofJava(Object v) {
    if (v == null) return Null.NULL;
    if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Instant
        || v instanceof Duration || v instanceof Twin || v instanceof Relation) {
      return v;
    }
    if (v instanceof Double) {
      if (!Double.isFinite((Double) v)) throw new IllegalArgumentException("a number must be finite, not " + v);
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof Float) return ofJava(((Float) v).doubleValue());
    if (v instanceof BigInteger) {
      BigInteger b = (BigInteger) v;
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (v instanceof BigDecimal) return ofJava(((BigDecimal) v).doubleValue());
    if (v instanceof OffsetDateTime) return ((OffsetDateTime) v).toInstant();
    if (v instanceof ZonedDateTime) return ((ZonedDateTime) v).toInstant();
    if (v instanceof JsonNode) return of((JsonNode) v);
    if (v instanceof Collection) {
      List<Object> out = new ArrayList<>();
      for (Object o : (Collection<?>) v) out.add(ofJava(o));
      return out;
    }
    if (v instanceof Object[]) return ofJava(List.of((Object[]) v));
    if (v instanceof Map) {
      ObjectNode o = F.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) o.set(String.valueOf(e.getKey()), toJson(ofJava(e.getValue())));
      return o;
    }
    throw new IllegalArgumentException("a parameter must be a String, Number, Boolean, Instant, Duration, "
        + "JsonNode, Collection or Map, not a " + v.getClass().getName());
  }

  /**
   * Converts a run-time value to JSON for a result row.
   *
   * @param v the value, not {@link #UNDEFINED}
   * @return the JSON
   */
  public static JsonNode toJson(Object v) {
    if (v == Null.NULL || v == UNDEFINED) return F.nullNode();
    if (v instanceof Boolean) return F.booleanNode((Boolean) v);
    if (v instanceof Long) return F.numberNode((Long) v);
    if (v instanceof Double) return F.numberNode((Double) v);
    if (v instanceof String) return F.stringNode((String) v);
    if (v instanceof Instant || v instanceof Duration) return F.stringNode(v.toString());
    if (v instanceof Twin) return ((Twin) v).toJson();
    if (v instanceof Relation) return ((Relation) v).toJson();
    if (v instanceof JsonNode) return (JsonNode) v;
    if (v instanceof List) {
      ArrayNode a = F.arrayNode();
      for (Object o : (List<?>) v) a.add(toJson(o));
      return a;
    }
    throw new IllegalStateException("not a query value: " + v);
  }

  /**
   * Converts a projected row to its JSON object, leaving out the {@link #UNDEFINED} values.
   *
   * @param names the column names
   * @param values the values, in the order of the names
   * @return the row's object, keyed by column name in order
   */
  public static ObjectNode rowJson(String[] names, Object[] values) {
    ObjectNode o = F.objectNode();
    for (int i = 0; i < names.length; i++) {
      if (values[i] != UNDEFINED) o.set(names[i], toJson(values[i]));
    }
    return o;
  }

  /** @return whether the value is a number */
  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double;
  }

  /**
   * Compares two values of the same kind.
   *
   * @param a a value
   * @param b a value
   * @return negative, zero or positive; {@code null} when they cannot be compared (different kinds,
   *     a missing value, objects)
   */
  public static Integer compare(Object a, Object b) {
    if (a == UNDEFINED || b == UNDEFINED) return null;
    if (a instanceof Long && b instanceof Long) return Long.compare((Long) a, (Long) b);
    if (isNumber(a) && isNumber(b)) return compareNumbers((Number) a, (Number) b);
    if (a instanceof String && b instanceof String) return ((String) a).compareTo((String) b);
    if (a instanceof Boolean && b instanceof Boolean) return Boolean.compare((Boolean) a, (Boolean) b);
    if (a == Null.NULL && b == Null.NULL) return 0;
    if (a instanceof Instant || b instanceof Instant) {
      Instant x = instant(a);
      Instant y = instant(b);
      return x == null || y == null ? null : x.compareTo(y);
    }
    if (a instanceof Duration || b instanceof Duration) {
      Duration x = duration(a);
      Duration y = duration(b);
      return x == null || y == null ? null : x.compareTo(y);
    }
    if (a instanceof Twin && b instanceof Twin) return ((Twin) a).id().equals(((Twin) b).id()) ? 0 : null;
    if ((a instanceof JsonNode || a instanceof List) && (b instanceof JsonNode || b instanceof List)) {
      return toJson(a).equals(toJson(b)) ? 0 : null;
    }
    return null;
  }

  private static int compareNumbers(Number a, Number b) {
    double x = a.doubleValue();
    double y = b.doubleValue();
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /**
   * Reads a value as an instant: an {@link Instant}, or a string in ISO-8601 date-time form.
   *
   * @param v the value
   * @return the instant, or null
   */
  public static Instant instant(Object v) {
    if (v instanceof Instant) return (Instant) v;
    if (v instanceof String) {
      try {
        return OffsetDateTime.parse((String) v).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * Reads a value as a duration: a {@link Duration}, or an ISO-8601 duration string such as
   * {@code 'PT15M'}, {@code 'P7D'} or {@code 'P2W'} (years and months have no fixed length and are
   * not durations).
   *
   * @param v the value
   * @return the duration, or null
   */
  public static Duration duration(Object v) {
    if (v instanceof Duration) return (Duration) v;
    if (!(v instanceof String)) return null;
    String s = (String) v;
    Duration simple = simpleDuration(s);
    if (simple != null) return simple;
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      try {
        Period p = Period.parse(s);
        if (p.getYears() != 0 || p.getMonths() != 0) return null;
        return Duration.ofDays(p.getDays());
      } catch (DateTimeParseException | ArithmeticException e2) {
        // not a duration, or weeks or days beyond the range of an int
        return null;
      }
    }
  }

  /**
   * Reads the common ISO-8601 durations without a regular expression: {@code P}, then optional
   * whole days, then optional {@code T} with whole hours, minutes and seconds, each at most 9
   * digits ({@code 'PT1H'}, {@code 'P7D'}, {@code 'PT15M'}, {@code 'P1DT12H'}), the same value as
   * {@link Duration#parse}. Anything else (signs, fractions, lower case, weeks) gives null, for
   * the general parsers.
   */
  static Duration simpleDuration(String s) {
    int n = s.length();
    if (n < 3 || s.charAt(0) != 'P') return null;
    long seconds = 0;
    boolean time = false;
    boolean any = false;
    int last = 0; // the unit order: D=1, H=2, M=3, S=4
    int i = 1;
    while (i < n) {
      char c = s.charAt(i);
      if (c == 'T') {
        if (time || i == n - 1) return null;
        time = true;
        i++;
        continue;
      }
      int start = i;
      long value = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') value = value * 10 + (s.charAt(i++) - '0');
      if (i == start || i - start > 9 || i == n) return null;
      char unit = s.charAt(i++);
      int order;
      long scale;
      if (!time && unit == 'D') {
        order = 1;
        scale = 86_400;
      } else if (time && unit == 'H') {
        order = 2;
        scale = 3_600;
      } else if (time && unit == 'M') {
        order = 3;
        scale = 60;
      } else if (time && unit == 'S') {
        order = 4;
        scale = 1;
      } else {
        return null;
      }
      if (order <= last) return null;
      last = order;
      seconds += value * scale;
      any = true;
    }
    return any && !(time && last < 2) ? Duration.ofSeconds(seconds) : null;
  }

  /**
   * The total order of ORDER BY, MIN and MAX: missing values, then null, false, true, numbers,
   * strings, instants, durations, then anything else by its JSON text.
   *
   * @param a a value
   * @param b a value
   * @return negative, zero or positive
   */
  public static int order(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) return Integer.compare(ra, rb);
    if (ra == 0 || ra == 1) return 0;
    if (ra == 7) return toJson(a).toString().compareTo(toJson(b).toString());
    Integer c = compare(a, b);
    return c == null ? 0 : c;
  }

  private static int rank(Object v) {
    if (v == UNDEFINED) return 0;
    if (v == Null.NULL) return 1;
    if (v instanceof Boolean) return 2;
    if (isNumber(v)) return 3;
    if (v instanceof String) return 4;
    if (v instanceof Instant) return 5;
    if (v instanceof Duration) return 6;
    return 7;
  }

  /**
   * Tells whether a value is in an array (a JSON array or a list of values).
   *
   * @param array the array
   * @param v the value
   * @return TRUE, FALSE, or UNDEFINED when {@code array} is not an array
   */
  public static Object arrayContains(Object array, Object v) {
    if (v == UNDEFINED) return UNDEFINED;
    if (array instanceof ArrayNode) {
      ArrayNode a = (ArrayNode) array;
      for (int i = 0; i < a.size(); i++) {
        Integer c = compare(of(a.get(i)), v);
        if (c != null && c == 0) return Boolean.TRUE;
      }
      return Boolean.FALSE;
    }
    if (array instanceof List) {
      for (Object o : (List<?>) array) {
        Integer c = compare(o, v);
        if (c != null && c == 0) return Boolean.TRUE;
      }
      return Boolean.FALSE;
    }
    return UNDEFINED;
  }

  /**
   * Renders a value for a table cell or message.
   *
   * @param v the value
   * @return its text
   */
  public static String text(Object v) {
    if (v instanceof Twin) return ((Twin) v).id();
    if (v instanceof Relation) return ((Relation) v).id();
    if (v instanceof String) return (String) v;
    return toJson(v).toString();
  }
}
