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
 * <p>A history attached with {@code attach} lives in memory only. A durable store keeps its own
 * (opened with {@code TwinStore.Builder.propertyHistory}): its settings, and its values as
 * compressed blocks in snapshots and as the twins' change records in the journal; {@link
 * dev.twins.core.history.HistoryStorage} is the part of this package such a store uses.
 */
package dev.twins.core.history;
