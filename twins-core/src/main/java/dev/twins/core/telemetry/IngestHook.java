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

  /**
   * Offers to stage the messages of a bulk ingest made by this thread ({@link TelemetryHub#ingestNdjson},
   * {@link TelemetryHub#ingestCsv}, {@link TelemetryHub#ingestAll}): instead of calling
   * {@link #accepting} for each message, the hub hands each message that passed the checks that do
   * not depend on earlier messages (twin, telemetry names, schema) to {@link Stage#add}, and every
   * few thousand messages (and at the end of the call) waits once with {@link Stage#durable} for the
   * oldest of them and only then applies those, in order, with every check (duplicates, retention, late readings).
   * A journal uses it to make a bulk ingest wait once per group of messages while still applying
   * only what is durable. The default stages nothing.
   *
   * @return the stage for this bulk ingest, or {@code null} to take each message through {@link #accepting}
   */
  default Stage stage() {
    return null;
  }

  /** The messages of one bulk ingest, recorded before they are applied (used by one thread). */
  interface Stage {
    /**
     * Records a message to be applied once durable; it may still turn out a duplicate or too old
     * when applied (a journal replaying it then refuses it the same way).
     *
     * @param message the message
     * @throws RuntimeException to refuse it: it is counted as rejected, with the reason, and not applied
     */
    void add(TelemetryMessage message);

    /**
     * Waits until the oldest messages added and not yet applied are durable; the hub then applies
     * those, in order. (It stages the next messages meanwhile, so that the journal writes one group
     * while the hub reads the next.) If the journal failed after some of them were durable, returns
     * how many of the oldest were: the hub applies those, then asks again for the rest.
     *
     * @param count how many of the oldest messages not yet applied
     * @return how many of them, the oldest, are durable: {@code count} unless the journal failed;
     *     at least 1
     * @throws RuntimeException if none of them can be made durable: none is applied, and the
     *     bulk ingest throws a {@link TelemetryException} carrying it
     */
    int durable(int count);

    /**
     * Told that the oldest messages not yet applied were applied (or dropped after {@link #durable}
     * failed); always called after {@link #durable}.
     *
     * @param count how many
     */
    void applied(int count);
  }
}
