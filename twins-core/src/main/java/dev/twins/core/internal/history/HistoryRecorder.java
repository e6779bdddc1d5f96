package dev.twins.core.internal.history;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.GraphSnapshot;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Subscription;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.PropertyChange;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.Property;
import dev.twins.core.series.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Records the property histories of one graph from its synchronous change events (delivered in
 * commit order, one at a time), and reads them from any thread.
 */
public final class HistoryRecorder implements PropertyHistory {
  private final Twins twins;
  private final boolean all;
  private final Map<Dtmi, Set<String>> selection;
  private final BiFunction<String, String, Retention> retention;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Track>> tracks = new ConcurrentHashMap<>();
  /** Stands for every name in {@link #selected}. */
  private static final Set<String> ALL = Set.of("*");
  private final ConcurrentHashMap<Dtmi, Set<String>> byModel = new ConcurrentHashMap<>();
  private volatile Models cachedModels;
  private Subscription subscription;
  /** Events that arrive while the twins present at attach are recorded; null once they are. */
  private List<ChangeEvent> pending = new ArrayList<>();
  /** The sequence number of the newest change recorded (or of the graph when recording started). */
  private long sequence;
  /** Whether a durable store keeps this history (it then refuses {@link #forget}). */
  private boolean durable;

  private HistoryRecorder(Twins twins, boolean all, Map<Dtmi, Set<String>> selection,
      BiFunction<String, String, Retention> retention) {
    this.twins = twins;
    this.all = all;
    this.selection = selection;
    this.retention = retention;
  }

  /**
   * Checks a selection against the models.
   *
   * @param models the graph's models
   * @param selected property names by model DTMI; {@code *} for all of the model's
   * @return the selection by DTMI
   * @throws IllegalArgumentException if a model is missing or a name is not a property or component of it
   */
  public static Map<Dtmi, Set<String>> selection(Models models, Map<String, List<String>> selected) {
    Map<Dtmi, Set<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : selected.entrySet()) {
      Interface i = models.get(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
          "the history selects model " + e.getKey() + ", which is not in the graph's models"));
      Set<String> names = new TreeSet<>();
      for (Content c : i.contents().values()) {
        if (c instanceof Property || c instanceof Component) names.add(c.name());
      }
      for (String n : e.getValue()) {
        if (!n.equals("*") && !names.contains(n)) {
          throw new IllegalArgumentException("the history selects `" + n + "`, which is not a property or component of "
              + e.getKey() + " (it has " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
      }
      out.put(i.info().id(), Set.copyOf(e.getValue()));
    }
    return out;
  }

  /**
   * Starts recording a graph.
   *
   * @param twins the graph
   * @param all whether every property is selected
   * @param selection the selected properties by model
   * @param retention the retention of each history
   * @return the history
   */
  public static PropertyHistory attach(Twins twins, boolean all, Map<Dtmi, Set<String>> selection,
      BiFunction<String, String, Retention> retention) {
    HistoryRecorder r = new HistoryRecorder(twins, all, Map.copyOf(selection), retention);
    r.subscription = twins.subscribe(e -> e instanceof ChangeEvent.TwinCreated || e instanceof ChangeEvent.TwinUpdated
        || e instanceof ChangeEvent.TwinDeleted, r::onEvent);
    GraphSnapshot snapshot = twins.snapshot();
    for (Twin t : snapshot.twins()) r.seed(t);
    synchronized (r) {
      r.sequence = snapshot.sequence();
      for (ChangeEvent e : r.pending) if (e.sequence() > snapshot.sequence()) r.apply(e);
      r.pending = null;
    }
    return r;
  }

  /**
   * Makes a history of a durable store, which does not listen to the graph: its changes come from
   * {@link #restore}, {@link #seedAll} and {@link #replay} (the store's acknowledged changes).
   *
   * @param twins the graph
   * @param all whether every property is selected
   * @param selection the selected properties by model
   * @param retention the retention of each history
   * @return the history
   */
  public static HistoryRecorder replaying(Twins twins, boolean all, Map<Dtmi, Set<String>> selection,
      BiFunction<String, String, Retention> retention) {
    HistoryRecorder r = new HistoryRecorder(twins, all, Map.copyOf(selection), retention);
    r.pending = null;
    r.durable = true;
    return r;
  }

