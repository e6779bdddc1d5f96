package dev.twins.core.history;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.Dtmi;
import dev.twins.core.series.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * The past values of selected twin properties of one graph, recorded from its change events.
 * Create one with {@link #builder()} and {@link Builder#attach(Twins)}; it records until {@link
 * #close()}.
 *
 * <p><b>What is recorded.</b> For each selected top-level property of a twin, and each component
 * (as one object of its properties), every change of value that a commit makes, at the commit time
 * (the property's {@code $metadata.lastUpdateTime}, which is also the event's time). A removal, and
 * the deletion of the twin, record the property as absent; a re-created twin's values continue the
 * same history. A write of the value the property already has is not a change. The writer's
 * {@code sourceTime} is not the time basis: it is optional, may go backwards, and would not give
 * one consistent graph state per moment. Objects and maps are recorded whole, so a nested path
 * ({@code address.city}, {@code thermostat.mode}) reads from the object in effect at that time.
 * Relationship properties, telemetry and metadata ({@code $etag}, {@code sourceTime}, desired values)
 * have no history here (telemetry has its {@link dev.twins.core.series.SeriesStore}).
 *
 * <p><b>Selection and migration.</b> A twin's property is recorded when its model (or a model it
 * extends) selects it. Once a twin has a history of a property, the history goes on while the twin
 * exists, even when the twin migrates to a model that does not select it; migrating to a model that
 * selects more starts those histories at the migration.
 *
 * <p><b>Coverage.</b> History starts at {@link Builder#attach}: the twins present then are
 * recorded with their current values at their {@code lastUpdateTime}, and nothing is known before.
 * A {@link Retention} bounds each history (per twin and property, by count of changes and by age
 * relative to the newest change); before the oldest change kept, {@link #coveredFrom} tells that
 * nothing is known. Reads before coverage return empty, like an absent property.
 *
 * <p><b>Numbers</b> read back as JSON numbers of the same value: as integers while a property has
 * only held integers, otherwise as doubles ({@code 21} written to a double property reads back as
 * {@code 21.0} once a fractional value was written).
 *
 * <p><b>Persistence.</b> A history attached here is held in memory only. A durable store keeps
 * one for its graph, in its snapshots and journal, when it is opened with one
 * ({@code TwinStore.Builder.propertyHistory} in {@code twins-persistence}); such a history comes
 * back on reopen with every value, time and removal, and cannot {@link #forget}.
 *
 * <p>Thread-safe: recording runs in the writing thread, reads may come from any thread.
 */
public interface PropertyHistory extends AutoCloseable {
  /**
   * Starts configuring a history.
   *
   * @return the builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the value a twin's property had at a moment: that of its newest change at or before
   * {@code at}.
   *
   * @param twinId the twin
   * @param property a property or component name, or {@code component/property}
   * @param at the moment
   * @return the value, empty if the property was absent then, or is not recorded for that time
   */
  default Optional<JsonNode> valueAt(String twinId, String property, Instant at) {
    return valueAt(twinId, List.of(property.split("/", -1)), at);
  }

  /**
   * Returns the value of a nested path of a twin's property at a moment.
   *
   * @param twinId the twin
   * @param path the property or component name, then names inside it
   * @param at the moment
   * @return the value, empty if absent then or not recorded for that time
   * @throws IllegalArgumentException if the path is empty
   */
  Optional<JsonNode> valueAt(String twinId, List<String> path, Instant at);

  /**
   * Returns the changes of a twin's property in a window, oldest first.
   *
   * @param twinId the twin
   * @param property a property or component name, or {@code component/property}
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the changes (for a nested path: the changes of the value at that path); empty if none
   */
  default List<PropertyChange> changes(String twinId, String property, Instant from, Instant to) {
    return changes(twinId, List.of(property.split("/", -1)), from, to);
  }

  /**
   * Returns the changes of a nested path of a twin's property in a window, oldest first.
   *
   * @param twinId the twin
   * @param path the property or component name, then names inside it
   * @param from start, inclusive
   * @param to end, exclusive
   * @return the changes; empty if none
   * @throws IllegalArgumentException if the path is empty
   */
  List<PropertyChange> changes(String twinId, List<String> path, Instant from, Instant to);

  /**
   * Returns from when a twin's property history is known: its oldest change kept.
   *
   * @param twinId the twin
   * @param property a property or component name
   * @return the time, empty if the property has no history for that twin
   */
  Optional<Instant> coveredFrom(String twinId, String property);

  /**
   * Tells whether twins of a model get a history of a property.
   *
   * @param model a model
   * @param property a property or component name
   * @return whether the model, or a model it extends, selects the property
   */
  boolean tracks(Dtmi model, String property);

  /**
   * Drops every history of a twin (for example long after its deletion).
   *
   * @param twinId the twin
   * @return whether it had any
   * @throws IllegalStateException if a durable store keeps this history (it would come back)
   */
  boolean forget(String twinId);

  /** @return the number of histories held (twin and property pairs) */
  long historyCount();

  /** @return the bytes the recorded changes take in memory */
  long storedBytes();

  /** Stops recording; what was recorded stays readable. */
  @Override
  void close();

  /**
   * Chooses which properties get a history and how much of it is kept; each setting is checked as
   * it is made, the models when the history is attached.
   */
  final class Builder {
    private boolean all;
    private final Map<String, List<String>> selected = new LinkedHashMap<>();
    private BiFunction<String, String, Retention> retention = (twinId, property) -> Retention.UNBOUNDED;
    /** The retention when one bounds every history alike, null for a function of twin and property. */
    private Retention uniform = Retention.UNBOUNDED;

    private Builder() {}

    boolean all() {
      return all;
    }

    Map<String, List<String>> selected() {
      return selected;
    }

    Retention uniformRetention() {
      return uniform;
    }

    BiFunction<String, String, Retention> retentionFunction() {
      return retention;
    }

    /**
     * Records every property and component of every twin.
     *
     * @return this builder
     */
    public Builder trackAll() {
      all = true;
      return this;
    }

    /**
     * Records properties of the twins of a model and of the models that extend it.
     *
     * @param model the model DTMI
     * @param properties the property or component names; none for all of the model's
     * @return this builder
     * @throws IllegalArgumentException if the model is not a DTMI or a name is empty
     */
    public Builder track(String model, String... properties) {
      Objects.requireNonNull(model, "model");
      if (!Dtmi.isValid(model)) throw new IllegalArgumentException("'" + model + "' is not a model DTMI");
      List<String> names = selected.computeIfAbsent(model, m -> new ArrayList<>());
      for (String p : properties) {
        Objects.requireNonNull(p, "property");
        if (p.isEmpty()) throw new IllegalArgumentException("an empty property name for model " + model);
        names.add(p);
      }
      if (properties.length == 0) names.add("*");
      return this;
    }

    /**
     * Bounds every history alike.
     *
     * @param retention how much of each history to keep
     * @return this builder
     */
    public Builder retention(Retention retention) {
      Objects.requireNonNull(retention, "retention");
      this.retention = (twinId, property) -> retention;
      this.uniform = retention;
      return this;
    }

    /**
     * Bounds each history by its twin and property.
     *
     * @param retention gives the retention from the twin id and property name (called once, when
     *     the history starts)
     * @return this builder
     */
    public Builder retention(BiFunction<String, String, Retention> retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      this.uniform = null;
      return this;
    }

    /**
     * Starts recording a graph: records the twins it holds now, then every change.
     *
     * @param twins the graph
     * @return the history
     * @throws IllegalArgumentException if nothing is selected, a selected model is not in the
     *     graph's models, or a selected name is not a property or component of its model
     */
    public PropertyHistory attach(Twins twins) {
      Objects.requireNonNull(twins, "twins");
      if (!all && selected.isEmpty()) {
        throw new IllegalArgumentException("the history selects no property: call trackAll() or track(model, ...)");
      }
      Map<Dtmi, Set<String>> sel = dev.twins.core.internal.history.HistoryRecorder.selection(twins.models(), selected);
      return dev.twins.core.internal.history.HistoryRecorder.attach(twins, all, sel, retention);
    }
  }
}
