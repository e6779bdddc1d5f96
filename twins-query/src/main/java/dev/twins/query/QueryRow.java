package dev.twins.query;

import dev.twins.query.internal.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of a {@link QueryResult}, in the shape of Azure Digital Twins: for {@code SELECT *} the
 * twin's document; otherwise an object keyed by projection name ({@code AS} name, the last path
 * segment, or the alias), from which a missing property is left out.
 */
public final class QueryRow {
  private static final String[] NO_NAMES = new String[0];

  /** A twin, relationship or JSON row; null for a projected row. */
  private final Object source;
  /** A projected row's column names, shared by the rows of its query; empty otherwise. */
  private final String[] names;
  /** A projected row's values, in the order of {@link #names}, {@link Values#UNDEFINED} when left out. */
  private final Object[] values;
  private volatile ObjectNode json;

  /** Takes a JSON row, or a twin or relationship whose document is rendered when first read. */
  QueryRow(Object source) {
    this.source = Objects.requireNonNull(source, "source");
    this.names = NO_NAMES;
    this.values = NO_NAMES;
    if (source instanceof ObjectNode) json = (ObjectNode) source;
  }

  /**
   * Takes a projected row: its values by column, rendered as a JSON object when first asked for.
   *
   * @param names the column names, shared by the rows of one query (not copied)
   * @param values the values, one per name, {@link Values#UNDEFINED} for one the row leaves out
   */
  QueryRow(String[] names, Object[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + names.length + " columns");
    }
    this.source = null;
    this.names = names;
    this.values = values;
  }

  ObjectNode json() {
    ObjectNode j = json;
    if (j == null) {
      j = source == null ? Values.rowJson(names, values) : (ObjectNode) Values.toJson(source);
      json = j;
    }
    return j;
  }

  /** @return the value of a column of a projected row, {@link Values#UNDEFINED} when absent */
  private Object value(String column) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(column)) return values[i];
    }
    return Values.UNDEFINED;
  }

  /** @return a column's value as JSON, or null when the row leaves it out */
  JsonNode node(String column) {
    if (source != null) return json().get(column);
    Object v = value(column);
    if (v == Values.UNDEFINED) return null;
    if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
        || v instanceof JsonNode) {
      return Values.toJson(v);
    }
    return json().get(column);
  }

  /** @return the column names present in this row, in order */
  public List<String> columns() {
    List<String> out = new ArrayList<>();
    if (source == null) {
      for (int i = 0; i < names.length; i++) {
        if (values[i] != Values.UNDEFINED) out.add(names[i]);
      }
      return out;
    }
    json().propertyNames().forEach(out::add);
    return out;
  }

  /**
   * @param column a column name
   * @return its value, empty when the row leaves it out
   */
  public Optional<JsonNode> get(String column) {
    return Optional.ofNullable(node(column));
  }

  /**
   * @param column a column name
   * @return its value when it is a string
   */
  public Optional<String> string(String column) {
    if (source == null) {
      Object v = value(column);
      if (v instanceof String) return Optional.of((String) v);
    }
    JsonNode n = node(column);
    return n != null && n.isString() ? Optional.of(n.stringValue()) : Optional.empty();
  }

  /**
   * @param column a column name
   * @return its value when it is a number
   */
  public OptionalDouble number(String column) {
    if (source == null) {
      Object v = value(column);
      if (v instanceof Long) return OptionalDouble.of((Long) v);
      if (v instanceof Double) return OptionalDouble.of((Double) v);
    }
    JsonNode n = node(column);
    return n != null && n.isNumber() ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /**
   * @param column a column name
   * @return its value when it is an integral number that fits a long
   */
  public OptionalLong integer(String column) {
    if (source == null) {
      Object v = value(column);
      if (v instanceof Long) return OptionalLong.of((Long) v);
      if (v instanceof Double) return OptionalLong.empty();
    }
    JsonNode n = node(column);
    return n != null && n.isIntegralNumber() && n.canConvertToLong() ? OptionalLong.of(n.longValue())
        : OptionalLong.empty();
  }

  /**
   * @param column a column name
   * @return its value when it is a boolean
   */
  public Optional<Boolean> bool(String column) {
    if (source == null) {
      Object v = value(column);
      if (v instanceof Boolean) return Optional.of((Boolean) v);
    }
    JsonNode n = node(column);
    return n != null && n.isBoolean() ? Optional.of(n.booleanValue()) : Optional.empty();
  }

  /** @return the row as JSON (a copy) */
  public ObjectNode toJson() {
    return json().deepCopy();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueryRow && ((QueryRow) o).json().equals(json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  /** Renders the row as compact JSON. */
  @Override
  public String toString() {
    return json().toString();
  }
}
