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
  private final Object source;
  private volatile ObjectNode json;

  /** Takes a JSON row, or a twin or relationship whose document is rendered when first read. */
  QueryRow(Object source) {
    this.source = Objects.requireNonNull(source, "source");
    if (source instanceof ObjectNode) json = (ObjectNode) source;
  }

  ObjectNode json() {
    ObjectNode j = json;
    if (j == null) {
      j = (ObjectNode) Values.toJson(source);
      json = j;
    }
    return j;
  }

  /** @return the column names present in this row, in order */
  public List<String> columns() {
    List<String> out = new ArrayList<>();
    json().propertyNames().forEach(out::add);
    return out;
  }

  /**
   * @param column a column name
   * @return its value, empty when the row leaves it out
   */
  public Optional<JsonNode> get(String column) {
    return Optional.ofNullable(json().get(column));
  }

  /**
   * @param column a column name
   * @return its value when it is a string
   */
  public Optional<String> string(String column) {
    JsonNode n = json().get(column);
    return n != null && n.isString() ? Optional.of(n.stringValue()) : Optional.empty();
  }

  /**
   * @param column a column name
   * @return its value when it is a number
   */
  public OptionalDouble number(String column) {
    JsonNode n = json().get(column);
    return n != null && n.isNumber() ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  /**
   * @param column a column name
   * @return its value when it is an integral number that fits a long
   */
  public OptionalLong integer(String column) {
    JsonNode n = json().get(column);
    return n != null && n.isIntegralNumber() && n.canConvertToLong() ? OptionalLong.of(n.longValue())
        : OptionalLong.empty();
  }

  /**
   * @param column a column name
   * @return its value when it is a boolean
   */
  public Optional<Boolean> bool(String column) {
    JsonNode n = json().get(column);
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
