package dev.twins.core.telemetry;

import dev.twins.core.graph.CommitHook;

/**
 * The persistence SPI of a {@link TelemetryHub}, like {@link CommitHook} for the graph: told of
 * every message the hub is about to apply, so that a journal can record it and make the ingest call
 * wait for the record to be durable without holding the hub's locks. Set with
 * {@link TelemetryHub.Builder#ingestHook}; a hub has at most one.
 *
 * <ol>
 *   <li>{@link #accepting} is called in the ingesting thread, while the twin's telemetry is locked,
 *       after every check passed (schema, duplicate, retention) and before the message is applied.
 *       It should be quick: it holds the twin's telemetry (a journal may wait here for its record
 *       to be durable, so that nothing is applied that is not). If it throws, the message is not applied: the ingest call counts it
 *       as rejected, keeps a {@link DeadLetter} naming the cause, and throws a
 *       {@link TelemetryException} carrying it.
 *   <li>The message is applied (readings, series, rules, listeners).
 *   <li>The returned {@link CommitHook.Completion} runs in the ingesting thread after the hub's
 *       locks are released, before the ingest call returns. If it throws, the message was applied in
 *       memory but not acknowledged: the call counts it as rejected, keeps a dead letter naming the
 *       cause, and throws a {@link TelemetryException} carrying it (never returns an outcome). The
 *       completion of an accepted message always runs, also when applying it failed (its own
 *       failure is then suppressed into the one thrown).
 * </ol>
 */
@FunctionalInterface
public interface IngestHook {
  /**
   * Takes a message that is about to be applied.
   *
   * @param message the message, as applied (one value for the typed paths)
   * @return what to run before the ingest call returns, or {@link CommitHook.Completion#none()}
   * @throws RuntimeException to refuse the message (it is then not applied)
   */
  CommitHook.Completion accepting(TelemetryMessage message);

  /**
   * Takes a rule that is about to be added to or removed from the hub's {@link Rules} (after the
   * rule was checked, before it takes effect; rules change one at a time). A journal records the
   * change here and returns once it is durable; it refuses a rule it cannot record (for example a
   * {@link Derivation} that is a lambda, without a {@link Derivation#spec() spec}) by throwing.
   *
   * @param rule the rule
   * @param adding {@code true} when it is added, {@code false} when it is removed
   * @throws RuntimeException to refuse the change: {@link Rules#add} and {@link Rules#remove} then
   *     throw a {@link TelemetryException} carrying it, and the rules stay as they were
   */
  default void ruleChanging(Rule rule, boolean adding) {}
}
