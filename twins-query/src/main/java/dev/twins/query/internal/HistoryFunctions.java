package dev.twins.query.internal;

import dev.twins.core.graph.Twin;
import dev.twins.core.history.PropertyHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code PROPERTY_AT(alias.property, time)}: the value a twin property had at a past time, read
 * from a {@link PropertyHistory}. The {@link Compiler} checks the first argument (a property path of
 * a twin alias, tracked by the history) and passes the function the twin, the path (a list of names)
 * and the time's value.
 */
public final class HistoryFunctions {
  private HistoryFunctions() {}

  /** The function's name. */
  public static final String PROPERTY_AT = "PROPERTY_AT";

  /**
   * Adds {@code PROPERTY_AT} to a function table.
   *
   * @param table the functions by upper-case name
   * @param history the property history
   */
  public static void register(Map<String, Functions.Function> table, PropertyHistory history) {
    table.put(PROPERTY_AT, new Functions.Function(PROPERTY_AT, 2, 2, (a, run) -> {
      Instant at = Values.instant(a[2]);
      if (!(a[0] instanceof Twin) || at == null) return Values.UNDEFINED;
      @SuppressWarnings("unchecked")
      List<String> path = (List<String>) a[1];
      Optional<JsonNode> v = history.valueAt(((Twin) a[0]).id(), path, at);
      return v.isPresent() ? Values.of(v.get()) : Values.UNDEFINED;
    }));
  }
}