  /** Records every twin of the graph as it is, as {@link #attach} does (the graph must not change meanwhile). */
  public synchronized void seedAll() {
    GraphSnapshot snapshot = twins.snapshot();
    for (Twin t : snapshot.twins()) seed(t);
    sequence = snapshot.sequence();
  }

  /**
   * Puts back one stored history.
   *
   * @param twinId the twin
   * @param property the property or component
   * @param integral whether every number it recorded was an integer
   * @param contents its series (numbers, or JSON texts)
   * @throws IllegalArgumentException if the contents do not restore
   */
  public synchronized void restore(String twinId, String property, boolean integral,
      dev.twins.core.series.SeriesBlocks.Contents contents) {
    Retention ret = Objects.requireNonNull(retention.apply(twinId, property), "retention");
    Track tr = Track.restored(ret, integral, contents);
    tracks.computeIfAbsent(twinId, k -> new ConcurrentHashMap<>()).put(property, tr);
  }

  /**
   * Sets the sequence number of the newest change the restored histories hold.
   *
   * @param seq the sequence number
   */
  public synchronized void restoredThrough(long seq) {
    sequence = seq;
  }

  /**
   * Records a change (in commit order), unless the histories already hold it.
   *
   * @param e the change
   */
  public synchronized void replay(ChangeEvent e) {
    if (e.sequence() <= sequence) return;
    if (e instanceof ChangeEvent.TwinCreated || e instanceof ChangeEvent.TwinUpdated
        || e instanceof ChangeEvent.TwinDeleted) {
      apply(e);
    }
  }

  /** One history as a store keeps it. */
  public record Stored(String twinId, String property, boolean integral,
      dev.twins.core.series.SeriesBlocks.Contents contents) {}

  /**
   * Reads every history, consistently: no change is recorded meanwhile.
   *
   * @param out receives each history
   * @return the sequence number of the newest change they hold
   */
  public synchronized long export(java.util.function.Consumer<Stored> out) {
    java.util.TreeMap<String, Map<String, Track>> sorted = new java.util.TreeMap<>(tracks);
    for (Map.Entry<String, Map<String, Track>> e : sorted.entrySet()) {
      for (Map.Entry<String, Track> t : new java.util.TreeMap<>(e.getValue()).entrySet()) {
        Track tr = t.getValue();
        synchronized (tr) {
          dev.twins.core.series.SeriesBlocks.Contents c = tr.contents();
          if (c != null) out.accept(new Stored(e.getKey(), t.getKey(), tr.integral(), c));
        }
      }
    }
    return sequence;
  }

  private synchronized void onEvent(ChangeEvent e) {
    if (pending != null) pending.add(e);
    else apply(e);
  }

  private void apply(ChangeEvent e) {
    sequence = e.sequence();
    long time = e.time().toEpochMilli();
    if (e instanceof ChangeEvent.TwinCreated c) {
      record(c.twin(), time);
    } else if (e instanceof ChangeEvent.TwinUpdated u) {
      record(u.twin(), time);
    } else if (e instanceof ChangeEvent.TwinDeleted d) {
      Map<String, Track> of = tracks.get(d.twinId());
      if (of != null) for (Track tr : of.values()) tr.record(time, null);
    }
  }

  private void record(Twin t, long time) {
    Map<String, Track> of = tracks.get(t.id());
    Set<String> selected = selected(t.model());
    List<String> names = t.names();
    for (String name : names) {
      Track tr = of == null ? null : of.get(name);
      if (tr == null) {
        if (selected != ALL && !selected.contains(name)) continue;
        tr = track(t.id(), name);
      }
      tr.record(time, t.property(name).orElse(null));
    }
    if (of != null && of.size() > 0) {
      for (Map.Entry<String, Track> e : of.entrySet()) if (!names.contains(e.getKey())) e.getValue().record(time, null);
    }
  }

  /** The names selected for twins of a model, {@link #ALL} for every name; cached per model set. */
  private Set<String> selected(Dtmi model) {
    if (all) return ALL;
    Models models = twins.models();
    if (models != cachedModels) {
      byModel.clear();
      cachedModels = models;
    }
    return byModel.computeIfAbsent(model, m -> {
      Set<String> names = new HashSet<>();
      for (Map.Entry<Dtmi, Set<String>> e : selection.entrySet()) {
        if (!models.isOfModel(m, e.getKey())) continue;
        if (e.getValue().contains("*")) return ALL;
        names.addAll(e.getValue());
      }
      return Set.copyOf(names);
    });
  }

