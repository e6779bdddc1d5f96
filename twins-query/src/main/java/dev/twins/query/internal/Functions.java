package dev.twins.query.internal;

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

  /**
   * Creates a table.
   *
   * @param functions the functions by upper-case name
   */
  public Functions(Map<String, Function> functions) {
    this.byName = new TreeMap<>(functions);
  }

  Optional<Function> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  Set<String> names() {
    return byName.keySet();
  }
}
