package dev.twins.core.history;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.Twins;
import dev.twins.core.internal.history.HistoryRecorder;
import dev.twins.core.series.Retention;
import dev.twins.core.series.SeriesBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What a durable store needs to keep a {@link PropertyHistory}: its settings as data, its
 * histories as compressed series ({@link SeriesBlocks}), and a history that the store feeds
 * itself, from stored histories, its journal's replayed changes and then each change once it is
 * acknowledged (so the history never holds a change the store took back). Not needed for
 * anything else.
 *
 * <pre>{@code
 * Settings s = HistoryStorage.settings(builder).orElseThrow();      // stored with the store
 * long seq = HistoryStorage.export(history, stored -> write(stored)); // in a snapshot
 * Restoring r = HistoryStorage.restoring(s, twins);                   // on open
 * r.restore(stored); r.restoredThrough(seq); journal.forEach(r::record);
 * PropertyHistory history = r.history();                              // then r.record(each acknowledged change)
 * }</pre>
 */
public final class HistoryStorage {
  private HistoryStorage() {}

  /**
   * The settings of a history as data.
   *
   * @param all whether every property of every twin is recorded
   * @param selected the property and component names recorded per model DTMI, sorted; an empty
   *     list for all of a model's
   * @param retention the one retention of every history
   */
  public record Settings(boolean all, Map<String, List<String>> selected, Retention retention) {
    /** Checks for nulls and puts the selection in order (models sorted, names sorted and distinct). */
    public Settings {
      Objects.requireNonNull(retention, "retention");
      Objects.requireNonNull(selected, "selected");
      TreeMap<String, List<String>> sorted = new TreeMap<>();
      for (Map.Entry<String, List<String>> e : selected.entrySet()) {
        TreeSet<String> names = new TreeSet<>(e.getValue());
        sorted.put(e.getKey(), names.contains("*") ? List.of() : List.copyOf(names));
      }
      selected = java.util.Collections.unmodifiableMap(sorted);
    }

    /** @return a builder with these settings */
    public PropertyHistory.Builder builder() {
      PropertyHistory.Builder b = PropertyHistory.builder();
      if (all) b.trackAll();
      selected.forEach((model, names) -> b.track(model, names.toArray(new String[0])));
      return b.retention(retention);
    }
  }

  /**
   * Returns the settings of a builder as data.
   *
   * @param builder the builder
   * @return the settings; empty if its retention is a function of the twin and property, which
   *     cannot be stored
   */
  public static Optional<Settings> settings(PropertyHistory.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    Retention r = builder.uniformRetention();
    if (r == null) return Optional.empty();
    return Optional.of(new Settings(builder.all(), builder.selected(), r));
  }

  /**
   * One history as a store keeps it.
   *
   * @param twinId the twin
   * @param property the property or component name
   * @param integral whether every number it recorded was a JSON integer (numbers read back as
   *     integers then)
   * @param contents its series: numbers ({@code DOUBLE}, NaN for absent) while the property held
   *     only numbers a double represents exactly, else JSON texts ({@code STRING}, the empty text for
   *     absent)
   */
  public record Stored(String twinId, String property, boolean integral, SeriesBlocks.Contents contents) {
    /** Checks for nulls. */
    public Stored {
      Objects.requireNonNull(twinId, "twinId");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(contents, "contents");
    }
  }

  /**
   * Reads every history of a durable store's history, consistently (no change is recorded
   * meanwhile, so graph writes wait), twins and properties in order.
   *
   * @param history a history made by {@link #restoring}
   * @param out receives each history
   * @return the sequence number of the newest change the histories hold: replaying a journal, the
   *     changes up to it are to be skipped
   * @throws IllegalArgumentException if the history was not made by a store
   */
  public static long export(PropertyHistory history, Consumer<? super Stored> out) {
    Objects.requireNonNull(out, "out");
    if (!(history instanceof HistoryRecorder r)) {
      throw new IllegalArgumentException("not a property history made by Twins: " + history);
    }
    return r.export(s -> out.accept(new Stored(s.twinId(), s.property(), s.integral(), s.contents())));
  }

  /**
   * Starts a durable store's history of a graph. It does not listen to the graph: it records what
   * it is given ({@link Restoring#record}).
   *
   * @param settings the settings
   * @param twins the graph
   * @return the history being restored
   * @throws IllegalArgumentException if a selected model or name is not in the graph's models
   */
  public static Restoring restoring(Settings settings, Twins twins) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(twins, "twins");
    Map<String, List<String>> sel = new TreeMap<>();
    settings.selected().forEach((m, names) -> sel.put(m, names.isEmpty() ? List.of("*") : new ArrayList<>(names)));
    Retention ret = settings.retention();
    return new Restoring(HistoryRecorder.replaying(twins, settings.all(), HistoryRecorder.selection(twins.models(), sel),
        (twinId, property) -> ret));
  }

  /** A durable store's history: stored histories, then a journal's changes, then each acknowledged change. */
  public static final class Restoring {
    private final HistoryRecorder recorder;

    private Restoring(HistoryRecorder recorder) {
      this.recorder = recorder;
    }

    /**
     * Puts back one stored history.
     *
     * @param stored the history
     * @throws IllegalArgumentException if its series does not restore
     */
    public void restore(Stored stored) {
      recorder.restore(stored.twinId(), stored.property(), stored.integral(), stored.contents());
    }

    /**
     * Says which changes the stored histories hold: {@link #record} skips those up to it.
     *
     * @param sequence what {@link HistoryStorage#export} returned
     */
    public void restoredThrough(long sequence) {
      recorder.restoredThrough(sequence);
    }

    /**
     * Records every twin of the graph as it is now, at the times of its metadata, as
     * {@link PropertyHistory.Builder#attach} does (where a store started its history).
     */
    public void seedAll() {
      recorder.seedAll();
    }

    /**
     * Records a change, replayed from a journal or acknowledged by it, in commit order, unless the
     * histories hold it already; changes of relationships are ignored.
     *
     * @param change the change
     */
    public void record(ChangeEvent change) {
      recorder.replay(Objects.requireNonNull(change, "change"));
    }

    /**
     * Returns the history, for reading ({@link PropertyHistory#close} does not stop it: it records
     * what it is given; {@link PropertyHistory#forget} is refused).
     *
     * @return the history
     */
    public PropertyHistory history() {
      return recorder;
    }
  }
}
