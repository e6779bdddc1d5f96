package dev.twins.core.internal.telemetry;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.ChangeFilters;
import dev.twins.core.graph.Subscription;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;
import dev.twins.core.series.Retention;
import dev.twins.core.series.SeriesKind;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.telemetry.Channel;
import dev.twins.core.telemetry.DeadLetter;
import dev.twins.core.telemetry.IngestCounts;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.Rules;
import dev.twins.core.telemetry.TelemetryException;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.core.telemetry.ThresholdCrossing;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The engine behind {@code TelemetryHub}: resolves twins and telemetry names to slots, checks and
 * applies messages, counts and keeps rejections, runs watches, listeners and rules, and follows
 * the graph (deleted twins, twins moved to another model).
 */
public final class HubCore {
  /**
   * The settings of a hub.
   *
   * @param duplicateWindowMillis how far back in source time message ids are remembered per twin
   * @param duplicateCapacity how many ids are remembered per twin at most
   * @param deadLetterCapacity how many rejections are kept
   * @param localZone the zone of times written without an offset, or null to reject them
   * @param propagation where changes made through the graph API are propagated, or null for a
   *     thread of the hub's own that lives while there is work
   * @param series whether readings are kept in series
   * @param retentions the retention rules, first match wins
   * @param defaultRetention the retention when no rule matches
   */
  public record Settings(long duplicateWindowMillis, int duplicateCapacity, int deadLetterCapacity, ZoneId localZone,
      Executor propagation, boolean series, List<RetentionRule> retentions, Retention defaultRetention) {}

  /**
   * A retention for the telemetry of the twins of a model, or of one telemetry name, or both.
   *
   * @param model the model (subtypes included), or null for any
   * @param telemetry the telemetry key, or null for any
   * @param retention the retention
   */
  public record RetentionRule(Dtmi model, String telemetry, Retention retention) {}

  private final Twins twins;
  private final Settings settings;
  private final ConcurrentHashMap<String, TwinState> states = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TwinState> migrating = new ConcurrentHashMap<>();
  /** Accepted and late messages of retired twins; live slots count their own. */
  private final LongAdder accepted = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final java.util.concurrent.ConcurrentLinkedQueue<TwinState> retiredStates =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder derivedWrites = new LongAdder();
  private final LongAdder ruleFailures = new LongAdder();
  private final DeadLetterRing dead;
  private final RuleEngine rules;
  private final CopyOnWriteArrayList<Watches.Watch> watches = new CopyOnWriteArrayList<>();
  private volatile MessageSub[] subs = new MessageSub[0];
  private volatile int hooksVersion;
  private final Subscription graphSubscription;
  private final ThreadPoolExecutor ownExecutor;
  private final SeriesStore store;

  private record MessageSub(Predicate<? super TelemetryMessage> filter, Sub<TelemetryMessage> sub) {}

  private volatile dev.twins.core.telemetry.IngestHook ingestHook;
  /** The completion of this thread's message, run after the hub's locks are released. */
  private final ThreadLocal<dev.twins.core.graph.CommitHook.Completion> pendingCompletion = new ThreadLocal<>();

  /** Set while this thread applies staged messages (the hook recorded them already). */
  private final ThreadLocal<Boolean> applyingStaged = new ThreadLocal<>();

  /**
   * Opens a stage of the ingest hook for a bulk ingest by this thread.
   *
   * @return the stage, or null to ingest each message the usual way
   */
  dev.twins.core.telemetry.IngestHook.Stage stage() {
    dev.twins.core.telemetry.IngestHook h = ingestHook;
    return h == null ? null : h.stage();
  }

  /**
   * The checks of a message that do not depend on earlier messages (twin, telemetry names, values),
   * made before it is staged.
   *
   * @return null if it may be staged, else {@link Outcome#REJECTED} (counted and kept)
   */
  Outcome checkForStage(TelemetryMessage m, String source, long line, String text, Consumer<DeadLetter> onReject) {
    if (m.values().isEmpty()) return reject(source, line, "", m.twinId(), "the message has no values", m, text, onReject);
    TwinState tw = resolve(m.twinId());
    if (tw == null) {
      return reject(source, line, "", m.twinId(), "no twin '" + m.twinId() + "' in the graph", m, text, onReject);
    }
    for (Map.Entry<String, JsonNode> e : m.values().entrySet()) {
      String key = m.component().map(c -> c + "/" + e.getKey()).orElse(e.getKey());
      Slot s = tw.slot(key);
      if (s == null) return reject(source, line, e.getKey(), m.twinId(), unknownTelemetry(tw, key), m, text, onReject);
      String problem = s.check(e.getValue());
      if (problem != null) return reject(source, line, e.getKey(), m.twinId(), problem, m, text, onReject);
    }
    return null;
  }

