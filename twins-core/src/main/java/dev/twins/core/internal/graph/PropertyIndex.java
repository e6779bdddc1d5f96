package dev.twins.core.internal.graph;

import dev.twins.core.graph.Indexes;
import dev.twins.core.graph.Indexes.Kind;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.ValueRange;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import tools.jackson.databind.JsonNode;

/**
 * One property-value index: a concurrent sorted map from a value's key to the sorted ids of the
 * twins that hold it. Changed only inside the graph's commit section (one writer at a time); read
 * without locks.
 *
 * <p>Keys by {@link Kind}: {@link NumberKey}, {@link Instant}, {@link String}, {@link Boolean}.
 */
final class PropertyIndex {
  final String model;
  final String property;
  /** The twin models the index covers (replaced when the graph's model set grows). */
  volatile Set<Dtmi> covered;
  final Kind kind;
  private final boolean decimalText;
  private final String schemaName;
  private volatile boolean declared;
  private final ConcurrentSkipListMap<Object, ConcurrentSkipListSet<String>> map = new ConcurrentSkipListMap<>();
  private volatile long twins;
  private volatile long values;

  PropertyIndex(String model, String property, Set<Dtmi> covered, Schema schema, boolean declared) {
    this.model = model;
    this.property = property;
    this.covered = Set.copyOf(covered);
    this.kind = kindOf(schema);
    this.decimalText = schema == PrimitiveSchema.DECIMAL;
    this.schemaName = schema.describe();
    this.declared = declared;
  }

  /**
   * Tells how a schema's values are indexed.
   *
   * @param schema the property's schema
   * @return the kind, or null when its values are not scalars
   */
  static Kind kindOf(Schema schema) {
    PrimitiveSchema p = schema instanceof EnumSchema ? ((EnumSchema) schema).valueSchema()
        : schema instanceof PrimitiveSchema ? (PrimitiveSchema) schema : null;
    if (p == null || p == PrimitiveSchema.BYTES) return null;
    if (p.isNumeric()) return Kind.NUMBER;
    if (p == PrimitiveSchema.BOOLEAN) return Kind.BOOLEAN;
    if (p == PrimitiveSchema.DATE_TIME) return Kind.DATE_TIME;
    return Kind.STRING;
  }

  boolean declared() {
    return declared;
  }

  void markDeclared() {
    declared = true;
  }

  Indexes.Info info() {
    return new Indexes.Info(model, property, kind, declared, twins, values);
  }

  // ------------------------------------------------------------------------------------ keys

  /**
   * Returns the key of a twin's value of the property.
   *
   * @param t the twin
   * @return the key, or null when the property is not set or its value cannot be indexed
   */
  Object key(Twin t) {
    Optional<JsonNode> v = t.property(property);
    return v.isPresent() ? key(v.get()) : null;
  }

  private Object key(JsonNode v) {
    switch (kind) {
      case NUMBER:
        return NumberKey.of(v, decimalText);
      case BOOLEAN:
        return v.isBoolean() ? v.booleanValue() : null;
      case STRING:
        return v.isString() ? v.stringValue() : null;
      case DATE_TIME:
        return v.isString() ? instant(v.stringValue()) : null;
      default:
        throw new AssertionError(kind);
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ex) {
      return null;
    }
  }

  /**
   * Converts a value looked up to a key.
   *
   * @param value a Java value or scalar JSON value
   * @return the key
   * @throws IllegalArgumentException if it does not fit this index's kind
   */
  Object lookupKey(Object value) {
    Object key = null;
    if (value instanceof JsonNode) {
      key = key((JsonNode) value);
    } else {
      switch (kind) {
        case NUMBER:
          if (value instanceof Number) {
            key = NumberKey.ofJava((Number) value);
          } else if (decimalText && value instanceof String) {
            try {
              key = NumberKey.of(new BigDecimal((String) value));
            } catch (NumberFormatException ex) {
              key = null;
            }
          }
          break;
        case BOOLEAN:
          if (value instanceof Boolean) key = value;
          break;
        case STRING:
          if (value instanceof String) key = value;
          break;
        case DATE_TIME:
          if (value instanceof Instant) {
            key = value;
          } else if (value instanceof OffsetDateTime) {
            key = ((OffsetDateTime) value).toInstant();
          } else if (value instanceof ZonedDateTime) {
            key = ((ZonedDateTime) value).toInstant();
          } else if (value instanceof String) {
            key = instant((String) value);
          }
          break;
        default:
          throw new AssertionError(kind);
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("property '" + property + "' of " + model + " is a " + schemaName
          + " (indexed as " + kind + "); " + describe(value) + " cannot be compared with it" + hint());
    }
    return key;
  }

  private String hint() {
    switch (kind) {
      case NUMBER:
        return "; look up a Number";
      case BOOLEAN:
        return "; look up a Boolean";
      case STRING:
        return "; look up a String";
      case DATE_TIME:
        return "; look up an Instant, an OffsetDateTime or an RFC 3339 date-time string such as 2024-05-01T12:00:00Z";
      default:
        throw new AssertionError(kind);
    }
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 60) text = text.substring(0, 57) + "...";
    return (value instanceof JsonNode ? "the JSON " + ((JsonNode) value).getNodeType().toString().toLowerCase()
        : "the " + value.getClass().getSimpleName()) + " " + (value instanceof String ? "'" + text + "'" : text);
  }

