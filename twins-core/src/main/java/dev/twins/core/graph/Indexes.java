package dev.twins.core.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Property-value indexes of a twin graph, kept up to date inside every write: find the twins of a
 * model whose property equals a value or lies in a range without scanning them. Get it from
 * {@link Twins#indexes()}.
 *
 * <pre>{@code
 * Indexes indexes = twins.indexes();
 * indexes.declare("dtmi:com:example:Room;1", "temperature");
 * List<String> hot = indexes.range("dtmi:com:example:Room;1", "temperature", 25, false, 40, true);
 * List<Twin> on = indexes.twins("dtmi:com:example:Room;1", "thermostat/mode", ValueRange.equalTo("on"));
 * }</pre>
 *
 * <p><b>What is indexed.</b> An index is per model and property and covers the twins of that
 * model and of every model that extends it. The property is a Property of the model (its own or
 * inherited), or {@code component/property} for a Property of one of its Components, with a
 * scalar schema: a number schema ({@code integer}, {@code long}, {@code double}, ...), {@code
 * boolean}, {@code string}, {@code dateTime}, {@code date}, {@code time}, {@code duration},
 * {@code uuid}, or an Enum. How values compare follows the schema ({@link Kind}): numbers
 * numerically whatever their JSON form ({@code 1} equals {@code 1.0}, and {@code long}s compare
 * exactly), {@code dateTime}s as instants (so {@code 10:00+01:00} equals {@code 09:00Z}), the
 * other strings by their UTF-16 code units (which orders {@code date} and {@code time} values
 * chronologically), {@code false} before {@code true}. A twin without the property is not in the
 * index.
 *
 * <p><b>When indexes are built.</b> {@link #declare} builds one at once; a lookup on an undeclared
 * model and property builds it at the first lookup. Either way it is built from a consistent state
 * (writes wait while it is built) and then maintained by every write, in the write's commit, so a
 * lookup after a write returns sees it (read-your-writes).
 *
 * <p><b>Reads never block.</b> Lookups read concurrent sorted maps. A lookup that runs during a
 * write may see the written twin at its old value or its new one (never lose a twin that is in
 * the range before and after the write). {@link #twins} returns each twin's latest snapshot and
 * leaves out a twin whose latest value has left the range.
 *
 * <p>Results come in value order, then by twin id.
 */
public interface Indexes {

  /** How an index compares values, chosen from the property's schema. */
  enum Kind {
    /** Number schemas and Enums of integers: numerically. */
    NUMBER,
    /** {@code dateTime}: as instants. */
    DATE_TIME,
    /** Other string schemas and Enums of strings: by UTF-16 code units. */
    STRING,
    /** {@code boolean}: {@code false} before {@code true}. */
    BOOLEAN
  }

  /**
   * What an index covers and holds.
   *
   * @param model the model DTMI it was declared on (twins of models that extend it are covered too)
   * @param property the property name, or {@code component/property}
   * @param kind how it compares values
   * @param declared whether it was declared ({@code false}: built by a lookup)
   * @param twins how many twins it holds
   * @param values how many distinct values it holds
   */
  record Info(String model, String property, Kind kind, boolean declared, long twins, long values) {
    /** Checks for nulls. */
    public Info {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(kind, "kind");
    }

    /** Renders model, property, kind and counts. */
    @Override
    public String toString() {
      return "Index[" + model + " " + property + ", " + kind + (declared ? "" : ", on demand") + ", twins=" + twins
          + ", values=" + values + "]";
    }
  }

  /**
   * Declares an index and builds it now if it does not exist yet. Declaring an index that a lookup
   * has already built only marks it declared.
   *
   * @param model an Interface DTMI of the graph's models
   * @param property a Property of the model with a scalar schema, or {@code component/property}
   * @return the index
   * @throws IllegalArgumentException if the model is not in the graph's models, or the property is
   *     not a Property of it or has no scalar schema
   */
  Info declare(String model, String property);

  /**
   * Drops an index (declared or built on demand); a later lookup builds it again.
   *
   * @param model the model DTMI
   * @param property the property
   * @return whether there was such an index
   */
  boolean drop(String model, String property);

  /**
   * Describes an index, if it exists.
   *
   * @param model the model DTMI
   * @param property the property
   * @return the index, empty if it was neither declared nor built by a lookup
   */
  Optional<Info> info(String model, String property);

  /** @return every index, declared or built on demand, sorted by model and property */
  List<Info> list();

  /**
   * Finds the twins whose property equals a value.
   *
   * @param model an Interface DTMI; twins of models that extend it are included
   * @param property the property, or {@code component/property}
   * @param value the value (see {@link ValueRange} for the Java types)
   * @return the twin ids, sorted; empty if none
   * @throws IllegalArgumentException if the model or property cannot be indexed (as for
   *     {@link #declare}), or the value does not fit the property's kind (a string for a number)
   */
  default List<String> equal(String model, String property, Object value) {
    return ids(model, property, ValueRange.equalTo(value));
  }

  /**
   * Finds the twins whose property lies between two values.
   *
   * @param model an Interface DTMI; twins of models that extend it are included
   * @param property the property, or {@code component/property}
   * @param from the lower end
   * @param fromInclusive whether {@code from} is in the range
   * @param to the upper end
   * @param toInclusive whether {@code to} is in the range
   * @return the twin ids in value order; empty if none or if {@code from} is above {@code to}
   * @throws IllegalArgumentException as for {@link #equal}
   */
  default List<String> range(String model, String property, Object from, boolean fromInclusive, Object to,
      boolean toInclusive) {
    return ids(model, property, ValueRange.between(from, fromInclusive, to, toInclusive));
  }

  /**
   * Finds the ids of the twins whose property lies in a range.
   *
   * @param model an Interface DTMI; twins of models that extend it are included
   * @param property the property, or {@code component/property}
   * @param range the values; {@link ValueRange#any()} for every twin that has the property
   * @return the twin ids in value order, then by id; empty if none
   * @throws IllegalArgumentException as for {@link #equal}
   */
  List<String> ids(String model, String property, ValueRange range);

  /**
   * Finds the twins whose property lies in a range, as their latest snapshots.
   *
   * @param model an Interface DTMI; twins of models that extend it are included
   * @param property the property, or {@code component/property}
   * @param range the values
   * @return the twins in value order, then by id; each one's value is in the range
   * @throws IllegalArgumentException as for {@link #equal}
   */
  List<Twin> twins(String model, String property, ValueRange range);
}