  /**
   * Counts and keeps a message the stage refused or could not make durable.
   *
   * @return {@link Outcome#REJECTED}
   */
  Outcome notStaged(RuntimeException ex, TelemetryMessage m, String source, long line, String text,
      Consumer<DeadLetter> onReject) {
    return reject(source, line, "", m.twinId(), "the message was not applied: " + ex.getMessage(), m, text, onReject);
  }

  /**
   * Marks this thread as applying staged messages (their records are durable): the hook is not
   * called for them. Set around a group, not per message.
   *
   * @param on whether it does
   */
  void applyingStaged(boolean on) {
    if (on) {
      applyingStaged.set(Boolean.TRUE);
    } else {
      applyingStaged.remove();
    }
  }

  /**
   * Applies a staged message (its record is durable; inside {@link #applyingStaged}): every check,
   * then the message, without the hook.
   *
   * @return the outcome
   */
  Outcome ingestStaged(TelemetryMessage m, String source, long line, String text, Consumer<DeadLetter> onReject) {
    return ingestNow(m, source, line, text, onReject);
  }

  /** The ingest hook refused a message (carries the hook's exception). */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  /**
   * Sets the ingest hook (before the hub is used).
   *
   * @param hook the hook
   */
  public void ingestHook(dev.twins.core.telemetry.IngestHook hook) {
    ingestHook = java.util.Objects.requireNonNull(hook, "hook");
    hooksVersion++;
  }

  /** Tells the ingest hook of a rule change before it is made (under the rules' change lock). */
  void ruleChanging(dev.twins.core.telemetry.Rule rule, boolean adding) {
    dev.twins.core.telemetry.IngestHook h = ingestHook;
    if (h == null) return;
    try {
      h.ruleChanging(rule, adding);
    } catch (RuntimeException ex) {
      throw new TelemetryException("rule " + rule + " cannot be " + (adding ? "added" : "removed") + ": "
          + ex.getMessage(), ex);
    }
  }

  /** Hands a message about to be applied to the ingest hook (under the twin's telemetry locks). */
  private void hookAccepting(TelemetryMessage m) {
    dev.twins.core.telemetry.IngestHook h = ingestHook;
    if (h == null || applyingStaged.get() != null) return;
    dev.twins.core.graph.CommitHook.Completion c;
    try {
      c = h.accepting(m);
    } catch (RuntimeException ex) {
      throw new Refused(ex);
    }
    if (c != null && c != dev.twins.core.graph.CommitHook.Completion.none()) pendingCompletion.set(c);
  }

  /**
   * Finishes an ingest call outside the hub's locks: runs the hook's completion.
   *
   * @throws TelemetryException if the completion failed (the message is counted as rejected)
   */
  private Outcome finishIngest(Outcome o, String twinId, String key, String text) {
    if (ingestHook == null) return o;
    dev.twins.core.graph.CommitHook.Completion c = pendingCompletion.get();
    if (c == null) return o;
    pendingCompletion.remove();
    try {
      c.complete();
    } catch (RuntimeException ex) {
      throw notDurable(ex, twinId, key, text, "was applied in memory but is not durable");
    }
    return o;
  }

  /** Runs the pending completion of a message whose apply failed (the hook's contract: it always runs). */
  private void completeAfterFailure(Throwable failure) {
    dev.twins.core.graph.CommitHook.Completion c = pendingCompletion.get();
    if (c == null) return;
    pendingCompletion.remove();
    try {
      c.complete();
    } catch (RuntimeException ex) {
      failure.addSuppressed(ex);
    }
  }

  private TelemetryException notDurable(RuntimeException ex, String twinId, String key, String text, String what) {
    String reason = "the message " + what + ": " + ex.getMessage();
    reject(new DeadLetter("api", 0, key, twinId, reason, text), null);
    return new TelemetryException("telemetry of twin '" + twinId + "' (" + key + "): " + reason, ex);
  }