  // ------------------------------------------------------------------------------------ writes (commit section only)

  /**
   * Moves a twin from one key to another; either may be null (not in the index). Adds before it
   * removes, so a concurrent reader never misses a twin that is in its range at both keys.
   */
  void move(String id, Object oldKey, Object newKey) {
    if (oldKey == null ? newKey == null : oldKey.equals(newKey)) return;
    if (newKey != null) add(id, newKey);
    if (oldKey != null) remove(id, oldKey);
  }

  void add(String id, Object key) {
    ConcurrentSkipListSet<String> ids = map.get(key);
    if (ids == null) {
      ids = new ConcurrentSkipListSet<>();
      ids.add(id);
      map.put(key, ids);
      values++;
      twins++;
    } else if (ids.add(id)) {
      twins++;
    }
  }

  private void remove(String id, Object key) {
    ConcurrentSkipListSet<String> ids = map.get(key);
    if (ids != null && ids.remove(id)) {
      twins--;
      if (ids.isEmpty()) {
        map.remove(key, ids);
        values--;
      }
    }
  }

  // ------------------------------------------------------------------------------------ reads

  /** A range converted to this index's keys; null ends are open. */
  record Bounds(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    boolean contains(Object k) {
      if (lower != null) {
        int c = compare(k, lower);
        if (c < 0 || c == 0 && !lowerInclusive) return false;
      }
      if (upper != null) {
        int c = compare(k, upper);
        if (c > 0 || c == 0 && !upperInclusive) return false;
      }
      return true;
    }
  }

  /**
   * Converts a range to keys.
   *
   * @param range the range
   * @return the bounds
   * @throws IllegalArgumentException if a bound does not fit this index's kind
   */
  Bounds bounds(ValueRange range) {
    return new Bounds(range.lower().isPresent() ? lookupKey(range.lower().get()) : null, range.lowerInclusive(),
        range.upper().isPresent() ? lookupKey(range.upper().get()) : null, range.upperInclusive());
  }

  /**
   * Returns the ids in a range, in key order then id order.
   *
   * @param b the range
   * @return the ids, without duplicates
   */
  List<String> ids(Bounds b) {
    Object lo = b.lower();
    Object hi = b.upper();
    Collection<ConcurrentSkipListSet<String>> sets;
    if (lo != null && hi != null) {
      int c = compare(lo, hi);
      if (c > 0 || c == 0 && !(b.lowerInclusive() && b.upperInclusive())) return List.of();
      if (c == 0) {
        ConcurrentSkipListSet<String> ids = map.get(lo);
        return ids == null ? List.of() : new ArrayList<>(ids);
      }
      sets = map.subMap(lo, b.lowerInclusive(), hi, b.upperInclusive()).values();
    } else if (lo != null) {
      sets = map.tailMap(lo, b.lowerInclusive()).values();
    } else if (hi != null) {
      sets = map.headMap(hi, b.upperInclusive()).values();
    } else {
      sets = map.values();
    }
    Set<String> out = new LinkedHashSet<>();
    for (ConcurrentSkipListSet<String> ids : sets) out.addAll(ids);
    return new ArrayList<>(out);
  }

  /**
   * Tells whether a twin's current value is in a range, to check a snapshot read after a lookup.
   *
   * @param t the twin
   * @param b the range
   * @return whether the twin is covered and its value is in the range
   */
  boolean holds(Twin t, Bounds b) {
    if (!covered.contains(t.model())) return false;
    Object k = key(t);
    return k != null && b.contains(k);
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  @Override
  public String toString() {
    return info().toString();
  }
}
