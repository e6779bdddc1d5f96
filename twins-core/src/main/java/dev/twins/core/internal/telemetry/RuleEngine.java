package dev.twins.core.internal.telemetry;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.Property;
import dev.twins.core.model.Relationship;
import dev.twins.core.model.Telemetry;
import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.Rules;
import dev.twins.core.telemetry.TelemetryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Keeps derived properties up to date. Changes of inputs become work items: in the thread that
 * caused them when it is inside the hub (an ingest, a rule write), so the call returns after every
 * derived value reflects it; otherwise (a write through the graph API) on the propagation executor.
 *
 * <p>A related rule keeps a running aggregate per twin it computes ({@link RelatedIndex}): a
 * changed input (a reading, a property write) moves, under the rule's index lock, every aggregate
 * that counts it by the difference between its old and new value (O(1); O(log n) for MIN and MAX)
 * and queues a recomputation of those twins only; nothing walks the other related twins. A
 * relationship created or deleted, a twin created, deleted or migrated marks the aggregates it
 * touches stale, and the next recomputation folds their related twins again; a removed rule drops
 * its index with it. A recomputation reads the aggregate under a lock for the twin (taken before
 * the index's) and writes only when the value changes (no write, ETag or event otherwise); that
 * write is a graph change like any other and feeds the rules that read it. Rules are checked for
 * cycles when added, so this terminates.
 */
final class RuleEngine implements Rules {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A FromTelemetry rule as a slot sees it. */
  record Binding(Installed rule) {}

  /** A rule with its models resolved. */
  static final class Installed {
    final Rule rule;
    final Dtmi model;
    final Dtmi target; // FromRelated only; null when the relationship has no target
    final boolean integral;
    final RelatedIndex index; // FromRelated only: the running aggregates; null for FromTelemetry
    /** The JSON pointer of the property the rule writes. */
    final String path;
    /** The patch that removes that property. */
    final JsonPatch removal;
    /** The last answer of {@link #isOf}: the models, a twin's model and whether it is of this rule's. */
    private volatile ModelCheck lastCheck;

    Installed(Rule rule, Dtmi model, Dtmi target, boolean integral) {
      this.rule = rule;
      this.model = model;
      this.target = target;
      this.integral = integral;
      this.index = rule instanceof Rule.FromRelated r ? new RelatedIndex(r.aggregate()) : null;
      this.path = "/" + rule.property().replace("~", "~0").replace("/", "~1");
      this.removal = JsonPatch.builder().remove(path).build();
    }

    /**
     * Whether a twin of model {@code twinModel} is of this rule's model; remembers the last answer,
     * since a rule mostly sees twins of one model.
     */
    boolean isOf(Models models, Dtmi twinModel) {
      ModelCheck c = lastCheck;
      if (c != null && c.models == models && c.twinModel.equals(twinModel)) return c.of;
      boolean of = models.isOfModel(twinModel, model);
      lastCheck = new ModelCheck(models, twinModel, of);
      return of;
    }
  }

  /** One answer of {@link Installed#isOf}. */
  private record ModelCheck(Models models, Dtmi twinModel, boolean of) {}

  /** An immutable set of rules with its indexes; replaced as a whole when rules change. */
  private static final class RuleSet {
    final List<Installed> all;
    final Map<String, List<Installed>> byPropertySource = new HashMap<>();
    final Map<String, List<Installed>> byTelemetrySource = new HashMap<>();
    final Map<String, List<Installed>> byRelationship = new HashMap<>();
    final Map<String, List<Installed>> byTelemetry = new HashMap<>();

    RuleSet(List<Installed> all) {
      this.all = List.copyOf(all);
      for (Installed i : all) {
        if (i.rule instanceof Rule.FromRelated r) {
          (r.source().telemetry() ? byTelemetrySource : byPropertySource)
              .computeIfAbsent(r.source().name(), k -> new ArrayList<>()).add(i);
          byRelationship.computeIfAbsent(r.relationship(), k -> new ArrayList<>()).add(i);
        } else {
          byTelemetry.computeIfAbsent(((Rule.FromTelemetry) i.rule).telemetry(), k -> new ArrayList<>()).add(i);
        }
      }
    }
  }

  private sealed interface Work permits Recompute, InputChanged, Touched {}

  private record Recompute(Installed rule, String twinId) implements Work {}

  private record InputChanged(String twinId, boolean telemetry, String name) implements Work {}

  private record Touched(String twinId) implements Work {}

  static final class Ctx {
    final ArrayDeque<Work> queue = new ArrayDeque<>();
    int depth;
  }

  private final HubCore core;
  private final Twins twins;
  private volatile RuleSet set = new RuleSet(List.of());
  private final Object changeLock = new Object();
  private final ThreadLocal<Ctx> ctx = ThreadLocal.withInitial(Ctx::new);
  private final ConcurrentLinkedQueue<Work> global = new ConcurrentLinkedQueue<>();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Executor executor;
  private final Object[] stripes = new Object[256];
  private volatile String lastFailure;

  RuleEngine(HubCore core, Executor executor) {
    this.core = core;
    this.twins = core.twins();
    this.executor = executor;
    for (int i = 0; i < stripes.length; i++) stripes[i] = new Object();
  }

  boolean isEmpty() {
    return set.all.isEmpty();
  }

  // ------------------------------------------------------------------------------------ Rules API

  @Override
  public void add(Rule rule) {
    java.util.Objects.requireNonNull(rule, "rule");
    Installed inst;
    synchronized (changeLock) {
      inst = check(rule);
      core.ruleChanging(rule, true);
      List<Installed> next = new ArrayList<>(set.all);
      next.add(inst);
      set = new RuleSet(next);
      core.bumpHooks();
    }
    Ctx c = enter();
    try {
      if (rule instanceof Rule.FromRelated) {
        for (Twin t : twins.twinsOfModel(rule.model())) c.queue.add(new Recompute(inst, t.id()));
      } else {
        core.evaluateTelemetryRules(inst);
      }
    } finally {
      exit(c);
    }
  }

  @Override
  public boolean remove(Rule rule) {
    synchronized (changeLock) {
      List<Installed> next = new ArrayList<>(set.all);
      boolean removed = next.removeIf(i -> i.rule.equals(rule));
      if (removed) {
        core.ruleChanging(rule, false);
        set = new RuleSet(next);
        core.bumpHooks();
      }
      return removed;
    }
  }

  @Override
  public List<Rule> list() {
    List<Rule> out = new ArrayList<>();
    for (Installed i : set.all) out.add(i.rule);
    return List.copyOf(out);
  }

  @Override
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  void fail(String message) {
    lastFailure = message;
    core.countRuleFailure();
  }

  // ------------------------------------------------------------------------------------ checks

  private Installed check(Rule rule) {
    Interface model = core.models().get(rule.model()).orElseThrow(() -> new TelemetryException(
        "rule " + rule + ": model " + rule.model() + " is not in the graph's models"));
    Content pc = model.contents().get(rule.property());
    if (!(pc instanceof Property property)) {
      throw new TelemetryException("rule " + rule + ": " + model.id() + " declares no Property '" + rule.property()
          + "'" + (pc == null ? "" : " (it is a " + pc.getClass().getSimpleName() + ")"));
    }
    boolean integral = ValueKind.of(property.schema()) == ValueKind.INTEGRAL;
    Dtmi target = null;
    if (rule instanceof Rule.FromTelemetry ft) {
      if (telemetryOf(model, ft.telemetry()) == null) {
        throw new TelemetryException("rule " + rule + ": " + model.id() + " declares no Telemetry '" + ft.telemetry() + "'");
      }
    } else {
      Rule.FromRelated fr = (Rule.FromRelated) rule;
      Content rc = model.contents().get(fr.relationship());
      if (!(rc instanceof Relationship rel)) {
        throw new TelemetryException("rule " + rule + ": " + model.id() + " declares no Relationship '"
            + fr.relationship() + "'");
      }
      target = rel.target().orElse(null);
      if (target != null) {
        Interface t = core.models().get(target).orElseThrow();
        boolean found = fr.source().telemetry() ? telemetryOf(t, fr.source().name()) != null
            : t.contents().get(fr.source().name()) instanceof Property;
        if (!found && core.models().subtypes(target).stream().noneMatch(s -> declares(s, fr.source()))) {
          throw new TelemetryException("rule " + rule + ": the target " + target + " of '" + fr.relationship()
              + "' (and every model extending it) declares no " + (fr.source().telemetry() ? "Telemetry" : "Property")
              + " '" + fr.source().name() + "'");
        }
      }
      ValueKind k = ValueKind.of(property.schema());
      boolean fits = fr.aggregate().booleanResult() ? k == ValueKind.BOOLEAN
          : fr.aggregate() == Aggregate.MEAN ? k == ValueKind.DOUBLE : k == ValueKind.DOUBLE || k == ValueKind.INTEGRAL;
      if (!fits) {
        throw new TelemetryException("rule " + rule + ": " + fr.aggregate() + " gives a "
            + (fr.aggregate().booleanResult() ? "boolean" : fr.aggregate() == Aggregate.MEAN ? "double" : "number")
            + " but Property '" + rule.property() + "' of " + model.id() + " is " + property.schema().describe());
      }
    }
    Dtmi modelId = model.id();
    for (Installed other : set.all) {
      if (other.rule.property().equals(rule.property()) && overlap(other.model, modelId)) {
        throw new TelemetryException("rule " + rule + ": Property '" + rule.property() + "' is already written by rule "
            + other.rule + " on an overlapping model; one rule per property");
      }
      if (other.rule.equals(rule)) throw new TelemetryException("rule " + rule + " is already added");
    }
    Installed inst = new Installed(rule, modelId, target, integral);
    List<Installed> cycle = cycleThrough(inst);
    if (!cycle.isEmpty()) {
      StringBuilder b = new StringBuilder("rule " + rule + " would close a cycle: ");
      for (Installed i : cycle) b.append(i.rule).append(" feeds ");
      b.append(rule);
      throw new TelemetryException(b.toString());
    }
    return inst;
  }

  private boolean declares(Dtmi model, Rule.Source source) {
    Interface i = core.models().get(model).orElse(null);
    if (i == null) return false;
    return source.telemetry() ? telemetryOf(i, source.name()) != null : i.contents().get(source.name()) instanceof Property;
  }

  static Telemetry telemetryOf(Interface model, String key) {
    int slash = key.indexOf('/');
    if (slash < 0) return model.contents().get(key) instanceof Telemetry t ? t : null;
    Content c = model.contents().get(key.substring(0, slash));
    if (!(c instanceof Component comp)) return null;
    return comp.schema().contents().get(key.substring(slash + 1)) instanceof Telemetry t ? t : null;
  }

  private boolean overlap(Dtmi a, Dtmi b) {
    return core.models().isOfModel(a, b) || core.models().isOfModel(b, a);
  }

  /** Whether producer's writes are read by consumer. */
  private boolean feeds(Installed producer, Installed consumer) {
    if (!(consumer.rule instanceof Rule.FromRelated c) || c.source().telemetry()) return false;
    if (!c.source().name().equals(producer.rule.property())) return false;
    return consumer.target == null || overlap(producer.model, consumer.target);
  }

  /** A path of rules from the new rule back to itself, through the installed ones; empty when none. */
  private List<Installed> cycleThrough(Installed added) {
    List<Installed> all = new ArrayList<>(set.all);
    all.add(added);
    ArrayDeque<Installed> path = new ArrayDeque<>();
    path.add(added);
    return dfs(added, added, all, path, new java.util.HashSet<>()) ? new ArrayList<>(path) : List.of();
  }

  private boolean dfs(Installed at, Installed goal, List<Installed> all, ArrayDeque<Installed> path,
      java.util.Set<Installed> seen) {
    for (Installed next : all) {
      if (!feeds(at, next)) continue;
      if (next == goal) return true;
      if (!seen.add(next)) continue;
      path.addLast(next);
      if (dfs(next, goal, all, path, seen)) return true;
      path.removeLast();
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ bindings

  Binding[] bindingsFor(TwinState t, String key) {
    List<Installed> rules = set.byTelemetry.get(key);
    if (rules == null) return new Binding[0];
    List<Binding> out = new ArrayList<>();
    for (Installed i : rules) if (core.models().isOfModel(t.model.id(), i.model)) out.add(new Binding(i));
    return out.toArray(new Binding[0]);
  }

  boolean feedsRelated(String key) {
    return set.byTelemetrySource.containsKey(key);
  }

  List<Installed> telemetryRules() {
    List<Installed> out = new ArrayList<>();
    for (Installed i : set.all) if (i.rule instanceof Rule.FromTelemetry) out.add(i);
    return out;
  }

  // ------------------------------------------------------------------------------------ work

  /** Enters the hub: graph changes made by this thread until {@link #exit} are propagated before exit returns. */
  Ctx enter() {
    Ctx c = ctx.get();
    c.depth++;
    return c;
  }

  void exit(Ctx c) {
    try {
      if (c.depth == 1) drainLocal(c);
    } finally {
      c.depth--;
    }
  }

  private void drainLocal(Ctx c) {
    Work w;
    while ((w = c.queue.poll()) != null) process(w);
  }

  /** A reading of a telemetry that related rules read has a new newest value (called inside the hub). */
  void telemetryChanged(String twinId, String key) {
    ctx.get().queue.add(new InputChanged(twinId, true, key));
  }

  /** Called by the hub's synchronous graph listener: turns a change into work, never writes. */
  void onGraphEvent(ChangeEvent e) {
    RuleSet s = set;
    if (s.all.isEmpty()) return;
    if (e instanceof ChangeEvent.TwinUpdated u) {
      for (String path : u.patch().paths()) {
        String token = firstToken(path);
        if (token.equals("$metadata")) {
          if (path.startsWith("/$metadata/$model")) submit(new Touched(e.twinId()));
        } else if (s.byPropertySource.containsKey(token)) {
          submit(new InputChanged(e.twinId(), false, token));
        }
      }
    } else if (e instanceof ChangeEvent.TwinCreated) {
      submit(new Touched(e.twinId()));
    } else if (e instanceof ChangeEvent.TwinDeleted) {
      for (Installed i : s.all) {
        if (i.index != null && i.index.invalidate(e.twinId())) submit(new Recompute(i, e.twinId()));
      }
    } else if (e instanceof ChangeEvent.RelationCreated rc) {
      relationChanged(s, rc.relation());
    } else if (e instanceof ChangeEvent.RelationDeleted rd) {
      relationChanged(s, rd.relation());
    }
  }

  private void relationChanged(RuleSet s, Relation r) {
    List<Installed> rules = s.byRelationship.get(r.name());
    if (rules == null) return;
    for (Installed i : rules) {
      // lock-free: marks the aggregate's parts as stale, so that the next recomputation walks them again
      i.index.invalidate(r.sourceId());
      submit(new Recompute(i, r.sourceId()));
    }
  }

  private static String firstToken(String path) {
    if (path.isEmpty()) return "";
    int end = path.indexOf('/', 1);
    String raw = end < 0 ? path.substring(1) : path.substring(1, end);
    return raw.replace("~1", "/").replace("~0", "~");
  }

  private void submit(Work w) {
    Ctx c = ctx.get();
    if (c.depth > 0) {
      c.queue.add(w);
      return;
    }
    pending.incrementAndGet();
    global.add(w);
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::runGlobal);
      } catch (RuntimeException ex) {
        scheduled.set(false);
        fail("propagation could not be scheduled (" + ex + "); call settle() to propagate in the calling thread");
      }
    }
  }

  private void runGlobal() {
    try {
      drainGlobal();
    } finally {
      scheduled.set(false);
      if (!global.isEmpty()) schedule();
    }
  }

  private void drainGlobal() {
    Ctx c = enter();
    try {
      Work w;
      while ((w = global.poll()) != null) {
        try {
          process(w);
          drainLocal(c);
        } finally {
          pending.decrementAndGet();
        }
      }
    } finally {
      exit(c);
    }
  }

  /** Propagates every change made through the graph API so far, in the calling thread, and waits for propagation running elsewhere. */
  void settle() {
    while (true) {
      drainGlobal();
      if (pending.get() == 0) return;
      LockSupport.parkNanos(100_000);
    }
  }

  private void process(Work w) {
    try {
      if (w instanceof Recompute r) {
        recompute(r.rule, r.twinId);
      } else if (w instanceof InputChanged ic) {
        RuleSet s = set;
        List<Installed> rules = (ic.telemetry ? s.byTelemetrySource : s.byPropertySource).get(ic.name);
        if (rules == null) return;
        Ctx c = ctx.get();
        for (int k = 0, n = rules.size(); k < n; k++) {
          Installed i = rules.get(k);
          RelatedIndex idx = i.index;
          synchronized (idx) {
            RelatedIndex.Part part = idx.parts.get(ic.twinId);
            if (part == null) continue; // no aggregate counts this twin yet: whoever builds one reads it
            // read under this index's lock, so that a later reader never counts an older value
            JsonNode now = ic.telemetry ? core.lastValue(ic.twinId, ic.name) : propertyOf(ic.twinId, ic.name);
            if (same(part.value, now)) continue;
            for (int j = 0, nw = part.wholes.size(); j < nw; j++) {
              RelatedIndex.Agg a = part.wholes.get(j);
              a.remove(part.value);
              a.add(now);
              c.queue.add(new Recompute(i, a.whole));
            }
            part.value = now;
          }
        }
      } else {
        Touched t = (Touched) w;
        Optional<Twin> twin = twins.twin(t.twinId);
        if (twin.isEmpty()) return;
        RuleSet s = set;
        Ctx c = ctx.get();
        for (Installed i : s.all) {
          if (i.rule instanceof Rule.FromRelated && core.models().isOfModel(twin.get().model(), i.model)) {
            c.queue.add(new Recompute(i, t.twinId));
          }
        }
        core.evaluateTelemetryRules(t.twinId);
        for (String p : s.byPropertySource.keySet()) c.queue.add(new InputChanged(t.twinId, false, p));
        for (String p : s.byTelemetrySource.keySet()) c.queue.add(new InputChanged(t.twinId, true, p));
      }
    } catch (RuntimeException ex) {
      fail("propagation of " + w + " failed: " + ex);
    }
  }

  private void recompute(Installed inst, String twinId) {
    Rule.FromRelated rule = (Rule.FromRelated) inst.rule;
    synchronized (stripes[(twinId.hashCode() & 0x7fffffff) % stripes.length]) {
      Optional<Twin> found = twins.twin(twinId);
      RelatedIndex idx = inst.index;
      if (found.isEmpty() || !inst.isOf(core.models(), found.get().model())) {
        synchronized (idx) {
          idx.drop(twinId);
        }
        return;
      }
      Twin twin = found.get();
      JsonNode next;
      synchronized (idx) {
        RelatedIndex.Agg a = idx.aggregate(twinId);
        if (a.stale()) rebuild(rule, idx, a);
        next = a.result(inst.integral);
      }
      write(inst, twin, next);
    }
  }

  /**
   * Walks a twin's related twins again and folds their values into its aggregate from scratch
   * (under the index's lock). A related twin that another aggregate already counts contributes the
   * value counted there, so every aggregate counting it moves together when it next changes.
   */
  private void rebuild(Rule.FromRelated rule, RelatedIndex idx, RelatedIndex.Agg a) {
    idx.detach(a);
    int version = a.structure.get();
    String name = rule.source().name();
    boolean telemetry = rule.source().telemetry();
    // the targets' current states straight from the adjacency (no lookups by id, no sorted lists)
    twins.forEachOutgoingTwin(a.whole, rule.relationship(), (r, target) -> {
      RelatedIndex.Part part = idx.parts.get(r.targetId());
      if (part == null) {
        part = new RelatedIndex.Part(r.targetId(),
            telemetry ? core.lastValue(r.targetId(), name) : target.property(name).orElse(null));
        idx.parts.put(part.id, part);
      }
      idx.attach(a, part);
      return true;
    });
    a.built(version);
  }

  private JsonNode propertyOf(String twinId, String name) {
    Optional<Twin> t = twins.twin(twinId);
    return t.isEmpty() ? null : t.get().property(name).orElse(null);
  }

  static JsonNode number(double v, boolean integral) {
    if (integral && v == Math.rint(v) && Math.abs(v) < 0x1p63) return NODES.numberNode((long) v);
    return NODES.numberNode(v);
  }

  /** Writes a derived value when it differs from the twin's current one; null removes the property. */
  void write(Installed inst, Twin twin, JsonNode next) {
    JsonNode current = twin.property(inst.rule.property()).orElse(null);
    if (same(current, next)) return;
    JsonPatch patch = next == null ? inst.removal
        : JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.ADD, inst.path, Optional.of(next)));
    try {
      twins.patch(twin.id(), patch);
      core.countDerivedWrite();
    } catch (GraphException ex) {
      fail("rule " + inst.rule + " could not write " + (next == null ? "(remove)" : next) + " to " + twin.id() + ": "
          + ex.getMessage());
    }
  }

  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) return a == b;
    if (a.isNumber() && b.isNumber()) {
      return Double.doubleToLongBits(a.asDouble()) == Double.doubleToLongBits(b.asDouble());
    }
    return a.equals(b);
  }
}