  /**
   * Creates the engine and subscribes it to the graph.
   *
   * @param twins the graph
   * @param settings the settings
   */
  public HubCore(Twins twins, Settings settings) {
    this.twins = twins;
    this.settings = settings;
    this.dead = new DeadLetterRing(settings.deadLetterCapacity());
    this.store = settings.series() ? SeriesStore.create(this::retention) : null;
    Executor ex = settings.propagation();
    if (ex == null) {
      ownExecutor = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "twins-propagation");
        t.setDaemon(true);
        return t;
      });
      ex = ownExecutor;
    } else {
      ownExecutor = null;
    }
    this.rules = new RuleEngine(this, ex);
    this.graphSubscription = twins.subscribe(ChangeFilters.all(), this::onGraphEvent);
  }

  Twins twins() {
    return twins;
  }

  /** @return the models of the graph */
  public Models models() {
    return twins.models(); // live: a durable store's graph may move to a larger model set
  }

  /** @return the settings */
  public Settings settings() {
    return settings;
  }

  /** @return the rules */
  public Rules rules() {
    return rules;
  }

  /** Propagates the changes made through the graph API so far, in the calling thread. */
  public void settle() {
    rules.settle();
  }

  /** Stops following the graph and the propagation thread. */
  public void close() {
    graphSubscription.cancel();
    if (ownExecutor != null) ownExecutor.shutdown();
  }

  int hooksVersion() {
    return hooksVersion;
  }

  synchronized void bumpHooks() {
    hooksVersion++;
  }

  void countRuleFailure() {
    ruleFailures.increment();
  }

  void countDerivedWrite() {
    derivedWrites.increment();
  }

  /** @return the series store, or null when series are off */
  public SeriesStore store() {
    return store;
  }

  private Retention retention(String twinId, String key) {
    if (settings.retentions().isEmpty()) return settings.defaultRetention();
    Dtmi model = twins.twin(twinId).map(Twin::model).orElse(null);
    for (RetentionRule r : settings.retentions()) {
      if (r.telemetry() != null && !r.telemetry().equals(key)) continue;
      if (r.model() != null && (model == null || !models().isOfModel(model, r.model()))) continue;
      return r.retention();
    }
    return settings.defaultRetention();
  }

  /** Gives a new slot its series (the twin's existing one, when a twin moved to another model keeps it). */
  void attachSeries(TwinState twin, Slot slot) {
    if (store == null) return;
    Schema schema = slot.telemetry.schema();
    SeriesKind kind;
    switch (slot.kind) {
      case DOUBLE:
      case INTEGRAL:
        kind = SeriesKind.DOUBLE;
        break;
      case BOOLEAN:
        kind = SeriesKind.BOOLEAN;
        break;
      default:
        if (schema == GeospatialSchema.POINT) {
          kind = SeriesKind.GEO_POINT;
        } else if (schema instanceof EnumSchema e) {
          kind = e.valueSchema().isNumeric() ? SeriesKind.DOUBLE : SeriesKind.STRING;
        } else if (schema instanceof PrimitiveSchema) {
          kind = SeriesKind.STRING;
        } else {
          return;   // objects, arrays, maps and other geometries: newest value only
        }
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        switch (kind) {
          case DOUBLE: slot.doubles = store.doubles(twin.id, slot.key); return;
          case BOOLEAN: slot.booleans = store.booleans(twin.id, slot.key); return;
          case STRING: slot.strings = store.strings(twin.id, slot.key); return;
          default: slot.points = store.geoPoints(twin.id, slot.key); return;
        }
      } catch (IllegalArgumentException kindChanged) {
        store.remove(twin.id, slot.key);   // the twin moved to a model with another kind of value under this name
      }
    }
  }

  // ------------------------------------------------------------------------------------ lookups

  /** @return the telemetry state of a twin, created on first use; null when the graph has no such twin */
  TwinState resolve(String twinId) {
    TwinState s = states.get(twinId);
    if (s != null) return s;
    Optional<Twin> twin = twins.twin(twinId);
    if (twin.isEmpty()) return null;
    Interface model = models().get(twin.get().model()).orElse(null);
    if (model == null) return null;
    TwinState fresh = new TwinState(this, twinId, model);
    TwinState old = migrating.remove(twinId);
    if (old != null) carryOver(old, fresh);
    TwinState prev = states.putIfAbsent(twinId, fresh);
    if (prev != null) return prev;
    Optional<Twin> again = twins.twin(twinId);
    if (again.isEmpty() || !again.get().model().equals(model.id())) {
      states.remove(twinId, fresh);
      return again.isEmpty() ? null : resolve(twinId);
    }
    return fresh;
  }

  private static void carryOver(TwinState old, TwinState fresh) {
    for (Slot o : old.slots()) {
      Slot n = fresh.slot(o.key);
      if (n == null || n.kind != o.kind) continue;
      synchronized (o.lock) {
        n.hasLast = o.hasLast;
        n.lastTime = o.lastTime;
        n.lastNumber = o.lastNumber;
        n.lastJson = o.lastJson;
      }
    }
  }

  /**
   * Resolves a channel.
   *
   * @param twinId the twin
   * @param key the telemetry name, or {@code component/name}
   * @return the channel
   * @throws TelemetryException if the twin or the telemetry does not exist
   */
  public Channel channel(String twinId, String key) {
    TwinState s = resolve(twinId);
    if (s == null) throw new TelemetryException("no twin '" + twinId + "' in the graph");
    Slot slot = s.slot(key);
    if (slot == null) throw new TelemetryException(unknownTelemetry(s, key));
    return slot;
  }

  private static String unknownTelemetry(TwinState s, String key) {
    TreeSet<String> names = new TreeSet<>();
    for (Slot x : s.slots()) names.add(x.key);
    return "twin '" + s.id + "' (" + s.model.id() + ") declares no Telemetry '" + key + "'"
        + (names.isEmpty() ? "; its model declares none" : "; it declares " + String.join(", ", names));
  }

  /**
   * Calls an action with the message ids each twin remembers, each read under the twin's monitor.
   *
   * @param action told of each twin's ids
   */
  public void forEachRecentMessageIds(Consumer<dev.twins.core.telemetry.RecentMessageIds> action) {
    for (TwinState st : states.values()) {
      dev.twins.core.telemetry.RecentMessageIds r;
      synchronized (st) {
        r = st.recentIds();
      }
      if (r != null) action.accept(r);
    }
  }

  /**
   * Replaces the message ids a twin remembers.
   *
   * @param ids the ids
   * @return false if the graph has no such twin
   */
  public boolean restoreRecentMessageIds(dev.twins.core.telemetry.RecentMessageIds ids) {
    TwinState st = resolve(ids.twinId());
    if (st == null) return false;
    synchronized (st) {
      st.restoreIds(ids);
    }
    return true;
  }

  /**
   * Remembers the id of a message as its ingest would, without applying the message.
   *
   * @param m the message
   * @return false if it has no id or the graph has no such twin
   */
  public boolean rememberMessageId(TelemetryMessage m) {
    String id = m.messageId().orElse(null);
    if (id == null) return false;
    TwinState st = resolve(m.twinId());
    if (st == null) return false;
    synchronized (st) {
      if (!st.seen(id)) st.remember(id, m.epochMillis(), settings.duplicateWindowMillis(), settings.duplicateCapacity());
    }
    return true;
  }

  /**
   * Calls an action with the newest reading of every telemetry that keeps no series (series off,
   * or a kind without series), one message per twin and telemetry, each read under its lock.
   *
   * @param action told of each reading
   */
  public void forEachLastWithoutSeries(Consumer<TelemetryMessage> action) {
    for (TwinState st : states.values()) {
      for (Slot slot : st.slots()) {
        TelemetryMessage m = null;
        synchronized (slot.lock) {
          if (slot.hasLast && !slot.retired && slot.seriesOrNull() == null) {
            m = new TelemetryMessage(slot.twin.id, slot.component(), slot.lastTime,
                Map.of(slot.telemetry.name(), slot.lastNode()), Optional.empty());
          }
        }
        if (m != null) action.accept(m);
      }
    }
  }

  /** @return the newest reading of a twin's telemetry, or null */
  JsonNode lastValue(String twinId, String key) {
    TwinState s = resolve(twinId);
    if (s == null) return null;
    Slot slot = s.slot(key);
    if (slot == null) return null;
    synchronized (slot.lock) {
      return slot.lastNode();
    }
  }

  /**
   * Returns the newest reading of a twin's telemetry.
   *
   * @param twinId the twin
   * @param key the telemetry name or {@code component/name}
   * @return the reading, empty if there is none (or no such twin or telemetry)
   */
  public Optional<JsonNode> last(String twinId, String key) {
    return Optional.ofNullable(lastValue(twinId, key));
  }

  // ------------------------------------------------------------------------------------ apply

  /** The typed path: a checked number (booleans as 1/0) into one slot. */
  Outcome applyNumber(Slot s, long t, double v, String messageId) {
    if (ingestHook == null) return applyNumberNow(s, t, v, messageId);
    Outcome o;
    try {
      o = applyNumberNow(s, t, v, messageId);
    } catch (Refused r) {
      pendingCompletion.remove();
      throw notDurable((RuntimeException) r.getCause(), s.twin.id, s.key, s.twin.id + " " + s.key + "=" + v + " at "
          + Instant.ofEpochMilli(t), "was not applied");
    } catch (RuntimeException | Error e) {
      completeAfterFailure(e);
      throw e;
    }
    return finishIngest(o, s.twin.id, s.key, s.twin.id + " " + s.key + "=" + v + " at " + Instant.ofEpochMilli(t));
  }

  private Outcome applyNumberNow(Slot s, long t, double v, String messageId) {
    if (s.hooksVersion != hooksVersion) refresh(s);
    if (!s.hooked && messageId == null) {
      synchronized (s.lock) {
        if (!s.retired) {
          if (s.storeNumberInOrder(t, v)) return Outcome.ACCEPTED;
          if (!s.keeps(t)) return expired(s, t, Double.toString(v));
          s.storeNumber(t, v);   // late: into the series by time; the newest reading stays
          s.acceptedCount++;
          late.increment();
          return Outcome.ACCEPTED_LATE;
        }
      }
      return reroute(s, t, v, messageId);
    }
    RuleEngine.Ctx c = s.hooked ? rules.enter() : null;
    int r;
    try {
      if (messageId == null) {
        r = applyNumberLocked(s, t, v, null);
      } else {
        TwinState tw = s.twin;
        synchronized (tw) {
          if (tw.seen(messageId)) {
            r = DUPLICATE;
          } else {
            r = applyNumberLocked(s, t, v, messageId);
            if (r <= LATE) tw.remember(messageId, t, settings.duplicateWindowMillis(), settings.duplicateCapacity());
          }
        }
      }
    } finally {
      if (c != null) rules.exit(c);
    }
    switch (r) {
      case APPLIED:
        return Outcome.ACCEPTED;
      case LATE:
        return Outcome.ACCEPTED_LATE;
      case DUPLICATE:
        duplicates.increment();
        return Outcome.DUPLICATE;
      case RETIRED:
        return reroute(s, t, v, messageId);
      default:
        return expired(s, t, Double.toString(v));
    }
  }

  private static final int APPLIED = 0;
  private static final int LATE = 1;
  private static final int DUPLICATE = 2;
  private static final int RETIRED = 3;
  private static final int EXPIRED = 4;   // EXPIRED + k: the k-th slot of the message no longer keeps that time

  private int applyNumberLocked(Slot s, long t, double v, String messageId) {
    synchronized (s.lock) {
      if (s.retired) return RETIRED;
      if (s.hasLast && t < s.lastTime && !s.keeps(t)) return EXPIRED;
      if (ingestHook != null) {
        hookAccepting(new TelemetryMessage(s.twin.id, s.component(), t, Map.of(s.telemetry.name(),
            s.kind == ValueKind.BOOLEAN ? JsonNodeFactoryHolder.NODES.booleanNode(v != 0)
                : JsonNodeFactoryHolder.NODES.numberNode(v)), Optional.ofNullable(messageId)));
      }
      boolean isLate = s.storeNumber(t, v);
      s.acceptedCount++;
      if (isLate) late.increment();
      if (s.hooked) {
        afterStore(s, t, isLate, v);
        MessageSub[] ms = subs;
        if (ms.length > 0) {
          deliver(ms, new TelemetryMessage(s.twin.id, s.component(), t, Map.of(s.telemetry.name(),
              s.kind == ValueKind.BOOLEAN ? JsonNodeFactoryHolder.NODES.booleanNode(v != 0)
                  : JsonNodeFactoryHolder.NODES.numberNode(v)), Optional.ofNullable(messageId)));
        }
      }
      return isLate ? LATE : APPLIED;
    }
  }

  /** Locks the slots of a message one after the other (in slot order), then applies the message. */
  private int applyLocked(Slot[] slots, JsonNode[] values, int k, TelemetryMessage m, boolean hooked) {
    if (k < slots.length) {
      synchronized (slots[k].lock) {
        return applyLocked(slots, values, k + 1, m, hooked);
      }
    }
    long t = m.epochMillis();
    for (Slot s : slots) if (s.retired) return RETIRED;
    for (int i = 0; i < slots.length; i++) {
      Slot s = slots[i];
      if (s.hasLast && t < s.lastTime && !s.keeps(t)) return EXPIRED + i;
    }
    hookAccepting(m);
    boolean isLate = false;
    for (int i = 0; i < slots.length; i++) isLate |= slots[i].storeJson(t, values[i]);
    slots[0].acceptedCount++;
    if (isLate) late.increment();
    if (hooked) {
      for (Slot s : slots) {
        if (!s.hooked) continue;
        afterStore(s, t, s.lastTime != t, s.kind == ValueKind.JSON ? 0 : s.lastNumber);
      }
      MessageSub[] ms = subs;
      if (ms.length > 0) deliver(ms, m);
    }
    return isLate ? LATE : APPLIED;
  }

  private Outcome reroute(Slot s, long t, double v, String messageId) {
    TwinState now = resolve(s.twin.id);
    Slot n = now == null ? null : now.slot(s.key);
    if (n == null) {
      return rejectTyped(s, t, Double.toString(v), now == null ? "twin '" + s.twin.id + "' was deleted"
          : unknownTelemetry(now, s.key) + " (the twin moved to another model)");
    }
    String problem = n.checkNumber(v);
    if (problem != null) return rejectTyped(n, t, Double.toString(v), problem);
    return applyNumber(n, t, v, messageId);
  }

  /** One checked JSON value into one slot. */
  Outcome applyOne(Slot s, long t, JsonNode v) {
    TelemetryMessage m = new TelemetryMessage(s.twin.id, s.component(), t, Map.of(s.telemetry.name(), v), Optional.empty());
    return ingest(m, "api", 0, null);
  }

  /** Runs the hooks of one slot after a store, under the twin's monitor. */
  private void afterStore(Slot s, long t, boolean isLate, double number) {
    for (RuleEngine.Binding b : s.bindings) evaluate(s, b.rule());
    if (!isLate) {
      if (s.feedsRelated) rules.telemetryChanged(s.twin.id, s.key);
      if (s.kind != ValueKind.JSON || s.lastJson.isNumber()) {
        double v = s.kind == ValueKind.JSON ? s.lastJson.asDouble() : number;
        for (Watches.State w : s.watches) w.observe(s.twin.id, s.key, t, v);
      }
    }
  }

  private void evaluate(Slot s, RuleEngine.Installed inst) {
    dev.twins.core.telemetry.Rule.FromTelemetry rule = (dev.twins.core.telemetry.Rule.FromTelemetry) inst.rule;
    JsonNode value;
    try {
      value = rule.derivation().derive(s).orElse(null);
    } catch (RuntimeException ex) {
      rules.fail("rule " + rule + " failed on twin '" + s.twin.id + "': " + ex);
      return;
    }
    Optional<Twin> twin = twins.twin(s.twin.id);
    if (twin.isPresent()) rules.write(inst, twin.get(), value);
  }

  /** Evaluates a new FromTelemetry rule on every twin whose telemetry has readings. */
  void evaluateTelemetryRules(RuleEngine.Installed inst) {
    String key = ((dev.twins.core.telemetry.Rule.FromTelemetry) inst.rule).telemetry();
    for (TwinState st : states.values()) {
      if (!models().isOfModel(st.model.id(), inst.model)) continue;
      Slot s = st.slot(key);
      if (s == null) continue;
      synchronized (s.lock) {
        if (s.hasLast && !s.retired) evaluate(s, inst);
      }
    }
  }

  /** Evaluates every FromTelemetry rule of one twin (after it was created or moved to another model). */
  void evaluateTelemetryRules(String twinId) {
    TwinState st = resolve(twinId);
    if (st == null) return;
    for (Slot s : st.slots()) {
      if (s.hooksVersion != hooksVersion) refresh(s);
      synchronized (s.lock) {
        if (s.hasLast && !s.retired) for (RuleEngine.Binding b : s.bindings) evaluate(s, b.rule());
      }
    }
  }

  private void refresh(Slot s) {
    int v = hooksVersion;
    synchronized (s.lock) {
      s.bindings = rules.bindingsFor(s.twin, s.key);
      List<Watches.State> ws = new ArrayList<>();
      for (Watches.Watch w : watches) {
        if (w.sub().cancelled || !w.appliesTo(this, s.twin, s.key)) continue;
        Watches.State kept = null;
        for (Watches.State old : s.watches) if (old.watch == w) kept = old;
        if (kept == null) {
          kept = new Watches.State(w);
          if (s.hasLast && s.kind != ValueKind.JSON) kept.above = s.lastNumber > w.threshold();
        }
        ws.add(kept);
      }
      s.watches = ws.toArray(new Watches.State[0]);
      s.feedsRelated = rules.feedsRelated(s.key);
      s.hooked = s.bindings.length > 0 || s.watches.length > 0 || s.feedsRelated || subs.length > 0
          || ingestHook != null;
      s.hooksVersion = v;
    }
  }

  /**
   * Ingests one message of any shape: checks every value, then applies them all or none.
   *
   * @param m the message
   * @param source where it came from, for the dead letter
   * @param line its line (or 0)
   * @param text the message as received, or null to render it
   * @return the outcome
   */
  public Outcome ingest(TelemetryMessage m, String source, long line, String text) {
    return ingest(m, source, line, text, null);
  }

  /**
   * Ingests one message and tells a consumer about its rejection.
   *
   * @param m the message
   * @param source where it came from
   * @param line its line (or 0)
   * @param text the message as received, or null to render it
   * @param onReject told of the dead letter when the message is rejected, or null
   * @return the outcome
   */
  public Outcome ingest(TelemetryMessage m, String source, long line, String text, Consumer<DeadLetter> onReject) {
    if (ingestHook == null) return ingestNow(m, source, line, text, onReject);
    Outcome o;
    String key = String.join(",", m.values().keySet());
    try {
      o = ingestNow(m, source, line, text, onReject);
    } catch (Refused r) {
      pendingCompletion.remove();
      throw notDurable((RuntimeException) r.getCause(), m.twinId(), key, text != null ? text : m.toString(),
          "was not applied");
    } catch (RuntimeException | Error e) {
      completeAfterFailure(e);
      throw e;
    }
    return finishIngest(o, m.twinId(), key, text != null ? text : m.toString());
  }

  private Outcome ingestNow(TelemetryMessage m, String source, long line, String text, Consumer<DeadLetter> onReject) {
    if (m.values().isEmpty()) return reject(source, line, "", m.twinId(), "the message has no values", m, text, onReject);
    TwinState tw = resolve(m.twinId());
    if (tw == null) {
      return reject(source, line, "", m.twinId(), "no twin '" + m.twinId() + "' in the graph", m, text, onReject);
    }
    for (int attempt = 0; ; attempt++) {
      int n = m.values().size();
      Slot[] slots = new Slot[n];
      JsonNode[] values = new JsonNode[n];
      int i = 0;
      boolean hooked = false;
      for (Map.Entry<String, JsonNode> e : m.values().entrySet()) {
        String key = m.component().map(c -> c + "/" + e.getKey()).orElse(e.getKey());
        Slot s = tw.slot(key);
        if (s == null) return reject(source, line, e.getKey(), m.twinId(), unknownTelemetry(tw, key), m, text, onReject);
        String problem = s.check(e.getValue());
        if (problem != null) return reject(source, line, e.getKey(), m.twinId(), problem, m, text, onReject);
        if (s.hooksVersion != hooksVersion) refresh(s);
        hooked |= s.hooked;
        slots[i] = s;
        values[i++] = e.getValue();
      }
      // lock in slot order, so that two messages naming the same telemetries cannot deadlock
      for (int x = 1; x < n; x++) {
        for (int y = x; y > 0 && slots[y - 1].ordinal > slots[y].ordinal; y--) {
          Slot ts = slots[y];
          slots[y] = slots[y - 1];
          slots[y - 1] = ts;
          JsonNode tv = values[y];
          values[y] = values[y - 1];
          values[y - 1] = tv;
        }
      }
      RuleEngine.Ctx c = hooked ? rules.enter() : null;
      int r;
      try {
        String id = m.messageId().orElse(null);
        if (id == null) {
          r = applyLocked(slots, values, 0, m, hooked);
        } else {
          synchronized (tw) {
            if (tw.seen(id)) {
              r = DUPLICATE;
            } else {
              r = applyLocked(slots, values, 0, m, hooked);
              if (r <= LATE) tw.remember(id, m.epochMillis(), settings.duplicateWindowMillis(), settings.duplicateCapacity());
            }
          }
        }
      } finally {
        if (c != null) rules.exit(c);
      }
      switch (r) {
        case APPLIED:
          return Outcome.ACCEPTED;
        case LATE:
          return Outcome.ACCEPTED_LATE;
        case DUPLICATE:
          duplicates.increment();
          return Outcome.DUPLICATE;
        case RETIRED:
          tw = resolve(m.twinId());
          if (tw == null || attempt > 3) {
            return reject(source, line, "", m.twinId(), "twin '" + m.twinId() + "' was deleted", m, text, onReject);
          }
          continue;
        default:
          Slot s = slots[r - EXPIRED];
          return reject(source, line, s.telemetry.name(), m.twinId(), expiredReason(s, m.epochMillis()), m, text,
              onReject);
      }
    }
  }

  private Outcome reject(String source, long line, String field, String twinId, String reason, TelemetryMessage m,
      String text, Consumer<DeadLetter> onReject) {
    DeadLetter d = new DeadLetter(source, line, field, twinId, reason, text != null ? text : m.toString());
    return reject(d, onReject);
  }

  /**
   * Counts and keeps a rejection.
   *
   * @param d the rejection
   * @param onReject told of it, or null
   * @return {@link Outcome#REJECTED}
   */
  public Outcome reject(DeadLetter d, Consumer<DeadLetter> onReject) {
    rejected.increment();
    dead.add(d);
    if (onReject != null) onReject.accept(d);
    return Outcome.REJECTED;
  }

  private Outcome expired(Slot s, long t, String value) {
    return rejectTyped(s, t, value, expiredReason(s, t));
  }

  private static String expiredReason(Slot s, long t) {
    return "source time " + Instant.ofEpochMilli(t) + " is older than the series of '" + s.key + "' keeps ("
        + s.seriesOrNull().retention() + "); the newest reading is at " + Instant.ofEpochMilli(s.lastTime);
  }

  Outcome rejectTyped(Slot s, long t, String value, String problem) {
    return reject(new DeadLetter("api", 0, s.key, s.twin.id, problem,
        s.twin.id + " " + s.key + "=" + value + " at " + Instant.ofEpochMilli(t)), null);
  }

  /**
   * Ingests one number by twin id and telemetry name.
   *
   * @param twinId the twin
   * @param key the telemetry name
   * @param t the source time in epoch milliseconds
   * @param v the value
   * @return the outcome
   */
  public Outcome ingest(String twinId, String key, long t, double v) {
    TwinState tw = resolve(twinId);
    if (tw == null) {
      return reject(new DeadLetter("api", 0, key, twinId, "no twin '" + twinId + "' in the graph",
          twinId + " " + key + "=" + v + " at " + Instant.ofEpochMilli(t)), null);
    }
    Slot s = tw.slot(key);
    if (s == null) {
      return reject(new DeadLetter("api", 0, key, twinId, unknownTelemetry(tw, key),
          twinId + " " + key + "=" + v + " at " + Instant.ofEpochMilli(t)), null);
    }
    return s.ingest(t, v);
  }

  // ------------------------------------------------------------------------------------ listeners

  private void deliver(MessageSub[] ms, TelemetryMessage m) {
    for (MessageSub s : ms) {
      boolean wanted;
      try {
        wanted = s.filter.test(m);
      } catch (RuntimeException ex) {
        wanted = false;
      }
      if (wanted) s.sub.deliver(m);
    }
  }

  /**
   * Subscribes to accepted messages.
   *
   * @param filter which messages
   * @param listener the listener, called in the ingesting thread
   * @return the subscription
   */
  public synchronized Subscription subscribe(Predicate<? super TelemetryMessage> filter,
      Consumer<? super TelemetryMessage> listener) {
    Sub<TelemetryMessage> real = new Sub<>(listener, this::removeCancelledSubs);
    MessageSub[] next = java.util.Arrays.copyOf(subs, subs.length + 1);
    next[next.length - 1] = new MessageSub(filter, real);
    subs = next;
    bumpHooks();
    return real;
  }

  private synchronized void removeCancelledSubs() {
    List<MessageSub> keep = new ArrayList<>();
    for (MessageSub s : subs) if (!s.sub.cancelled) keep.add(s);
    subs = keep.toArray(new MessageSub[0]);
    bumpHooks();
  }

  /**
   * Watches a threshold.
   *
   * @param model the model whose twins are watched (subtypes included), or null
   * @param twinId the one twin watched, or null
   * @param key the telemetry
   * @param threshold the threshold
   * @param listener told of each crossing
   * @return the subscription
   */
  public Subscription watch(Dtmi model, String twinId, String key, double threshold,
      Consumer<? super ThresholdCrossing> listener) {
    Sub<ThresholdCrossing> sub = new Sub<>(listener, this::bumpHooks);
    watches.add(new Watches.Watch(model, twinId, key, threshold, sub));
    bumpHooks();
    // Bring every existing slot's state up to date now, so that the next reading is compared with the present one.
    for (TwinState st : states.values()) {
      Slot s = st.slot(key);
      if (s != null) refresh(s);
    }
    return sub;
  }

  // ------------------------------------------------------------------------------------ graph

  private void onGraphEvent(ChangeEvent e) {
    if (e instanceof ChangeEvent.TwinDeleted) {
      TwinState st = states.get(e.twinId());
      if (st != null) {
        st.retire();
        retiredStates.add(st);   // before the removal, so that counts() never misses its counters
        states.remove(e.twinId(), st);
      }
      TwinState moving = migrating.remove(e.twinId());
      if (moving != null) retiredStates.add(moving);
      if (store != null) store.removeTwin(e.twinId());
    } else if (e instanceof ChangeEvent.TwinUpdated u && modelChanged(u)) {
      TwinState st = states.get(e.twinId());
      if (st != null) {
        st.retire();
        retiredStates.add(st);
        migrating.put(e.twinId(), st);
        states.remove(e.twinId(), st);
      }
    }
    rules.onGraphEvent(e);
  }

  private static boolean modelChanged(ChangeEvent.TwinUpdated u) {
    for (String p : u.patch().paths()) if (p.startsWith("/$metadata/$model")) return true;
    return false;
  }

  // ------------------------------------------------------------------------------------ counters

  /** @return the counters */
  public IngestCounts counts() {
    TwinState gone;
    while ((gone = retiredStates.poll()) != null) {
      for (Slot s : gone.slots()) {
        synchronized (s.lock) {
          accepted.add(s.acceptedCount);
          s.acceptedCount = 0;
        }
      }
    }
    long acc = accepted.sum();
    long lt = late.sum();
    for (TwinState st : states.values()) {
      for (Slot s : st.slots()) {
        synchronized (s.lock) {
          acc += s.acceptedCount;
        }
      }
    }
    return new IngestCounts(acc, lt, duplicates.sum(), rejected.sum(), derivedWrites.sum(),
        ruleFailures.sum());
  }

  /** @return the kept rejections, oldest first */
  public List<DeadLetter> deadLetters() {
    return dead.list();
  }

  /** Forgets the kept rejections (the counters stay). */
  public void clearDeadLetters() {
    dead.clear();
  }

  /** @return how many twins have telemetry state */
  public int twinsWithTelemetry() {
    return states.size();
  }

  /** Holder of the shared node factory. */
  static final class JsonNodeFactoryHolder {
    static final tools.jackson.databind.node.JsonNodeFactory NODES = tools.jackson.databind.node.JsonNodeFactory.instance;

    private JsonNodeFactoryHolder() {}
  }
}
