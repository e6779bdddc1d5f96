package dev.twins.core.internal.telemetry;

import dev.twins.core.internal.series.Column;
import dev.twins.core.internal.series.HeldColumns;
import dev.twins.core.model.Telemetry;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Series;
import dev.twins.core.series.StringSeries;
import dev.twins.core.telemetry.Channel;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.Readings;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One telemetry of one twin: its newest reading, its series, and the rules and watches that read
 * it. Its {@link #lock} guards its fields (a message of several values locks its slots in
 * {@link #ordinal} order); the hook cache is refreshed when the hub's hook version moves.
 */
final class Slot implements Channel, Readings {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // The fields the typed path reads come first: the JVM lays out references in declaration order
  // after the primitives, so that these three share the cache line of the newest reading.
  final HubCore core;
  /**
   * The lock of this slot: its series' lock when it has a series (the series' column, which every
   * method of the series locks too), else the slot itself. The typed path takes it once per
   * message and appends to {@link #numbers} under it.
   */
  final Object lock;
  /**
   * The column of the series of a number or boolean telemetry, appended to directly under
   * {@link #lock}; null when the telemetry has no such series.
   */
  final Column numbers;
  final TwinState twin;
  final String component;
  final String key;
  final Telemetry telemetry;
  final ValueKind kind;
  /** The smallest and largest value the schema allows, or null for a plain double (any finite value). */
  final double[] range;
  /** Whether any finite number fits the schema (a double without bounds): the check of the typed path. */
  final boolean plainDouble;
  final int ordinal;
  /** Set when the twin is deleted or moved to another model; written without the lock, so that the graph never waits. */
  volatile boolean retired;
  /** Messages accepted and counted on this slot (a message of several values counts on its first slot). */
  long acceptedCount;

  // guarded by twin
  boolean hasLast;
  long lastTime;
  double lastNumber;
  JsonNode lastJson;
  DoubleSeries doubles;
  BooleanSeries booleans;
  StringSeries strings;
  GeoSeries points;

  // hook cache: refreshed when core.hooksVersion() differs
  volatile int hooksVersion = -1;
  RuleEngine.Binding[] bindings = new RuleEngine.Binding[0];
  Watches.State[] watches = new Watches.State[0];
  boolean feedsRelated;
  boolean hooked;

  Slot(HubCore core, TwinState twin, String component, Telemetry telemetry, int ordinal) {
    this.ordinal = ordinal;
    this.core = core;
    this.twin = twin;
    this.component = component;
    this.key = component == null ? telemetry.name() : component + "/" + telemetry.name();
    this.telemetry = telemetry;
    this.kind = ValueKind.of(telemetry.schema());
    double lo = ValueKind.min(telemetry.schema());
    double hi = ValueKind.max(telemetry.schema());
    this.range = lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY ? null : new double[] {lo, hi};
    this.plainDouble = kind == ValueKind.DOUBLE && range == null;
    core.attachSeries(twin, this);
    Series series = seriesOrNull();
    this.lock = series != null ? HeldColumns.lockOf(series) : this;
    this.numbers = kind == ValueKind.JSON || series == null ? null : HeldColumns.columnOf(series);
    lastFromSeries();
  }

  /**
   * A slot made over a series that already holds samples (restored from a snapshot) starts with
   * the newest sample as its newest reading.
   */
  private void lastFromSeries() {
    if (doubles != null) {
      synchronized (lock) {
        OptionalLong t = doubles.lastTime();
        if (t.isEmpty()) return;
        hasLast = true;
        lastTime = t.getAsLong();
        lastNumber = doubles.last().getAsDouble();
        if (kind == ValueKind.JSON) {   // a numeric enum: integers
          lastJson = lastNumber == Math.rint(lastNumber) && Math.abs(lastNumber) < 0x1p53
              ? NODES.numberNode((long) lastNumber) : NODES.numberNode(lastNumber);
        }
      }
    } else if (booleans != null) {
      synchronized (lock) {
        OptionalLong t = booleans.lastTime();
        if (t.isEmpty()) return;
        hasLast = true;
        lastTime = t.getAsLong();
        lastNumber = booleans.last().get() ? 1 : 0;
      }
    } else if (strings != null) {
      synchronized (lock) {
        OptionalLong t = strings.lastTime();
        if (t.isEmpty()) return;
        hasLast = true;
        lastTime = t.getAsLong();
        lastJson = NODES.stringNode(strings.last().get());
      }
    } else if (points != null) {
      synchronized (lock) {
        OptionalLong t = points.lastTime();
        if (t.isEmpty()) return;
        hasLast = true;
        lastTime = t.getAsLong();
        var p = points.last().get();
        var o = NODES.objectNode();
        o.put("type", "Point");
        o.putArray("coordinates").add(p.lon()).add(p.lat());
        lastJson = o;
      }
    }
  }

  // ------------------------------------------------------------------------------------ Channel

  @Override
  public String twinId() {
    return twin.id;
  }

  @Override
  public Optional<String> component() {
    return Optional.ofNullable(component);
  }

  @Override
  public String telemetry() {
    return key;
  }

  @Override
  public Telemetry definition() {
    return telemetry;
  }

  /**
   * The typed path. Its common case, a valid number in time order for a slot nothing listens to,
   * is handled here in a few instructions under one lock; anything else (a late reading, a retired
   * slot, hooks to refresh or run, a rejection) goes the full way through the hub.
   */
  @Override
  public Outcome ingest(long epochMillis, double value) {
    if (plainDouble ? Double.isFinite(value) : checkNumber(value) == null) {
      if (hooksVersion == core.hooksVersion() && !hooked) {
        synchronized (lock) {
          if (!retired && storeNumberInOrder(epochMillis, value)) return Outcome.ACCEPTED;
        }
      }
      return core.applyNumber(this, epochMillis, value, null);
    }
    return core.rejectTyped(this, epochMillis, Double.toString(value), checkNumber(value));
  }

  @Override
  public Outcome ingest(long epochMillis, double value, String messageId) {
    java.util.Objects.requireNonNull(messageId, "messageId");
    String problem = checkNumber(value);
    if (problem != null) return core.rejectTyped(this, epochMillis, Double.toString(value), problem);
    return core.applyNumber(this, epochMillis, value, messageId);
  }

  @Override
  public Outcome ingest(long epochMillis, boolean value) {
    if (kind != ValueKind.BOOLEAN) {
      return core.rejectTyped(this, epochMillis, Boolean.toString(value), "expected " + telemetry.schema().describe()
          + ", got a boolean");
    }
    return core.applyNumber(this, epochMillis, value ? 1 : 0, null);
  }

  @Override
  public Outcome ingest(long epochMillis, JsonNode value) {
    java.util.Objects.requireNonNull(value, "value");
    String problem = check(value);
    if (problem != null) return core.rejectTyped(this, epochMillis, value.toString(), problem);
    return core.applyOne(this, epochMillis, value);
  }

  @Override
  public Readings readings() {
    return this;
  }

  // ------------------------------------------------------------------------------------ checks

  /** @return why a number does not fit, or null */
  String checkNumber(double v) {
    if (kind == ValueKind.DOUBLE || kind == ValueKind.INTEGRAL) {
      if (!Double.isFinite(v)) return "not a finite number: " + v + " (" + telemetry.schema().describe() + " expected)";
      double[] r = range;
      if (r != null && (v < r[0] || v > r[1])) return "out of range for " + telemetry.schema().describe() + ": " + v;
      if (kind == ValueKind.INTEGRAL && v != Math.rint(v)) {
        return "not an integer: " + v + " (" + telemetry.schema().describe() + " expected)";
      }
      return null;
    }
    return "expected " + telemetry.schema().describe() + ", got a number";
  }

  /** @return why a JSON value does not fit, or null */
  String check(JsonNode v) {
    switch (kind) {
      case DOUBLE:
      case INTEGRAL:
        if (!v.isNumber()) return "expected " + telemetry.schema().describe() + ", got " + describe(v);
        if (kind == ValueKind.INTEGRAL && !v.isIntegralNumber()) {
          double d = v.asDouble();
          if (Double.isFinite(d) && d == Math.rint(d)) return checkNumber(d);
          return "not an integer: " + v + " (" + telemetry.schema().describe() + " expected)";
        }
        return checkNumber(v.asDouble());
      case BOOLEAN:
        return v.isBoolean() ? null : "expected boolean, got " + describe(v);
      default:
        if (v.isNumber() && !Double.isFinite(v.asDouble())) return "not a finite number: " + v;
        var errors = telemetry.schema().validate(v);
        if (errors.isEmpty()) return null;
        StringBuilder b = new StringBuilder();
        for (var e : errors) {
          if (b.length() > 0) b.append("; ");
          b.append(e);
        }
        return b.toString();
    }
  }

  private static String describe(JsonNode v) {
    String text = v.toString();
    if (text.length() > 40) text = text.substring(0, 37) + "...";
    String type = v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.isString() ? "a string"
        : v.isObject() ? "an object" : v.isArray() ? "an array" : v.isNull() ? "null" : "a value";
    return type + " " + text;
  }

  // ------------------------------------------------------------------------------------ storage (under twin)

  /** @return the series of this slot, or null */
  Series seriesOrNull() {
    if (doubles != null) return doubles;
    if (booleans != null) return booleans;
    if (strings != null) return strings;
    return points;
  }

  /**
   * Whether the series would keep a late sample at this time (its retention may have let go of
   * that time already). Called under the twin's monitor, for late samples only.
   */
  boolean keeps(long t) {
    Series s = seriesOrNull();
    if (s == null) return true;
    Retention r = s.retention();
    OptionalLong newest = s.lastTime();
    if (newest.isEmpty()) return true;
    if (r.maxAgeMillis() != Long.MAX_VALUE && t < newest.getAsLong() - r.maxAgeMillis()) return false;
    if (r.maxCount() != Long.MAX_VALUE && s.size() >= r.maxCount()) {
      OptionalLong first = s.firstTime();
      return first.isEmpty() || t >= first.getAsLong();
    }
    return true;
  }

  /**
   * The fast path: stores a number that is not older than the newest reading, counts it, and
   * returns true; returns false, storing nothing, for a late one.
   */
  boolean storeNumberInOrder(long t, double v) {
    if (hasLast && t < lastTime) return false;
    appendNumber(t, v);
    hasLast = true;
    lastTime = t;
    lastNumber = v;
    acceptedCount++;
    return true;
  }

  /** Stores a number (booleans as 1/0); returns whether it was late. */
  boolean storeNumber(long t, double v) {
    appendNumber(t, v);
    if (hasLast && t < lastTime) return true;
    hasLast = true;
    lastTime = t;
    lastNumber = v;
    return false;
  }

  /** Appends a number (a boolean as 1/0) to the series, if any, under the lock. */
  private void appendNumber(long t, double v) {
    Column c = numbers;
    if (c != null) {
      if (kind == ValueKind.BOOLEAN) {
        HeldColumns.appendBoolean(c, t, v != 0);
      } else {
        HeldColumns.appendDouble(c, t, v);
      }
    } else if (doubles != null) {
      doubles.append(t, v);
    } else if (booleans != null) {
      booleans.append(t, v != 0);
    }
  }

  /** Stores a JSON value (already checked); returns whether it was late. */
  boolean storeJson(long t, JsonNode v) {
    if (kind != ValueKind.JSON) {
      return storeNumber(t, kind == ValueKind.BOOLEAN ? (v.asBoolean() ? 1 : 0) : v.asDouble());
    }
    if (strings != null) {
      strings.append(t, v.asString());
    } else if (doubles != null) {
      doubles.append(t, v.asDouble());
    } else if (points != null) {
      JsonNode c = v.get("coordinates");
      points.append(t, c.get(0).asDouble(), c.get(1).asDouble());
    }
    if (hasLast && t < lastTime) return true;
    hasLast = true;
    lastTime = t;
    lastJson = v;
    return false;
  }

  JsonNode lastNode() {
    if (!hasLast) return null;
    switch (kind) {
      case DOUBLE:
        return NODES.numberNode(lastNumber);
      case INTEGRAL:
        return NODES.numberNode((long) lastNumber);
      case BOOLEAN:
        return NODES.booleanNode(lastNumber != 0);
      default:
        return lastJson;
    }
  }

  // ------------------------------------------------------------------------------------ Readings

  @Override
  public OptionalLong lastTime() {
    synchronized (lock) {
      return hasLast ? OptionalLong.of(lastTime) : OptionalLong.empty();
    }
  }

  @Override
  public Optional<JsonNode> last() {
    synchronized (lock) {
      JsonNode n = lastNode();
      return n == null ? Optional.empty() : Optional.of(n.isContainer() ? n.deepCopy() : n);
    }
  }

  @Override
  public OptionalDouble lastNumber() {
    synchronized (lock) {
      if (!hasLast) return OptionalDouble.empty();
      if (kind != ValueKind.JSON) return OptionalDouble.of(lastNumber);
      return lastJson.isNumber() ? OptionalDouble.of(lastJson.asDouble()) : OptionalDouble.empty();
    }
  }

  @Override
  public Optional<Series> series() {
    return Optional.ofNullable(seriesOrNull());
  }

  @Override
  public String toString() {
    return "Channel[" + twin.id + " " + key + " (" + telemetry.schema().describe() + ")]";
  }
}
