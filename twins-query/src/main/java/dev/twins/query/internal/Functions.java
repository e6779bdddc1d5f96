package dev.twins.query.internal;

import dev.twins.core.history.PropertyHistory;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Functions beyond the built-in ones: user-defined functions and the series functions, by upper-case name. */
public final class Functions {
  /** A function body: run-time argument values in, a run-time value out. */
  @FunctionalInterface
  public interface Body {
    /**
     * Applies the function.
     *
     * @param args the argument values
     * @param run the run (graph, clock)
     * @return the result value
     */
    Object apply(Object[] args, Run run);
  }

  /**
   * A function.
   *
   * @param name its name in upper case
   * @param minArgs the fewest arguments
   * @param maxArgs the most arguments
   * @param body what it computes
   */
  public record Function(String name, int minArgs, int maxArgs, Body body) {}

  private final Map<String, Function> byName;
  private final Optional<PropertyHistory> history;

  /**
   * Creates a table.
   *
   * @param functions the functions by upper-case name
   */
  public Functions(Map<String, Function> functions) {
    this(functions, Optional.empty());
  }

  /**
   * Creates a table with the property history that {@code PROPERTY_AT} reads.
   *
   * @param functions the functions by upper-case name, {@code PROPERTY_AT} among them when a history is given
   * @param history the property history, if the engine has one
   */
  public Functions(Map<String, Function> functions, Optional<PropertyHistory> history) {
    this.byName = new TreeMap<>(functions);
    this.history = history;
  }

  /** @return the property history, for validating {@code PROPERTY_AT} against what it tracks */
  Optional<PropertyHistory> history() {
    return history;
  }

  Optional<Function> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  Set<String> names() {
    return byName.keySet();
  }
}
