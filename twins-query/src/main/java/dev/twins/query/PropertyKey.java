package dev.twins.query;

import java.util.List;
import java.util.Objects;

/**
 * A typed property name for queries built in Java, declared once next to the model:
 *
 * <pre>{@code
 * static final PropertyKey<Double> TEMPERATURE = PropertyKey.doubles("temperature");
 * select(r).from(r).where(r.get(TEMPERATURE).gt(25.0))
 * }</pre>
 *
 * @param <T> the Java type of its values
 * @param path the property name, or names for a nested property ({@code thermostat}, {@code mode})
 * @param type the Java type of its values
 */
public record PropertyKey<T>(List<String> path, Class<T> type) {
  /** Checks and copies the path. */
  public PropertyKey {
    path = List.copyOf(path);
    Objects.requireNonNull(type, "type");
    if (path.isEmpty()) throw new IllegalArgumentException("a property key needs a name");
  }

  /**
   * @param path the property name (and nested names)
   * @return a key of numbers compared as doubles
   */
  public static PropertyKey<Double> doubles(String... path) {
    return new PropertyKey<>(List.of(path), Double.class);
  }

  /**
   * @param path the property name (and nested names)
   * @return a key of integers
   */
  public static PropertyKey<Long> longs(String... path) {
    return new PropertyKey<>(List.of(path), Long.class);
  }

  /**
   * @param path the property name (and nested names)
   * @return a key of strings
   */
  public static PropertyKey<String> strings(String... path) {
    return new PropertyKey<>(List.of(path), String.class);
  }

  /**
   * @param path the property name (and nested names)
   * @return a key of booleans
   */
  public static PropertyKey<Boolean> booleans(String... path) {
    return new PropertyKey<>(List.of(path), Boolean.class);
  }
}
