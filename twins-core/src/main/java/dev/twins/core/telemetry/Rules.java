package dev.twins.core.telemetry;

import java.util.List;
import java.util.Optional;

/**
 * The rules of a {@link TelemetryHub}: properties kept up to date from telemetry and along
 * relationships. Obtain it with {@link TelemetryHub#rules()}.
 *
 * <pre>{@code
 * hub.rules().add(Rule.fromRelated(ROOM, "temperature", "hasSensor", Source.telemetry("temperature"), Aggregate.MEAN));
 * }</pre>
 *
 * <p>Propagation is incremental: a change of an input (a reading, a property write, a
 * relationship created or deleted, a twin created or migrated to another model) recomputes only
 * the twins that read it, and their dependants only if their value changed.
 */
public interface Rules {
  /**
   * Adds a rule and computes its property for every twin it applies to, before returning.
   *
   * @param rule the rule
   * @throws TelemetryException if the model, property, telemetry or relationship is not declared,
   *     the aggregate does not fit the property's schema, another rule already writes the property
   *     on an overlapping model, or the rule would close a cycle (the message names the cycle)
   */
  void add(Rule rule);

  /**
   * Removes a rule; the values it wrote stay as they are.
   *
   * @param rule the rule
   * @return whether it was there
   */
  boolean remove(Rule rule);

  /** @return the rules, in the order they were added */
  List<Rule> list();

  /** @return the last failure of a rule evaluation or derived write (also counted in {@link IngestCounts#ruleFailures()}) */
  Optional<String> lastFailure();
}
