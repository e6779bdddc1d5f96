/**
 * Property history: the past values of twin properties, so that a question can be asked of the
 * graph as it was ({@code PROPERTY_AT(R.temperature, NOW() - 'P1D')} in a query).
 *
 * <p>A {@link dev.twins.core.history.PropertyHistory} subscribes to a graph's change events
 * (synchronously, in commit order) and records, for each selected property of each twin, every
 * committed change of value with its commit time, including removals, twin deletions and
 * re-creations. Histories are opt-in: per model (and the models that extend it) and property, or
 * for every property. They are held in the compressed {@link dev.twins.core.series.Series} of the
 * telemetry store, bounded by a {@link dev.twins.core.series.Retention}.
 *
 * <pre>{@code
 * PropertyHistory history = PropertyHistory.builder()
 *     .track("dtmi:twins:demo:Room;1", "temperature")
 *     .retention(Retention.ofAge(Duration.ofDays(30).toMillis()))
 *     .attach(twins);
 * twins.set("room-101", "temperature", 26.0);
 * history.valueAt("room-101", "temperature", yesterday);   // the value in effect then, if any
 * }</pre>
 *
 * <p>Histories live in memory only: they are not written by a durable store, and a graph
 * restored from disk starts them afresh (with the values it holds, at their
 * {@code lastUpdateTime}).
 */
package dev.twins.core.history;