  /** Records a twin present at attach, each value at its own {@code lastUpdateTime}. */
  private void seed(Twin t) {
    Map<String, PropertyMetadata> meta = t.metadata();
    Set<String> selected = selected(t.model());
    for (String name : t.names()) {
      if (selected != ALL && !selected.contains(name)) continue;
      Instant time = null;
      PropertyMetadata m = meta.get(name);
      if (m != null) {
        time = m.lastUpdateTime();
      } else {
        for (Map.Entry<String, PropertyMetadata> e : meta.entrySet()) {
          if (e.getKey().startsWith(name + "/") && (time == null || e.getValue().lastUpdateTime().isAfter(time))) {
            time = e.getValue().lastUpdateTime();
          }
        }
      }
      if (time == null) time = t.lastUpdateTime();
      track(t.id(), name).record(time.toEpochMilli(), t.property(name).orElse(null));
    }
  }

  private Track track(String twinId, String name) {
    return tracks.computeIfAbsent(twinId, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(name, k -> new Track(Objects.requireNonNull(retention.apply(twinId, name),
            "the retention policy gave null for " + twinId + " " + name)));
  }

  static JsonNode navigate(JsonNode v, List<String> rest) {
    JsonNode n = v;
    for (int i = 1; i < rest.size() && n != null; i++) n = n.isObject() ? n.get(rest.get(i)) : null;
    return n;
  }

  private Optional<Track> find(String twinId, String name) {
    Map<String, Track> of = tracks.get(Objects.requireNonNull(twinId, "twinId"));
    return of == null ? Optional.empty() : Optional.ofNullable(of.get(Objects.requireNonNull(name, "property")));
  }

  /** Epoch milliseconds, saturated for instants beyond what a long of milliseconds holds ({@code Instant.MAX}). */
  private static long millis(Instant t) {
    if (t.getEpochSecond() >= Long.MAX_VALUE / 1000 - 1) return Long.MAX_VALUE;
    if (t.getEpochSecond() <= Long.MIN_VALUE / 1000 + 1) return Long.MIN_VALUE;
    return t.toEpochMilli();
  }

  private static void check(List<String> path) {
    if (path.isEmpty()) throw new IllegalArgumentException("a property path needs at least a name");
  }

  @Override
  public Optional<JsonNode> valueAt(String twinId, List<String> path, Instant at) {
    check(path);
    Objects.requireNonNull(at, "at");
    return find(twinId, path.get(0)).map(tr -> navigate(tr.valueAt(millis(at)), path));
  }

  @Override
  public List<PropertyChange> changes(String twinId, List<String> path, Instant from, Instant to) {
    check(path);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return find(twinId, path.get(0)).map(tr -> tr.changes(millis(from), millis(to), path))
        .orElse(List.of());
  }

  @Override
  public Optional<Instant> coveredFrom(String twinId, String property) {
    Optional<Track> tr = find(twinId, property);
    if (tr.isEmpty()) return Optional.empty();
    OptionalLong t = tr.get().firstTime();
    return t.isPresent() ? Optional.of(Instant.ofEpochMilli(t.getAsLong())) : Optional.empty();
  }

  @Override
  public boolean tracks(Dtmi model, String property) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(property, "property");
    Set<String> selected = selected(model);
    return selected == ALL || selected.contains(property);
  }

  @Override
  public boolean forget(String twinId) {
    if (durable) {
      throw new IllegalStateException("the property history of a durable store cannot forget twin '" + twinId
          + "': the store would bring it back from its journal");
    }
    return tracks.remove(Objects.requireNonNull(twinId, "twinId")) != null;
  }

  @Override
  public long historyCount() {
    long n = 0;
    for (Map<String, Track> of : tracks.values()) n += of.size();
    return n;
  }

  @Override
  public long storedBytes() {
    long n = 0;
    for (Map<String, Track> of : tracks.values()) for (Track tr : of.values()) n += tr.storedBytes();
    return n;
  }

  @Override
  public void close() {
    if (subscription != null) subscription.cancel();
  }

  /** Renders the counts, e.g. {@code PropertyHistory[twins=9, histories=12]}. */
  @Override
  public String toString() {
    return "PropertyHistory[" + (all ? "all properties" : "models=" + selection.size()) + ", twins=" + tracks.size()
        + ", histories=" + historyCount() + "]";
  }
}
