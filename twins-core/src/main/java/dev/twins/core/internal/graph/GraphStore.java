package dev.twins.core.internal.graph;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.CommitHook;
import dev.twins.core.graph.Condition;
import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.graph.GraphException.Problem;
import dev.twins.core.graph.GraphSnapshot;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PatchException;
import dev.twins.core.graph.PreconditionFailedException;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.RelationVisitor;
import dev.twins.core.graph.Subscription;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Property;
import dev.twins.core.model.Relationship;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of a twin graph and its one apply step.
 *
 * <p>Concurrency: each twin has a lock; a write to a twin (or to a relationship, which locks its
 * source and target twins in id order) validates and builds the new immutable state under those
 * locks, so writes to one twin are serialised and writes to different twins run in parallel. The
 * state is then published inside a short global commit section that assigns the sequence number,
 * updates the indexes and delivers the event to synchronous subscribers, so events are delivered
 * in commit order. Reads take no lock: they read the latest published immutable snapshot.
 */
public final class GraphStore {
  /** The longest twin or relationship id. */
  public static final int MAX_ID_LENGTH = 1024;

  /**
   * Options of a graph.
   *
   * @param cascadeDelete deleting a twin deletes its relationships first
   * @param enforceMaxMultiplicity reject relationships beyond {@code maxMultiplicity}
   * @param enforceWritable reject writes to properties that are not {@code writable}
   * @param allowSelfRelationships allow a relationship from a twin to itself
   * @param clock the clock for metadata times
   */
  public record Options(boolean cascadeDelete, boolean enforceMaxMultiplicity, boolean enforceWritable,
      boolean allowSelfRelationships, Clock clock) {
    /** Checks for nulls. */
    public Options {
      Objects.requireNonNull(clock, "clock");
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectNode NO_PROPERTIES = JSON.objectNode();
  private static final Comparator ORDER = new Comparator();
  private static final TwinAccess.Hooks HOOKS = TwinAccess.get();
  private static final TwinAccess.RelationMaker RELATIONS = TwinAccess.relations();
  /** {@link Entry#twin}, published with a release store inside the commit section. */
  private static final java.lang.invoke.VarHandle TWIN;
  /** {@link #lastSequence}, published with a release store inside the commit section. */
  private static final java.lang.invoke.VarHandle LAST_SEQUENCE;

  static {
    try {
      java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.lookup();
      TWIN = lookup.findVarHandle(Entry.class, "twin", Twin.class);
      LAST_SEQUENCE = lookup.findVarHandle(GraphStore.class, "lastSequence", long.class);
    } catch (ReflectiveOperationException ex) {
      throw new ExceptionInInitializerError(ex);
    }
  }

  private volatile Models models;
  private final Options options;
  private final IdIndex entries = new IdIndex();
  /** The fast patch's plans of twin shapes under their models. */
  private final WritePlan.Cache writePlans;
  private final java.util.function.Function<String, Entry> newEntry = k -> new Entry(k, this);
  private final ConcurrentHashMap<Dtmi, Set<String>> byModel = new ConcurrentHashMap<>();
  private final ReentrantLock commitLock = new ReentrantLock();
  private long sequence;
  private volatile long lastSequence;
  private final AtomicLong relations = new AtomicLong();
  private final AtomicLong twinCount = new AtomicLong();
  private final AtomicLong etags = new AtomicLong();
  /** The ETag numbers taken in the commit section; under {@link #commitLock}, never reset. */
  private long commitEtags;
  /** ETags are this prefix, a number from {@link #etags} in hexadecimal, and a quote. */
  private final String etagPrefix = "W/\"" + Long.toHexString(System.nanoTime() ^ System.identityHashCode(this)) + "-";
  private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<StateListener> stateListeners = new CopyOnWriteArrayList<>();

  /**
   * Told of every change inside the commit, before the change is visible to subscribers: the place
   * for indexes that must always agree with the state. Implementations must be quick and must not
   * throw.
   */
  public interface StateListener {
    /**
     * A twin changed.
     *
     * @param before the twin before, or null when it was created
     * @param after the twin after, or null when it was deleted
     */
    void twinChanged(Twin before, Twin after);

    /**
     * A relationship changed.
     *
     * @param before the relationship before, or null when it was created
     * @param after the relationship after, or null when it was deleted
     */
    void relationChanged(Relation before, Relation after);

    /**
     * The graph's model set grew (see {@link GraphStore#extendModels}); called with commits paused.
     *
     * @param models the new model set
     */
    default void modelsExtended(Models models) {}
  }

  /**
   * Moves the graph to a larger model set: every model it has, unchanged, and new ones (which no
   * twin uses yet). Takes effect between two commits; the indexes cover the new subtypes of their
   * models from then on.
   *
   * @param larger the model set
   * @throws IllegalArgumentException if a model of the graph is missing from it or differs there
   */
  public void extendModels(Models larger) {
    Objects.requireNonNull(larger, "larger");
    withCommitsPaused(() -> {
      for (Interface i : models.interfaces()) {
        Optional<Interface> j = larger.get(i.id());
        if (j.isEmpty() || !j.get().equals(i)) {
          throw new IllegalArgumentException("the larger model set must hold every model of the graph unchanged: "
              + i.id() + (j.isEmpty() ? " is missing" : " differs"));
        }
      }
      models = larger;
      for (StateListener l : stateListeners) l.modelsExtended(larger);
    });
  }

  /**
   * Adds a state listener (an index). It is told of changes from now on; to build it from the
   * current state, the caller scans {@link #twins()} under {@link #withCommitsPaused(Runnable)}.
   *
   * @param listener the listener
   */
  public void addStateListener(StateListener listener) {
    stateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Runs an action while no change commits: for building an index from a consistent state.
   *
   * @param action the action
   */
  public void withCommitsPaused(Runnable action) {
    commitLock.lock();
    try {
      action.run();
    } finally {
      commitLock.unlock();
    }
  }
  private final ThreadLocal<Boolean> delivering = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /**
   * Creates an empty graph.
   *
   * @param models the model set every twin must fit
   * @param options the options
   */
  public GraphStore(Models models, Options options) {
    this(models, options, null);
  }

  /**
   * Creates an empty graph with a commit hook.
   *
   * @param models the model set every twin must fit
   * @param options the options
   * @param hook told of every change as it commits (see {@link CommitHook}), or null
   */
  public GraphStore(Models models, Options options, CommitHook hook) {
    this.models = Objects.requireNonNull(models, "models");
    this.options = Objects.requireNonNull(options, "options");
    this.hook = hook;
    this.writePlans = new WritePlan.Cache(options.enforceWritable());
  }

  // ------------------------------------------------------------------------------------ commit hook

  private final CommitHook hook;
  /** The completions of this thread's committed changes, run when its write returns. */
  private final ThreadLocal<ArrayList<Pending>> pending = ThreadLocal.withInitial(ArrayList::new);

  /** A completion and the id of its change (for the error). */
  private record Pending(String id, CommitHook.Completion completion) {}

  /** Hands a committing change to the hook (under the commit lock, before the change is visible). */
  private void hookCommitting(ChangeEvent ev) {
    CommitHook.Completion c;
    try {
      c = hook.committing(ev);
    } catch (RuntimeException ex) {
      throw new GraphException(Code.NOT_DURABLE, ev.twinId(), "the change was refused by the graph's persistence "
          + "and not made: " + ex.getMessage(), ex);
    }
    if (c != null && c != CommitHook.Completion.none()) pending.get().add(new Pending(ev.twinId(), c));
  }

  /**
   * Runs the completions of this thread's committed changes; called by every public write as it
   * returns (normally or not), outside all locks.
   *
   * @throws GraphException with {@link Code#NOT_DURABLE} if a completion failed
   */
  private void finishWrite() {
    if (hook == null) return;
    ArrayList<Pending> list = pending.get();
    if (list.isEmpty()) return;
    Pending[] todo = list.toArray(new Pending[0]);
    list.clear();
    GraphException failure = null;
    for (Pending p : todo) {
      try {
        p.completion().complete();
      } catch (RuntimeException ex) {
        if (failure == null) {
          failure = new GraphException(Code.NOT_DURABLE, p.id(), "the change is not durable (it is in memory but "
              + "was not acknowledged, and may be lost on a crash): " + ex.getMessage(), ex);
        } else {
          failure.addSuppressed(ex);
        }
      }
    }
    if (failure != null) throw failure;
  }

  /**
   * Relationship properties for a relationship without any: one shared empty object, never changed.
   *
   * @return the empty properties
   */
  public static ObjectNode noProperties() {
    return NO_PROPERTIES;
  }

  /**
   * One twin's slot, which is also its (reentrant) lock: its latest snapshot, its resolved model
   * and its adjacency ({@link Adjacency}: arrays or maps of relationships). A twin keeps its entry
   * from its create to its delete (a replace or a model change keeps it too), and a relationship
   * can only exist while both its twins do; so the relationships stored in the graph reference
   * their source and target entries, and so do the graph's twin snapshots, and a traversal reaches
   * the twin at the other end of a relationship without looking its id up. Only the store reads
   * its state; the rest of Twins sees it as an opaque handle with an id.
   */
  public static final class Entry extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;
    final String id;
    /** The graph this entry belongs to. */
    final transient GraphStore owner;
    /** The latest snapshot; null before the create commits and after the delete. */
    volatile Twin twin;
    /** The model of {@link #twin}; written under the lock, before {@link #twin}. */
    transient Interface model;
    /**
     * The value slots and times of {@link #twin}, written with it (before it): a patch reads them
     * beside the twin rather than through it, one cache miss less on a twin not in the cache.
     * Only writers read them, and check {@link #twin} under the lock afterwards.
     */
    transient Object[] values;
    /** The times of {@link #twin} by metadata slot, or null (see {@link #values}). */
    transient Instant[] times;
    boolean removed;
    transient volatile Object out;
    transient volatile Object in;

    Entry(String id, GraphStore owner) {
      this.id = id;
      this.owner = owner;
    }

    /** @return the twin id */
    public String id() {
      return id;
    }

    boolean hasRelations() {
      return out != null || in != null;
    }

    void lock() {
      acquire(1);
    }

    /** @return whether a thread holds this twin's lock */
    boolean isLocked() {
      return getState() != 0;
    }

    void unlock() {
      release(1);
    }

    @Override
    protected boolean tryAcquire(int n) {
      Thread me = Thread.currentThread();
      int c = getState();
      if (c == 0) {
        if (compareAndSetState(0, n)) {
          setExclusiveOwnerThread(me);
          return true;
        }
        return false;
      }
      if (getExclusiveOwnerThread() == me) {
        setState(c + n);
        return true;
      }
      return false;
    }

    @Override
    protected boolean tryRelease(int n) {
      if (getExclusiveOwnerThread() != Thread.currentThread()) throw new IllegalMonitorStateException();
      int c = getState() - n;
      if (c == 0) setExclusiveOwnerThread(null);
      setState(c);
      return c == 0;
    }

    @Override
    protected boolean isHeldExclusively() {
      return getExclusiveOwnerThread() == Thread.currentThread();
    }
  }

  /** Orders entries by id, the lock order. */
  private static final class Comparator implements java.util.Comparator<Entry> {
    @Override
    public int compare(Entry a, Entry b) {
      return a.id.compareTo(b.id);
    }
  }

  // ------------------------------------------------------------------------------------ reads

  /** @return the model set */
  public Models models() {
    return models;
  }

  /** @return the options */
  public Options options() {
    return options;
  }

  /**
   * Reads a twin; never blocks.
   *
   * @param id the id
   * @return the latest snapshot, if the twin exists
   */
  public Optional<Twin> get(String id) {
    Entry e = entries.get(id);
    Twin t = e == null ? null : e.twin;
    return t == null ? Optional.empty() : Optional.of(t);
  }

  /** @return the number of twins */
  public int twinCount() {
    return (int) twinCount.get();
  }

  /** @return the number of relationships */
  public long relationCount() {
    return relations.get();
  }

  /** @return the sequence number of the last committed change, 0 for a new graph */
  public long lastSequence() {
    return lastSequence;
  }

  /** @return every twin, in no particular order */
  public List<Twin> twins() {
    List<Twin> out = new ArrayList<>();
    entries.forEach(e -> {
      Twin t = e.twin;
      if (t != null) out.add(t);
    });
    return out;
  }

  /**
   * Returns the twins whose model is the given one or extends it, from the model index.
   *
   * @param model an Interface DTMI
   * @return the twins
   */
  public List<Twin> twinsOfModel(Dtmi model) {
    List<Twin> out = new ArrayList<>();
    for (Dtmi m : models.subtypes(model)) {
      Set<String> ids = byModel.get(m);
      if (ids == null) continue;
      for (String id : ids) get(id).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Counts the twins of a model from the model index, without reading them.
   *
   * @param model an Interface DTMI
   * @param exact only twins of exactly this model, not of the models that extend it
   * @return the number of twins
   */
  public long countOfModel(Dtmi model, boolean exact) {
    if (exact) {
      Set<String> ids = byModel.get(model);
      return ids == null ? 0 : ids.size();
    }
    long n = 0;
    for (Dtmi m : models.subtypes(model)) {
      Set<String> ids = byModel.get(m);
      if (ids != null) n += ids.size();
    }
    return n;
  }

  /**
   * Visits the twins of a model from the model index, without building a list.
   *
   * @param model an Interface DTMI
   * @param exact only twins of exactly this model, not of the models that extend it
   * @param action called with each twin
   */
  public void forEachOfModel(Dtmi model, boolean exact, Consumer<? super Twin> action) {
    if (exact) {
      visitModel(model, action);
      return;
    }
    for (Dtmi m : models.subtypes(model)) visitModel(m, action);
  }

  private void visitModel(Dtmi m, Consumer<? super Twin> action) {
    Set<String> ids = byModel.get(m);
    if (ids == null) return;
    for (String id : ids) {
      Entry e = entries.get(id);
      Twin t = e == null ? null : e.twin;
      // a twin whose model changed since the index was read is visited under its new model only
      if (t != null && t.model().equals(m)) action.accept(t);
    }
  }

  /**
   * Visits a twin's outgoing relationships, optionally of one name, in no particular order,
   * without copying or sorting them.
   *
   * @param id the source twin
   * @param name a Relationship name, or null for all
   * @param action called with each relationship
   * @return false when the twin does not exist (nothing is visited)
   */
  public boolean forEachOutgoing(String id, String name, Consumer<? super Relation> action) {
    Entry e = entries.get(id);
    if (e == null || e.twin == null) return false;
    Adjacency.forEach(e.out, name, action);
    return true;
  }

  /**
   * Visits a twin's incoming relationships, optionally of one name, in no particular order,
   * without copying or sorting them.
   *
   * @param id the target twin
   * @param name a Relationship name, or null for all
   * @param action called with each relationship
   * @return false when the twin does not exist (nothing is visited)
   */
  public boolean forEachIncoming(String id, String name, Consumer<? super Relation> action) {
    Entry e = entries.get(id);
    if (e == null || e.twin == null) return false;
    Adjacency.forEach(e.in, name, action);
    return true;
  }

  /**
   * Visits a twin's outgoing or incoming relationships, optionally of one name, with the current
   * state of the twin at their other end, read through the entry each stored relationship
   * references (no lookup by id, no allocation).
   *
   * @param id the twin
   * @param name a Relationship name, or null for all
   * @param outgoing outgoing (the other twin is the target) or incoming (the source)
   * @param visitor the visitor
   * @return false when the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachTwin(String id, String name, boolean outgoing, RelationVisitor visitor) {
    Entry e = entries.get(id);
    if (e == null || e.twin == null) return true;
    return Adjacency.forEachTwin(outgoing ? e.out : e.in, name, !outgoing, visitor);
  }

  /**
   * Like {@link #forEachTwin(String, String, boolean, RelationVisitor)}, from a twin snapshot: a
   * snapshot this graph made reaches its entry directly; any other (another graph's, or one whose
   * twin was deleted since) is looked up by its id.
   *
   * @param from the twin
   * @param name a Relationship name, or null for all
   * @param outgoing outgoing or incoming
   * @param visitor the visitor
   * @return false when the visitor stopped the visit
   */
  public boolean forEachTwin(Twin from, String name, boolean outgoing, RelationVisitor visitor) {
    Entry e = HOOKS.entry(from);
    if (e == null || e.owner != this || e.twin == null) return forEachTwin(from.id(), name, outgoing, visitor);
    return Adjacency.forEachTwin(outgoing ? e.out : e.in, name, !outgoing, visitor);
  }

  /**
   * Like {@link #forEachTwin(Twin, String, boolean, RelationVisitor)}, handing over only the twins
   * at the other ends (the relationship objects are not read).
   *
   * @param from the twin
   * @param name a Relationship name, or null for all
   * @param outgoing outgoing or incoming
   * @param visitor called with each other twin; false stops the visit
   * @return false when the visitor stopped the visit; true otherwise, also when the twin does not exist
   */
  public boolean forEachOther(Twin from, String name, boolean outgoing, Predicate<? super Twin> visitor) {
    Entry e = HOOKS.entry(from);
    if (e == null || e.owner != this || e.twin == null) {
      e = entries.get(from.id());
      if (e == null || e.twin == null) return true;
    }
    return Adjacency.forEachOther(outgoing ? e.out : e.in, name, !outgoing, visitor);
  }

  /**
   * The twins at the other ends of the relationships of one name of many twins, found phase by
   * phase over all of them (see {@link #others}): row by row, in adjacency order.
   */
  public static final class Others {
    int[] rows;
    Entry[] entries;
    /** The twins; null entries for twins deleted meanwhile. */
    Twin[] twins;
    int size;

    Others(int capacity) {
      rows = new int[Math.max(capacity, 16)];
      entries = new Entry[rows.length];
    }

    void add(int row, Entry e) {
      if (size == rows.length) {
        rows = java.util.Arrays.copyOf(rows, size * 2);
        entries = java.util.Arrays.copyOf(entries, size * 2);
      }
      rows[size] = row;
      entries[size++] = e;
    }

    /** @return how many were found */
    public int size() {
      return size;
    }

    /**
     * @param i an index below {@link #size()}
     * @return the index of the twin (in the array given) that the {@code i}-th one was found from
     */
    public int row(int i) {
      return rows[i];
    }

    /**
     * @param i an index below {@link #size()}
     * @return the {@code i}-th twin found, or null when it was deleted meanwhile
     */
    public Twin twin(int i) {
      return twins[i];
    }
  }

  /**
   * Like {@link #forEachOther} for many twins at once, for a batch of query rows: first the entry
   * and adjacency of every twin, then the entries at the other ends, then their twins, each phase
   * a loop over all of them whose memory reads do not wait on each other (a twin's chain of
   * dependent reads is spread over the phases instead of being followed one twin at a time).
   *
   * @param from the twins (of this graph, or their ids looked up)
   * @param n how many of {@code from}
   * @param name the Relationship name
   * @param outgoing outgoing or incoming
   * @return the twins found, by row in order
   */
  public Others others(Twin[] from, int n, String name, boolean outgoing) {
    Entry[] from0 = new Entry[n];
    for (int k = 0; k < n; k++) from0[k] = HOOKS.entry(from[k]);
    Object[] adj = new Object[n];
    for (int k = 0; k < n; k++) {
      Entry e = from0[k];
      if (e == null || e.owner != this || e.twin == null) {
        e = entries.get(from[k].id());
        if (e == null || e.twin == null) continue;
      }
      adj[k] = outgoing ? e.out : e.in;
    }
    // the adjacency arrays' sizes bound the number found: reading them all first loads every
    // array at once, and the gathering is made large enough
    int bound = 0;
    for (int k = 0; k < n; k++) {
      Object a = adj[k];
      if (a instanceof Object[]) bound += ((Object[]) a).length >> 1;
    }
    Others g = new Others(bound);
    for (int k = 0; k < n; k++) Adjacency.gatherOthers(adj[k], name, !outgoing, k, g);
    Twin[] twins = new Twin[g.size];
    Entry[] es = g.entries;
    for (int i = 0; i < twins.length; i++) twins[i] = es[i].twin;
    g.twins = twins;
    return g;
  }

  /**
   * Returns a relationship.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @return the relationship, if it exists
   */
  public Optional<Relation> relation(String sourceId, String relationshipId) {
    Entry e = entries.get(sourceId);
    return e == null ? Optional.empty() : Optional.ofNullable(Adjacency.get(e.out, null, relationshipId));
  }

  /**
   * Lists a twin's outgoing relationships.
   *
   * @param id the source twin
   * @param name a Relationship name, or null for all
   * @return the relationships, sorted by id
   */
  public List<Relation> outgoing(String id, String name) {
    Entry e = requireEntry(id);
    return select(e.out, name);
  }

  /**
   * Lists a twin's incoming relationships.
   *
   * @param id the target twin
   * @param name a Relationship name, or null for all
   * @return the relationships, sorted by source and id
   */
  public List<Relation> incoming(String id, String name) {
    Entry e = requireEntry(id);
    return select(e.in, name);
  }

  /**
   * Returns a twin's outgoing relationships without copying or sorting them, for views that run
   * graph algorithms: an unmodifiable live view of the twin's adjacency map.
   *
   * @param id the source twin
   * @return the relationships, in no particular order; null when the twin does not exist
   */
  public Collection<Relation> outgoingView(String id) {
    Entry e = entries.get(id);
    if (e == null || e.twin == null) return null;
    return Adjacency.view(e.out);
  }

  /**
   * Returns a twin's incoming relationships without copying or sorting them (see
   * {@link #outgoingView}).
   *
   * @param id the target twin
   * @return the relationships, in no particular order; null when the twin does not exist
   */
  public Collection<Relation> incomingView(String id) {
    Entry e = entries.get(id);
    if (e == null || e.twin == null) return null;
    return Adjacency.view(e.in);
  }

  private static List<Relation> select(Object adj, String name) {
    if (adj == null) return List.of();
    List<Relation> out = new ArrayList<>();
    for (Relation r : Adjacency.view(adj)) if (name == null || r.name().equals(name)) out.add(r);
    out.sort((a, b) -> {
      int c = a.sourceId().compareTo(b.sourceId());
      return c != 0 ? c : a.id().compareTo(b.id());
    });
    return out;
  }

  private Entry requireEntry(String id) {
    Entry e = entries.get(id);
    if (e == null || e.twin == null) throw new GraphException(Code.TWIN_NOT_FOUND, id, "no such twin");
    return e;
  }

  // ------------------------------------------------------------------------------------ twins

  /**
   * Creates or replaces a twin.
   *
   * @param id the twin id
   * @param model the model
   * @param given properties and components (without {@code $} members); taken over
   * @param sourceTimes source times by property key ({@code name} or {@code component/name})
   * @param condition the precondition
   * @return the new snapshot
   */
  public Twin put(String id, Dtmi model, ObjectNode given, Map<String, Instant> sourceTimes, Condition condition) {
    return put(id, model, given, sourceTimes, condition, null);
  }

  /**
   * Creates or replaces a twin, live or as a replay of a recorded change.
   *
   * @param id the twin id
   * @param model the model
   * @param given properties and components (without {@code $} members); taken over
   * @param sourceTimes source times by property key ({@code name} or {@code component/name})
   * @param condition the precondition
   * @param replay null for a live write; else the recorded {@link ChangeEvent.TwinCreated} or
   *     {@link ChangeEvent.TwinUpdated} whose resulting twin this write must reproduce: its
   *     sequence, time, ETag, version and per-property metadata are taken over, not made anew
   * @return the new snapshot
   */
  public Twin put(String id, Dtmi model, ObjectNode given, Map<String, Instant> sourceTimes, Condition condition,
      ChangeEvent replay) {
    return put(id, model, given, sourceTimes, List.of(), condition, replay);
  }

  /**
   * Creates or replaces a twin with the device members of its property metadata.
   *
   * @param id the twin id
   * @param model the model
   * @param given properties and components (without {@code $} members); taken over
   * @param sourceTimes source times by property key ({@code name} or {@code component/name})
   * @param deviceMembers {@code add} operations on {@code /$metadata/<property>/desiredValue} and the
   *     other members of {@link DeviceMetadataPatch#MEMBERS}
   * @param condition the precondition
   * @return the new snapshot
   */
  public Twin put(String id, Dtmi model, ObjectNode given, Map<String, Instant> sourceTimes,
      List<JsonPatch.Operation> deviceMembers, Condition condition) {
    return put(id, model, given, sourceTimes, deviceMembers, condition, null);
  }

  private Twin put(String id, Dtmi model, ObjectNode given, Map<String, Instant> sourceTimes,
      List<JsonPatch.Operation> deviceMembers, Condition condition, ChangeEvent replay) {
    try {
      return putNow(id, model, given, sourceTimes, deviceMembers, condition, replay);
    } finally {
      finishWrite();
    }
  }

  private Twin putNow(String id, Dtmi model, ObjectNode given, Map<String, Instant> sourceTimes,
      List<JsonPatch.Operation> deviceMembers, Condition condition, ChangeEvent replay) {
    Twin recorded = replay == null ? null : replayedTwin(replay);
    checkId(id, "twin");
    Interface iface = model(id, model);
    ObjectNode doc = withoutComponentMetadata(iface, given);
    List<Problem> problems = TwinValidator.whole(iface, doc, true);
    if (!problems.isEmpty()) throw TwinValidator.failure(id, "the twin", problems);
    if (options.enforceWritable() && replay == null) checkWritable(id, iface, doc, names(doc));
    while (true) {
      Entry e = entries.computeIfAbsent(id, newEntry);
      e.lock();
      try {
        if (e.removed) continue;
        Twin old = e.twin;
        check(id, condition, old);
        Instant now = replay == null ? options.clock().instant() : replay.time();
        long version = old == null ? 1 : old.version() + 1;
        Twin t;
        if (recorded == null) {
          List<String> keys = propertyKeys(iface, doc);
          Instant[] sts = null;
          if (!sourceTimes.isEmpty()) {
            for (int i = 0; i < keys.size(); i++) {
              Instant st = sourceTimes.get(keys.get(i));
              if (st == null) continue;
              if (sts == null) sts = new Instant[keys.size()];
              sts[i] = st;
            }
          }
          t = twin(e, iface.id(), nextEtag(), version, now, doc, keys.toArray(new String[0]), null, sts);
          if (!deviceMembers.isEmpty()) {
            Map<String, PropertyMetadata> meta = new LinkedHashMap<>(t.metadata());
            DeviceMetadataPatch.apply(id, iface, doc, deviceMembers, meta, now);
            t = twin(e, iface.id(), nextEtag(), version, now, doc, meta);
          }
        } else {
          checkReplayedTwin(recorded, iface, doc, version);
          t = HOOKS.withEntry(new Twin(id, iface.id(), recorded.etag(), version, now, doc, recorded.metadata()), e);
        }
        try {
          commitTwin(replay, e, old, t, iface, null);
        } catch (Stale stale) {
          continue; // a fast patch committed in between: start again from its state
        }
        return t;
      } finally {
        release(e);
      }
    }
  }

  /**
   * Applies a JSON Patch to a twin, atomically.
   *
   * @param id the twin id
   * @param patch the patch, on the twin's JSON ({@code /$metadata/$model} and
   *     {@code /$metadata/<property>/sourceTime} included)
   * @param condition the precondition
   * @return the new snapshot
   */
  public Twin patch(String id, JsonPatch patch, Condition condition) {
    try {
      return patchNow(id, patch, condition);
    } finally {
      finishWrite();
    }
  }

  private Twin patchNow(String id, JsonPatch patch, Condition condition) {
    Entry e = requireEntry(id);
    Twin fast = fastPatch(e, patch, condition);
    if (fast != null) return fast;
    while (true) {
      try {
        return patchLocked(id, e, patch, condition);
      } catch (Stale stale) {
        // a fast patch committed in between: start again from its state
      }
    }
  }

  /** The general patch, under the twin's lock. */
  private Twin patchLocked(String id, Entry e, JsonPatch patch, Condition condition) {
    e.lock();
    try {
      Twin old = e.twin;
      if (old == null) throw new GraphException(Code.TWIN_NOT_FOUND, id, "no such twin");
      check(id, condition, old);
      ObjectNode oldDoc = HOOKS.document(old);
      Dtmi newModel = null;
      Map<String, Optional<Instant>> sourceTimes = null;
      List<JsonPatch.Operation> deviceOps = null;
      List<JsonPatch.Operation> docOps = patch.operations();
      boolean onlyDocument = true;
      for (JsonPatch.Operation op : docOps) {
        if (op.path().isEmpty() || op.path().startsWith("/$") || op.path().contains("/$metadata/")) {
          onlyDocument = false;
          break;
        }
      }
      if (!onlyDocument) {
        // split off the metadata operations; most patches have none and skip this
        docOps = new ArrayList<>();
        sourceTimes = new LinkedHashMap<>();
        for (JsonPatch.Operation op : patch.operations()) {
          String path = op.path();
          if (path.equals("/$metadata/$model")) {
            newModel = modelOf(id, op);
          } else if (path.endsWith("/sourceTime") && path.contains("$metadata/")) {
            sourceTime(id, op, sourceTimes);
          } else if (DeviceMetadataPatch.handles(path)) {
            if (deviceOps == null) deviceOps = new ArrayList<>();
            deviceOps.add(op);
          } else if (path.startsWith("/$") || path.isEmpty()) {
            throw new GraphException(Code.INVALID_PATCH, id, "path " + path + " cannot be patched; only properties, "
                + "components, /$metadata/$model and /$metadata/<property>/sourceTime (or a device member such as "
                + "desiredValue) can");
          } else {
            docOps.add(op);
          }
        }
      }
      ObjectNode doc;
      try {
        doc = docOps.isEmpty() ? oldDoc : PatchApplier.apply(oldDoc, onlyDocument ? patch : JsonPatch.of(docOps));
      } catch (PatchException ex) {
        throw new GraphException(Code.INVALID_PATCH, id, ex.getMessage());
      }
      Interface iface = newModel == null || newModel.equals(e.model.id()) ? e.model : model(id, newModel);
      doc = withoutComponentMetadata(iface, doc);
      String[] tokens = new String[docOps.size()];
      for (int i = 0; i < tokens.length; i++) tokens[i] = firstToken(docOps.get(i).path());
      Collection<String> touched = tokens.length == 1 ? List.of(tokens[0])
          : new LinkedHashSet<>(java.util.Arrays.asList(tokens));
      List<Problem> problems = iface == e.model ? TwinValidator.members(iface, doc, touched)
          : TwinValidator.whole(iface, doc, true);
      if (!problems.isEmpty()) throw TwinValidator.failure(id, "the twin after the patch", problems);
      if (options.enforceWritable()) checkWritable(id, iface, doc, touched);
      Instant now = options.clock().instant();
      Map<String, PropertyMetadata> meta = new LinkedHashMap<>(old.metadata());
      // properties can only disappear by a remove, or by writing a whole component or object above them
      boolean mayRemove = false;
      for (int i = 0; i < tokens.length; i++) {
        JsonPatch.Operation op = docOps.get(i);
        if (op.op() == JsonPatch.Op.TEST) continue;
        boolean component = iface.contents().get(tokens[i]) instanceof Component;
        mayRemove |= op.op() == JsonPatch.Op.REMOVE || component;
        String key = component ? metadataKey(iface, op.path()) : tokens[i];
        if (key != null) {
          touch(meta, key, now);
        } else if (op.op() != JsonPatch.Op.REMOVE && doc.get(tokens[i]) != null) {
          // a whole component was written: each of its properties was
          String c = tokens[i];
          for (Iterator<String> it = doc.get(c).propertyNames().iterator(); it.hasNext(); ) touch(meta, c + "/" + it.next(), now);
        }
      }
      boolean setsSourceTimes = sourceTimes != null && !sourceTimes.isEmpty();
      Set<String> present = mayRemove || setsSourceTimes ? new LinkedHashSet<>(propertyKeys(iface, doc)) : null;
      if (mayRemove) DeviceMetadataPatch.retainSet(meta, present);
      for (Map.Entry<String, Optional<Instant>> st : setsSourceTimes ? sourceTimes.entrySet()
          : Set.<Map.Entry<String, Optional<Instant>>>of()) {
        PropertyMetadata pm = meta.get(st.getKey());
        if (pm == null) {
          if (!present.contains(st.getKey())) {
            throw new GraphException(Code.INVALID_PATCH, id, "sourceTime of '" + st.getKey()
                + "' cannot be set: the property is not set");
          }
          pm = new PropertyMetadata(now, Optional.empty());
        }
        meta.put(st.getKey(), pm.withSourceTime(st.getValue()));
      }
      if (deviceOps != null) DeviceMetadataPatch.apply(id, iface, doc, deviceOps, meta, now);
      Twin t = twin(e, iface.id(), nextEtag(), old.version() + 1, now, doc, meta);
      commitTwin(null, e, old, t, iface, patch);
      return t;
    } finally {
      e.unlock();
    }
  }

  /**
   * Deletes a twin.
   *
   * @param id the twin id
   * @param condition the precondition
   */
  public void delete(String id, Condition condition) {
    delete(id, condition, null);
  }

  /**
   * Deletes a twin, live or as a replay of a recorded {@link ChangeEvent.TwinDeleted} (whose
   * sequence and time are taken over).
   *
   * @param id the twin id
   * @param condition the precondition
   * @param replay null for a live write, else the recorded event
   */
  public void delete(String id, Condition condition, ChangeEvent replay) {
    try {
      deleteNow(id, condition, replay);
    } finally {
      finishWrite();
    }
  }

  private void deleteNow(String id, Condition condition, ChangeEvent replay) {
    while (true) {
      Entry e = requireEntry(id);
      if (options.cascadeDelete() && e.hasRelations()) {
        check(id, condition, e.twin);
        for (Relation r : select(e.out, null)) deleteRelationIfPresent(r);
        for (Relation r : select(e.in, null)) deleteRelationIfPresent(r);
      }
      e.lock();
      try {
        Twin old = e.twin;
        if (old == null) throw new GraphException(Code.TWIN_NOT_FOUND, id, "no such twin");
        check(id, condition, old);
        if (e.hasRelations()) {
          if (options.cascadeDelete()) continue;
          throw new GraphException(Code.HAS_RELATIONSHIPS, id, "the twin has " + Adjacency.size(e.out)
              + " outgoing and " + Adjacency.size(e.in) + " incoming relationships; delete them first "
              + "(or open the graph with cascade delete)");
        }
        Instant now = replay == null ? options.clock().instant() : replay.time();
        commit(replay, () -> {
          for (StateListener l : stateListeners) l.twinChanged(old, null);
          e.twin = null;
          e.values = null;
          e.times = null;
          e.removed = true;
          entries.remove(e);
          twinCount.decrementAndGet();
          Set<String> ids = byModel.get(old.model());
          if (ids != null) ids.remove(id);
        }, seq -> new ChangeEvent.TwinDeleted(seq, now, old), e, old);
        return;
      } catch (Stale stale) {
        continue; // a fast patch committed in between: check the twin again
      } finally {
        e.unlock();
      }
    }
  }

  private void deleteRelationIfPresent(Relation r) {
    try {
      deleteRelation(r.sourceId(), r.id(), Condition.none());
    } catch (GraphException ex) {
      if (ex.code() != Code.RELATIONSHIP_NOT_FOUND && ex.code() != Code.TWIN_NOT_FOUND) throw ex;
    }
  }

  /**
   * A component written as {@code {"$metadata": {}, ...}} (as ADT initialises components) holds no
   * data in {@code $metadata}: returns the document without it, copying only what changes (documents
   * share subtrees with earlier states and with patches, so nothing is changed in place).
   */
  private static ObjectNode withoutComponentMetadata(Interface model, ObjectNode doc) {
    ObjectNode result = doc;
    for (Component c : model.components()) {
      JsonNode v = doc.get(c.name());
      if (v == null || !v.isObject() || !v.has("$metadata")) continue;
      ObjectNode clean = JSON.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("$metadata")) clean.set(e.getKey(), e.getValue());
      }
      if (result == doc) {
        result = JSON.objectNode();
        result.setAll(doc);
      }
      result.set(c.name(), clean);
    }
    return result;
  }

  private static void touch(Map<String, PropertyMetadata> meta, String key, Instant now) {
    PropertyMetadata pm = meta.get(key);
    meta.put(key, pm == null ? new PropertyMetadata(now, Optional.empty()) : pm.withLastUpdateTime(now));
  }

  /**
   * Sets one numeric property: the same change, checks and event as a patch of one {@code add}
   * operation of the value at {@code /name}, without the patch when it can be done the fast way
   * (the property is set, top-level, of a primitive schema the value fits): the event's patch is
   * then made only if someone listens.
   *
   * @param id the twin id
   * @param name the property name, or {@code component/property}
   * @param value the value
   * @return the new snapshot
   */
  public Twin setNumber(String id, String name, double value) {
    try {
      if (Double.isFinite(value) && name.indexOf('/') < 0) {
        Twin t = fastSet(requireEntry(id), name, value);
        if (t != null) return t;
      }
      return patchNow(id, JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.ADD, "/" + name,
          Optional.of(JSON.numberNode(value)))), Condition.none());
    } finally {
      finishWrite();
    }
  }

  /**
   * {@link #setNumber} the fast way, as {@link #fastPatch}; null when it cannot be done so. The
   * value's JSON node is made only for a schema other than {@code double} (to check it) or for
   * someone who listens; the twin's value references are shared with the old snapshot when the
   * number keeps its kind and place (both snapshots are immutable).
   */
  private Twin fastSet(Entry e, String name, double value) {
    Twin old = e.twin;
    Interface iface = e.model;
    Object[] oldValues = e.values;
    Instant[] oldTimes = e.times;
    if (old == null || iface == null || oldValues == null) return null;
    TwinShape shape = HOOKS.shape(old);
    WritePlan plan = writePlans.get(shape, iface);
    int slot = plan.slotOfName(name);
    if (slot < 0) return null;
    // the canonical value: a double, 0.0 for either zero
    double d = value == 0.0 ? 0.0 : value;
    JsonNode v = null;
    if (!plan.takesAnyDouble(slot)) {
      v = PatchValues.canonical(JSON.numberNode(d));
      if (!plan.fits(slot, v)) return null;
    }
    // a number replaces a number in its place; where there was none, the general way
    Object r = oldValues[slot];
    if (!(r instanceof PackedValues.Num)) return null;
    Instant now = options.clock().instant();
    int index = ((PackedValues.Num) r).index();
    PackedValues.Num marker = PackedValues.num(PackedValues.Num.DOUBLE, index);
    Object[] values = oldValues;
    if (marker != r) {
      values = oldValues.clone();
      values[slot] = marker;
    }
    long[] nums = HOOKS.nums(old).clone();
    nums[index] = Double.doubleToRawLongBits(d);
    Instant[] times;
    if (oldTimes == null) {
      if (shape.metaSize() == 1) {
        times = null; // the one property, written now
      } else {
        times = new Instant[shape.metaSize()];
        java.util.Arrays.fill(times, old.lastUpdateTime());
      }
    } else {
      times = oldTimes.clone();
    }
    if (times != null) {
      times[shape.metaOfSlot(slot)] = now;
      if (allSame(times, now)) times = null;
    }
    return commitFast(e, old, iface, oldValues, shape, values, nums, times, now, null, name, v, d, Condition.none());
  }

  /**
   * The patch of the common case, without building a document: every operation is an {@code add}
   * or {@code replace} of a top-level property that is set and has a primitive schema, with a
   * value that fits it. Copies the value slots and the times, nothing else.
   *
   * <p>Optimistic: the new values and times are made from the twin's latest snapshot before its
   * lock is taken (so the loads of a twin that is not in the cache all start at once, none waits
   * for the lock's fence), then the lock is taken and the snapshot checked to be still the latest;
   * the ETag, the new snapshot and the commit follow under the lock, as in every write.
   *
   * @return the new snapshot, committed; null when the patch is not of this kind (or a value does
   *     not fit, or the twin changed meanwhile: the general path then applies or reports it), and
   *     nothing has changed
   * @throws PreconditionFailedException if the condition does not hold
   */
  private Twin fastPatch(Entry e, JsonPatch patch, Condition condition) {
    List<JsonPatch.Operation> ops = patch.operations();
    int n = ops.size();
    if (n == 0 || n > 8) return null;
    Twin old = e.twin;
    Interface iface = e.model;
    Object[] oldValues = e.values;
    Instant[] oldTimes = e.times;
    if (old == null || iface == null || oldValues == null) return null;
    TwinShape shape = HOOKS.shape(old);
    WritePlan plan = writePlans.get(shape, iface);
    Object[] values = null;
    long[] nums = null;
    Instant[] times = null;
    Instant now = null;
    for (int k = 0; k < n; k++) {
      JsonPatch.Operation op = ops.get(k);
      if (op.op() != JsonPatch.Op.REPLACE && op.op() != JsonPatch.Op.ADD) return null;
      int slot = plan.slotOfPath(op.path());
      if (slot < 0) return null;
      int meta = shape.metaOfSlot(slot);
      JsonNode v = op.value().orElse(null);
      if (v == null || v.isContainer() || !plan.fits(slot, v)) return null;
      if (values == null) {
        now = options.clock().instant();
        values = oldValues.clone();
        long[] oldNums = HOOKS.nums(old);
        nums = oldNums == null ? null : oldNums.clone();
        if (oldTimes == null) {
          times = new Instant[shape.metaSize()];
          java.util.Arrays.fill(times, old.lastUpdateTime());
        } else {
          times = oldTimes.clone();
        }
      }
      // a number replaces a number in its place in the numbers array, anything else a reference;
      // a number where there was none, or the reverse, goes the general way
      Object r = values[slot];
      int kind = PackedValues.numberKind(v);
      if (r instanceof PackedValues.Num) {
        if (kind < 0) return null;
        int index = ((PackedValues.Num) r).index();
        nums[index] = PackedValues.bits(v, kind);
        values[slot] = PackedValues.num((byte) kind, index);
      } else {
        if (kind >= 0) return null;
        values[slot] = PackedValues.ref(v);
      }
      times[meta] = now;
    }
    return commitFast(e, old, iface, oldValues, shape, values, nums, allSame(times, now) ? null : times, now,
        patch, null, null, 0, condition);
  }

  /**
   * Commits a {@link #fastPatch fast patch} in the commit section alone, without the twin's lock:
   * it is made only if no other write holds the twin's lock and the twin's snapshot is still the
   * one the patch was made from. A write holding the lock checks in its own commit that its
   * snapshot is still the latest ({@link Stale}), so the twin's writes stay serialised and none is
   * lost; a patch needs two atomic instructions fewer than with the lock.
   *
   * <p>The new snapshot is made here, in the commit section, once the patch is certain to commit:
   * its ETag's number comes from {@link #commitEtags}, a plain counter of this section, rather
   * than from the atomic {@link #etags} (an atomic instruction, and a wait for the stores before
   * it, less per patch).
   *
   * @param patch the patch, or null for a {@link #setNumber}: then its event's patch (an {@code add} of
   *     {@code setValue}, or of {@code setDouble} when that is null, at {@code /setName}) is made only
   *     if someone listens
   * @return the new snapshot, committed; null when it must go the general way
   * @throws PreconditionFailedException if the condition does not hold
   */
  private Twin commitFast(Entry e, Twin old, Interface iface, Object[] oldValues, TwinShape shape,
      Object[] values, long[] nums, Instant[] times, Instant now, JsonPatch patch, String setName, JsonNode setValue,
      double setDouble, Condition condition) {
    boolean subscribed = !listeners.isEmpty();
    if (subscribed && delivering.get()) {
      throw new IllegalStateException("a synchronous subscriber cannot write to the graph it listens to; "
          + "subscribe with an executor instead");
    }
    commitLock.lock();
    try {
      // a write in between (a patch, a replace, a model change, the delete), or one in progress,
      // sends the patch the general way
      if (e.isLocked() || e.twin != old || e.model != iface || e.values != oldValues) return null;
      check(e.id, condition, old);
      long seq = sequence + 1;
      Twin t = HOOKS.createPacked(e.id, old.model(), etagPrefix, commitEtag(), old.version() + 1, now, shape,
          values, nums, times, HOOKS.sourceTimes(old), e);
      t = DeviceMetadataPatch.carry(old, t);
      ChangeEvent ev = null;
      if (hook != null) {
        ev = twinEvent(null, seq, old, t, patch != null ? patch : setPatch(setName, setValue, setDouble));
        hookCommitting(ev);
      }
      sequence = seq;
      publish(e, old, t, iface);
      LAST_SEQUENCE.setRelease(this, seq);
      if (!listeners.isEmpty()) {
        deliver(ev != null ? ev : twinEvent(null, seq, old, t, patch != null ? patch : setPatch(setName, setValue, setDouble)));
      }
      return t;
    } finally {
      commitLock.unlock();
    }
  }

  /** The patch of a {@link #setNumber}, for its event: an {@code add} of the value, or of the double when it is null. */
  private static JsonPatch setPatch(String name, JsonNode value, double d) {
    return JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.ADD, "/" + name,
        Optional.of(value != null ? value : JSON.numberNode(d))));
  }

  /**
   * Whether every time is this very {@code Instant}: the patch wrote every property. Compares
   * references only (the earlier times are separate objects scattered over the heap, and reading
   * each would be a cache miss); a time equal to {@code now} by value but not the same object
   * merely keeps the array, which means the same metadata.
   */
  private static boolean allSame(Instant[] times, Instant now) {
    for (Instant t : times) if (t != now) return false;
    return true;
  }

  private static boolean allEqual(Instant[] times, Instant now) {
    for (Instant t : times) if (t != now && !t.equals(now)) return false;
    return true;
  }

  /** Makes a twin with a derived ETag from a document and its metadata keys, in order. */
  private Twin twin(Entry e, Dtmi model, long etag, long version, Instant now, ObjectNode doc, String[] metaKeys,
      Instant[] times, Instant[] sourceTimes) {
    String[] names = new String[doc.size()];
    JsonNode[] values = new JsonNode[names.length];
    int i = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.properties().iterator(); it.hasNext(); i++) {
      Map.Entry<String, JsonNode> en = it.next();
      names[i] = en.getKey();
      values[i] = en.getValue();
    }
    return HOOKS.create(e.id, model, etagPrefix, etag, version, now, TwinShape.of(names, metaKeys), values, times,
        sourceTimes, e);
  }

  /** Makes a twin with a derived ETag from a document and its metadata. */
  private Twin twin(Entry e, Dtmi model, long etag, long version, Instant now, ObjectNode doc,
      Map<String, PropertyMetadata> meta) {
    String[] keys = new String[meta.size()];
    Instant[] times = new Instant[keys.length];
    Instant[] sourceTimes = null;
    int i = 0;
    for (Map.Entry<String, PropertyMetadata> en : meta.entrySet()) {
      keys[i] = en.getKey();
      times[i] = en.getValue().lastUpdateTime();
      if (en.getValue().sourceTime().isPresent()) {
        if (sourceTimes == null) sourceTimes = new Instant[keys.length];
        sourceTimes[i] = en.getValue().sourceTime().get();
      }
      i++;
    }
    Twin t = twin(e, model, etag, version, now, doc, keys, allEqual(times, now) ? null : times, sourceTimes);
    return DeviceMetadataPatch.attach(t, meta);
  }

  private void publish(Entry e, Twin old, Twin t, Interface iface) {
    // each store into the (old) entry costs a write barrier: skip the ones that change nothing
    if (e.model != iface) e.model = iface;
    Object[] values = HOOKS.refs(t);
    if (e.values != values) e.values = values;
    Instant[] times = HOOKS.times(t);
    if (e.times != times) e.times = times;
    // a release store: the commit section's unlock, a full fence, follows before the write returns
    TWIN.setRelease(e, t);
    if (old == null) twinCount.incrementAndGet();
    for (StateListener l : stateListeners) l.twinChanged(old, t);
    if (old == null || !old.model().equals(t.model())) {
      if (old != null) {
        Set<String> ids = byModel.get(old.model());
        if (ids != null) ids.remove(e.id);
      }
      Set<String> ids = byModel.get(t.model());
      if (ids == null) ids = byModel.computeIfAbsent(t.model(), k -> ConcurrentHashMap.newKeySet());
      ids.add(e.id);
    }
  }

  // ------------------------------------------------------------------------------------ relationships

  /**
   * Creates or replaces a relationship.
   *
   * @param sourceId the source twin
   * @param relationshipId the id, unique per source twin
   * @param name the Relationship name on the source twin's model
   * @param targetId the target twin
   * @param props the relationship's properties; taken over
   * @param condition the precondition
   * @return the new snapshot
   */
  public Relation putRelation(String sourceId, String relationshipId, String name, String targetId, ObjectNode props,
      Condition condition) {
    return putRelation(sourceId, relationshipId, name, targetId, props, condition, null);
  }

  /**
   * Creates or replaces a relationship, live or as a replay of a recorded
   * {@link ChangeEvent.RelationCreated} or {@link ChangeEvent.RelationUpdated} (whose sequence,
   * time and ETag are taken over).
   *
   * @param sourceId the source twin
   * @param relationshipId the id, unique per source twin
   * @param name the Relationship name on the source twin's model
   * @param targetId the target twin
   * @param props the relationship's properties; taken over
   * @param condition the precondition
   * @param replay null for a live write, else the recorded event
   * @return the new snapshot
   */
  public Relation putRelation(String sourceId, String relationshipId, String name, String targetId, ObjectNode props,
      Condition condition, ChangeEvent replay) {
    try {
      return putRelationNow(sourceId, relationshipId, name, targetId, props, condition, replay);
    } finally {
      finishWrite();
    }
  }

  private Relation putRelationNow(String sourceId, String relationshipId, String name, String targetId,
      ObjectNode props, Condition condition, ChangeEvent replay) {
    checkId(relationshipId, "relationship");
    if (sourceId.equals(targetId) && !options.allowSelfRelationships()) {
      throw new GraphException(Code.SELF_RELATIONSHIP, key(sourceId, relationshipId), "the relationship cannot "
          + "connect a twin to itself (as in Azure Digital Twins; open the graph with self relationships allowed to "
          + "permit it)");
    }
    while (true) {
      Entry src = requireEntry(sourceId);
      Entry tgt = entries.get(targetId);
      if (tgt == null || tgt.twin == null) {
        throw new GraphException(Code.TARGET_NOT_FOUND, key(sourceId, relationshipId), "target twin " + targetId
            + " does not exist");
      }
      Relation before = Adjacency.get(src.out, null, relationshipId);
      Entry oldTarget = before == null || before.targetId().equals(targetId) ? null : RELATIONS.target(before);
      Entry[] locked = lockAll(src, tgt, oldTarget);
      try {
        if (src.twin == null || tgt.twin == null || (oldTarget != null && oldTarget.twin == null)) {
          if (src.twin == null) throw new GraphException(Code.TWIN_NOT_FOUND, sourceId, "no such twin");
          if (tgt.twin == null) throw new GraphException(Code.TARGET_NOT_FOUND, key(sourceId, relationshipId),
              "target twin " + targetId + " does not exist");
        }
        Relation old = Adjacency.get(src.out, null, relationshipId);
        if (old != before) continue;
        if (condition != Condition.none()) check(key(sourceId, relationshipId), condition, old == null ? null : old.etag());
        Relationship rel = relationship(sourceId, relationshipId, src.model, name);
        Interface targetModel = tgt.model;
        // a replayed update of a relationship keeps its target, whose model may have changed since
        // (as a live patch of the relationship would): the target was checked when it was set
        boolean targetChecked = replay != null && old != null && old.targetId().equals(targetId);
        if (!targetChecked && rel.target().isPresent() && !targetModel.isA(rel.target().get())) {
          throw new GraphException(Code.INVALID_RELATIONSHIP, key(sourceId, relationshipId), "Relationship '" + name
              + "' of " + src.model.id() + " targets " + rel.target().get() + ", but twin " + targetId + " is a "
              + targetModel.id());
        }
        if (!props.isEmpty()) {
          List<Problem> problems = TwinValidator.relationProperties(rel, props);
          if (!problems.isEmpty()) throw TwinValidator.failure(key(sourceId, relationshipId), "the relationship", problems);
          if (options.enforceWritable() && replay == null) {
            for (String p : names(props)) checkRelationWritable(key(sourceId, relationshipId), rel, p);
          }
        }
        if (options.enforceMaxMultiplicity() && rel.maxMultiplicity().isPresent()) {
          int count = 0;
          for (Relation r : Adjacency.view(src.out)) if (r.name().equals(name) && !r.id().equals(relationshipId)) count++;
          if (count + 1 > rel.maxMultiplicity().getAsInt()) {
            throw new GraphException(Code.MULTIPLICITY_EXCEEDED, key(sourceId, relationshipId), "twin " + sourceId
                + " already has " + count + " '" + name + "' relationships; the model allows at most "
                + rel.maxMultiplicity().getAsInt());
          }
        }
        Instant now = replay == null ? options.clock().instant() : replay.time();
        // most relationships have no properties: they share one empty object (stored documents are never changed)
        ObjectNode stored = props.isEmpty() ? NO_PROPERTIES : props;
        // the endpoints are the twins' own id strings: lookups by them compare by identity first, and
        // the relationship holds no copies of the ids
        Relation r = replay == null
            ? RELATIONS.make(relationshipId, src, tgt, name, etagPrefix, nextEtag(), now, stored)
            : RELATIONS.make(relationshipId, src, tgt, name, replayedRelation(replay).etag(), -1, now, stored);
        commit(replay, () -> {
          src.out = Adjacency.put(src.out, r, false);
          if (old != null) {
            Entry ot = oldTarget != null ? oldTarget : tgt;
            ot.in = Adjacency.remove(ot.in, sourceId, relationshipId);
          } else {
            relations.incrementAndGet();
          }
          tgt.in = Adjacency.put(tgt.in, r, true);
          for (StateListener l : stateListeners) l.relationChanged(old, r);
        }, seq -> old == null ? new ChangeEvent.RelationCreated(seq, now, r)
            : new ChangeEvent.RelationUpdated(seq, now, Diff.between(old.properties(), props), r));
        return r;
      } finally {
        unlockAll(locked);
      }
    }
  }

  /**
   * Applies a JSON Patch to a relationship's properties.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @param patch the patch on the relationship's properties
   * @param condition the precondition
   * @return the new snapshot
   */
  public Relation patchRelation(String sourceId, String relationshipId, JsonPatch patch, Condition condition) {
    try {
      return patchRelationNow(sourceId, relationshipId, patch, condition);
    } finally {
      finishWrite();
    }
  }

  private Relation patchRelationNow(String sourceId, String relationshipId, JsonPatch patch, Condition condition) {
    String key = key(sourceId, relationshipId);
    LockedRelation locked = lockRelation(sourceId, relationshipId, key);
    Entry src = locked.src();
    Entry tgt = locked.tgt();
    Relation old = locked.relation();
    try {
      check(key, condition, old.etag());
      for (JsonPatch.Operation op : patch.operations()) {
        if (op.path().startsWith("/$")) {
          throw new GraphException(Code.INVALID_PATCH, key, "path " + op.path() + " cannot be patched; to change "
              + "the source, target or name of a relationship, delete it and create it again");
        }
      }
      ObjectNode props;
      try {
        props = PatchApplier.apply(old.properties(), patch);
      } catch (PatchException ex) {
        throw new GraphException(Code.INVALID_PATCH, key, ex.getMessage());
      }
      Relationship rel = relationship(sourceId, relationshipId, src.model, old.name());
      List<Problem> problems = TwinValidator.relationProperties(rel, props);
      if (!problems.isEmpty()) throw TwinValidator.failure(key, "the relationship after the patch", problems);
      if (options.enforceWritable()) {
        for (JsonPatch.Operation op : patch.operations()) {
          if (op.op() != JsonPatch.Op.TEST) checkRelationWritable(key, rel, firstToken(op.path()));
        }
      }
      Instant now = options.clock().instant();
      Relation r = RELATIONS.make(relationshipId, src, tgt, old.name(), etagPrefix,
          nextEtag(), now, props.isEmpty() ? NO_PROPERTIES : props);
      commit(null, () -> {
        src.out = Adjacency.put(src.out, r, false);
        tgt.in = Adjacency.put(tgt.in, r, true);
        for (StateListener l : stateListeners) l.relationChanged(old, r);
      }, seq -> new ChangeEvent.RelationUpdated(seq, now, patch, r));
      return r;
    } finally {
      unlockAll(locked.locks());
    }
  }

  /**
   * Deletes a relationship.
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @param condition the precondition
   */
  public void deleteRelation(String sourceId, String relationshipId, Condition condition) {
    deleteRelation(sourceId, relationshipId, condition, null);
  }

  /**
   * Deletes a relationship, live or as a replay of a recorded {@link ChangeEvent.RelationDeleted}
   * (whose sequence and time are taken over).
   *
   * @param sourceId the source twin
   * @param relationshipId the relationship id
   * @param condition the precondition
   * @param replay null for a live write, else the recorded event
   */
  public void deleteRelation(String sourceId, String relationshipId, Condition condition, ChangeEvent replay) {
    try {
      deleteRelationNow(sourceId, relationshipId, condition, replay);
    } finally {
      finishWrite();
    }
  }

  private void deleteRelationNow(String sourceId, String relationshipId, Condition condition, ChangeEvent replay) {
    String key = key(sourceId, relationshipId);
    LockedRelation locked = lockRelation(sourceId, relationshipId, key);
    Entry src = locked.src();
    Entry tgt = locked.tgt();
    Relation old = locked.relation();
    try {
      check(key, condition, old.etag());
      Instant now = replay == null ? options.clock().instant() : replay.time();
      commit(replay, () -> {
        src.out = Adjacency.remove(src.out, null, relationshipId);
        if (tgt != null) tgt.in = Adjacency.remove(tgt.in, sourceId, relationshipId);
        relations.decrementAndGet();
        for (StateListener l : stateListeners) l.relationChanged(old, null);
      }, seq -> new ChangeEvent.RelationDeleted(seq, now, old));
    } finally {
      unlockAll(locked.locks());
    }
  }

  /** An existing relationship, locked together with its source and target twins. */
  private record LockedRelation(Entry src, Entry tgt, Relation relation, Entry[] locks) {}

  /**
   * Locks a relationship's source and target twins (in id order) and returns it, retrying when it
   * changed while the locks were taken.
   */
  private LockedRelation lockRelation(String sourceId, String relationshipId, String key) {
    while (true) {
      Entry src = requireEntry(sourceId);
      Relation before = Adjacency.get(src.out, null, relationshipId);
      if (before == null) throw new GraphException(Code.RELATIONSHIP_NOT_FOUND, key, "no such relationship");
      Entry tgt = RELATIONS.target(before);
      Entry[] locks = lockAll(src, tgt, null);
      Relation now = Adjacency.get(src.out, null, relationshipId);
      if (now == before) return new LockedRelation(src, tgt, before, locks);
      unlockAll(locks);
    }
  }

  /** A relationship's name in messages: {@code source/id}. */
  private static String key(String sourceId, String relationshipId) {
    return sourceId + "/" + relationshipId;
  }

  /** Locks up to three distinct entries (nulls skipped) in id order, without deadlock between writers. */
  private static Entry[] lockAll(Entry a, Entry b, Entry c) {
    if (b == a) b = null;
    if (c == a || c == b) c = null;
    Entry[] list = new Entry[(a != null ? 1 : 0) + (b != null ? 1 : 0) + (c != null ? 1 : 0)];
    int n = 0;
    if (a != null) list[n++] = a;
    if (b != null) list[n++] = b;
    if (c != null) list[n++] = c;
    if (n > 1) java.util.Arrays.sort(list, ORDER);
    for (Entry e : list) e.lock();
    return list;
  }

  /** Unlocks an entry taken for a write, first dropping it from the index if it holds no twin. */
  private void release(Entry e) {
    if (e.twin == null && !e.removed) {
      e.removed = true;
      entries.remove(e);
    }
    e.unlock();
  }

  private static void unlockAll(Entry[] locked) {
    for (int i = locked.length - 1; i >= 0; i--) locked[i].unlock();
  }

  private static void checkRelationWritable(String key, Relationship rel, String property) {
    if (!rel.property(property).map(Property::writable).orElse(true)) {
      throw new GraphException(Code.NOT_WRITABLE, key, "property '" + property + "' of Relationship '" + rel.name()
          + "' is not writable");
    }
  }

  private Relationship relationship(String sourceId, String relationshipId, Interface model, String name) {
    Content c = model.contents().get(name);
    if (!(c instanceof Relationship)) {
      throw new GraphException(Code.INVALID_RELATIONSHIP, key(sourceId, relationshipId), "'" + name
          + "' is not a Relationship of " + model.id()
          + (c == null ? "" : " (it is a " + c.getClass().getSimpleName() + ")"));
    }
    return (Relationship) c;
  }

  // ------------------------------------------------------------------------------------ commit and events

  /**
   * Publishes a change and delivers its event, in commit order.
   *
   * @param replay null for a live change, which gets the next sequence number; else the recorded
   *     event, whose sequence must be after the last one and is taken over, and which is delivered
   *     as it is
   */
  private void commit(ChangeEvent replay, Runnable publish, LongFunction<ChangeEvent> event) {
    commit(replay, publish, event, null, null);
  }

  /**
   * Like {@link #commit(ChangeEvent, Runnable, LongFunction)}, for a change of a twin made from its
   * snapshot {@code expected} under its lock.
   *
   * @throws Stale if a {@link #fastPatch fast patch} has replaced {@code expected} meanwhile
   */
  private void commit(ChangeEvent replay, Runnable publish, LongFunction<ChangeEvent> event, Entry verify,
      Twin expected) {
    if (!listeners.isEmpty() && delivering.get()) {
      throw new IllegalStateException("a synchronous subscriber cannot write to the graph it listens to; "
          + "subscribe with an executor instead");
    }
    commitLock.lock();
    try {
      if (verify != null && verify.twin != expected) throw Stale.INSTANCE;
      long seq = nextSequence(replay);
      ChangeEvent ev = null;
      if (hook != null) {
        ev = replay != null ? replay : event.apply(seq);
        hookCommitting(ev);
      }
      sequence = seq;
      publish.run();
      lastSequence = seq;
      if (!listeners.isEmpty()) deliver(ev != null ? ev : replay != null ? replay : event.apply(seq));
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Thrown inside the commit section when a twin's snapshot, read under its lock, was replaced by
   * a {@link #fastPatch fast patch} (which commits without the twin's lock) before the commit:
   * nothing is changed, and the write starts again from the new snapshot. At most once per write:
   * a fast patch that finds the twin's lock held gives way.
   */
  private static final class Stale extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Stale INSTANCE = new Stale();

    private Stale() {
      super("stale snapshot", null, false, false);
    }
  }

  /**
   * Publishes a twin's new snapshot and delivers its event, like {@link #commit} without the
   * allocation of its two functions (the path of every twin write).
   *
   * @throws Stale if the twin's snapshot is no longer {@code old} (see {@link Stale})
   *
   * @param patch the patch that made {@code t}, or null for a create or replace (then the event's
   *     patch is the difference between the two documents)
   */
  private void commitTwin(ChangeEvent replay, Entry e, Twin old, Twin t, Interface iface, JsonPatch patch) {
    boolean subscribed = !listeners.isEmpty();
    if (subscribed && delivering.get()) {
      throw new IllegalStateException("a synchronous subscriber cannot write to the graph it listens to; "
          + "subscribe with an executor instead");
    }
    commitLock.lock();
    try {
      if (e.twin != old) throw Stale.INSTANCE;
      long seq = nextSequence(replay);
      ChangeEvent ev = null;
      if (hook != null) {
        ev = twinEvent(replay, seq, old, t, patch);
        hookCommitting(ev);
      }
      sequence = seq;
      publish(e, old, t, iface);
      LAST_SEQUENCE.setRelease(this, seq);
      if (!listeners.isEmpty()) deliver(ev != null ? ev : twinEvent(replay, seq, old, t, patch));
    } finally {
      commitLock.unlock();
    }
  }

  private static ChangeEvent twinEvent(ChangeEvent replay, long seq, Twin old, Twin t, JsonPatch patch) {
    if (replay != null) return replay;
    Instant now = t.lastUpdateTime();
    return old == null ? new ChangeEvent.TwinCreated(seq, now, t)
        : new ChangeEvent.TwinUpdated(seq, now, t.model(), patch != null ? patch
            : Diff.between(HOOKS.document(old), HOOKS.document(t)), t);
  }

  /**
   * The sequence number of the change committing now (under the commit lock); the caller sets
   * {@link #sequence} to it once the change is certain to be made.
   */
  private long nextSequence(ChangeEvent replay) {
    if (replay == null) return sequence + 1;
    if (replay.sequence() <= sequence) {
      throw new GraphException(Code.REPLAY_CONFLICT, replay.twinId(), "change " + replay.sequence()
          + " cannot be replayed: it is not after the graph's last change " + sequence);
    }
    return replay.sequence();
  }

  private void deliver(ChangeEvent ev) {
    for (Listener l : listeners) l.offer(ev);
  }

  /**
   * Subscribes to change events.
   *
   * @param filter which events to deliver
   * @param consumer the listener
   * @param executor where to deliver; null for synchronously in the writing thread, in commit order
   * @return the subscription
   */
  public Subscription subscribe(Predicate<? super ChangeEvent> filter, Consumer<? super ChangeEvent> consumer,
      Executor executor) {
    Listener l = new Listener(filter, consumer, executor);
    listeners.add(l);
    return l;
  }

  /** A subscriber: synchronous, or asynchronous with its own ordered queue drained on an executor. */
  private final class Listener implements Subscription {
    private final Predicate<? super ChangeEvent> filter;
    private final Consumer<? super ChangeEvent> consumer;
    private final Executor executor;
    private final java.util.concurrent.ConcurrentLinkedQueue<ChangeEvent> queue =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Throwable lastFailure;
    private volatile boolean cancelled;

    Listener(Predicate<? super ChangeEvent> filter, Consumer<? super ChangeEvent> consumer, Executor executor) {
      this.filter = Objects.requireNonNull(filter, "filter");
      this.consumer = Objects.requireNonNull(consumer, "consumer");
      this.executor = executor;
    }

    void offer(ChangeEvent ev) {
      if (cancelled) return;
      boolean wanted;
      try {
        wanted = filter.test(ev);
      } catch (RuntimeException ex) {
        fail(ex);
        return;
      }
      if (!wanted) return;
      if (executor == null) {
        delivering.set(Boolean.TRUE);
        try {
          run(ev);
        } finally {
          delivering.set(Boolean.FALSE);
        }
      } else {
        queue.add(ev);
        schedule();
      }
    }

    private void schedule() {
      if (draining.compareAndSet(false, true)) {
        try {
          executor.execute(this::drain);
        } catch (RuntimeException ex) {
          draining.set(false);
          fail(ex);
        }
      }
    }

    private void drain() {
      try {
        ChangeEvent ev;
        while (!cancelled && (ev = queue.poll()) != null) run(ev);
      } finally {
        draining.set(false);
        if (!queue.isEmpty() && !cancelled) schedule();
      }
    }

    private void run(ChangeEvent ev) {
      delivered.incrementAndGet();
      try {
        consumer.accept(ev);
      } catch (RuntimeException | LinkageError | AssertionError ex) {
        fail(ex);
      }
    }

    private void fail(Throwable ex) {
      failures.incrementAndGet();
      lastFailure = ex;
      System.getLogger(GraphStore.class.getName()).log(System.Logger.Level.WARNING,
          "a change-event subscriber failed; the write it was told about stands", ex);
    }

    @Override
    public void cancel() {
      cancelled = true;
      listeners.remove(this);
    }

    @Override
    public long delivered() {
      return delivered.get();
    }

    @Override
    public long failures() {
      return failures.get();
    }

    @Override
    public Optional<Throwable> lastFailure() {
      return Optional.ofNullable(lastFailure);
    }

    @Override
    public String toString() {
      return "Subscription[" + (executor == null ? "sync" : "async") + ", delivered=" + delivered + ", failures="
          + failures + (cancelled ? ", cancelled" : "") + "]";
    }
  }

  // ------------------------------------------------------------------------------------ revert

  /**
   * Takes back the graph's latest change exactly: the state before it (ETags, versions, times and
   * metadata as they were) is published again, the indexes follow, and the graph's last sequence
   * number goes back by one. No event is delivered and the commit hook is not called. For a journal
   * whose write failed: it takes back, newest first, the changes it could not make durable.
   *
   * @param latest the graph's latest change (its sequence number must be the graph's last)
   * @param before for an update, the twin or relationship as it was before the change; otherwise ignored
   * @throws IllegalStateException if {@code latest} is not the latest change, or the state does not
   *     match it
   * @throws IllegalArgumentException if {@code before} is missing or of the wrong kind for an update
   */
  public void revert(ChangeEvent latest, Object before) {
    Objects.requireNonNull(latest, "latest");
    latest.accept(new ChangeEvent.Visitor<Void>() {
      @Override
      public Void twinCreated(ChangeEvent.TwinCreated c) {
        revertTwin(latest, c.twin(), null);
        return null;
      }

      @Override
      public Void twinUpdated(ChangeEvent.TwinUpdated c) {
        if (!(before instanceof Twin) || !((Twin) before).id().equals(c.twin().id())) {
          throw new IllegalArgumentException("reverting change " + c.sequence() + " of twin " + c.twinId()
              + " needs the twin as it was before, got " + before);
        }
        revertTwin(latest, c.twin(), (Twin) before);
        return null;
      }

      @Override
      public Void twinDeleted(ChangeEvent.TwinDeleted c) {
        revertTwin(latest, null, c.twin());
        return null;
      }

      @Override
      public Void relationCreated(ChangeEvent.RelationCreated c) {
        revertRelation(latest, c.relation(), null);
        return null;
      }

      @Override
      public Void relationUpdated(ChangeEvent.RelationUpdated c) {
        Relation r = c.relation();
        if (!(before instanceof Relation) || !((Relation) before).id().equals(r.id())
            || !((Relation) before).sourceId().equals(r.sourceId())) {
          throw new IllegalArgumentException("reverting change " + c.sequence() + " of relationship " + r.sourceId()
              + "/" + r.id() + " needs the relationship as it was before, got " + before);
        }
        revertRelation(latest, r, (Relation) before);
        return null;
      }

      @Override
      public Void relationDeleted(ChangeEvent.RelationDeleted c) {
        revertRelation(latest, null, c.relation());
        return null;
      }
    });
  }

  /** Publishes {@code before} in place of {@code after} (either null: absent), under the twin's lock and the commit lock. */
  private void revertTwin(ChangeEvent latest, Twin after, Twin before) {
    String id = after != null ? after.id() : before.id();
    while (true) {
      Entry e = entries.computeIfAbsent(id, newEntry);
      e.lock();
      try {
        if (e.removed) continue;
        commitLock.lock();
        try {
          checkLatest(latest);
          if (e.twin != after) {
            throw new IllegalStateException("cannot revert change " + latest.sequence() + ": twin " + id
                + " is not in the state the change left");
          }
          if (before == null) {
            if (e.hasRelations()) {
              throw new IllegalStateException("cannot revert the creation of twin " + id + ": it has relationships");
            }
            for (StateListener l : stateListeners) l.twinChanged(after, null);
            e.twin = null;
            e.model = null;
            e.values = null;
            e.times = null;
            e.removed = true;
            entries.remove(e);
            twinCount.decrementAndGet();
            Set<String> ids = byModel.get(after.model());
            if (ids != null) ids.remove(id);
          } else {
            // the very snapshot comes back (a deleted twin's references its old entry, which a
            // traversal starting from it passes over for a lookup by id)
            publish(e, e.twin, before, model(id, before.model()));
          }
          sequence = latest.sequence() - 1;
          lastSequence = sequence;
          return;
        } finally {
          commitLock.unlock();
        }
      } finally {
        release(e);
      }
    }
  }

  /** Publishes relationship {@code before} in place of {@code after} (either null: absent). */
  private void revertRelation(ChangeEvent latest, Relation after, Relation before) {
    Relation any = after != null ? after : before;
    String key = key(any.sourceId(), any.id());
    Entry src = requireEntry(any.sourceId());
    Entry afterTgt = after == null ? null : entries.get(after.targetId());
    Entry beforeTgt = before == null ? null : entries.get(before.targetId());
    if ((after != null && afterTgt == null) || (before != null && beforeTgt == null)) {
      throw new IllegalStateException("cannot revert change " + latest.sequence() + " of relationship " + key
          + ": its target twin is missing");
    }
    Entry[] locks = lockAll(src, afterTgt, beforeTgt);
    try {
      commitLock.lock();
      try {
        checkLatest(latest);
        // equal rather than the same: a relationship an earlier revert brought back is a copy
        // that references its twins' current entries
        if (!Objects.equals(Adjacency.get(src.out, null, any.id()), after)) {
          throw new IllegalStateException("cannot revert change " + latest.sequence() + ": relationship " + key
              + " is not in the state the change left");
        }
        if (after != null) {
          src.out = Adjacency.remove(src.out, null, after.id());
          afterTgt.in = Adjacency.remove(afterTgt.in, after.sourceId(), after.id());
        }
        // the relationship comes back referencing its twins' current entries (a twin deleted and
        // brought back by an earlier revert has a new one)
        Relation back = before == null || (RELATIONS.source(before) == src && RELATIONS.target(before) == beforeTgt)
            ? before : RELATIONS.rebind(before, src, beforeTgt);
        if (back != null) {
          src.out = Adjacency.put(src.out, back, false);
          beforeTgt.in = Adjacency.put(beforeTgt.in, back, true);
        }
        if (after == null) relations.incrementAndGet();
        if (before == null) relations.decrementAndGet();
        for (StateListener l : stateListeners) l.relationChanged(after, back);
        sequence = latest.sequence() - 1;
        lastSequence = sequence;
      } finally {
        commitLock.unlock();
      }
    } finally {
      unlockAll(locks);
    }
  }

  private void checkLatest(ChangeEvent latest) {
    if (latest.sequence() != sequence) {
      throw new IllegalStateException("only the latest change can be reverted: change " + latest.sequence()
          + " is not the graph's last (" + sequence + ")");
    }
  }

  // ------------------------------------------------------------------------------------ replay

  /**
   * Reads every twin and relationship and the sequence number of the last change, consistently:
   * no change commits meanwhile.
   *
   * @return the snapshot
   */
  public GraphSnapshot snapshot() {
    List<Twin> twins = new ArrayList<>(twinCount());
    List<Relation> rels = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, relationCount()));
    long[] seq = new long[1];
    withCommitsPaused(() -> {
      seq[0] = sequence;
      entries.forEach(e -> {
        Twin t = e.twin;
        if (t == null) return;
        twins.add(t);
        rels.addAll(Adjacency.view(e.out));
      });
    });
    return new GraphSnapshot(seq[0], twins, rels);
  }

  /**
   * Per relationship of a snapshot being restored on this thread, the positions of its source and
   * target among the snapshot's twins (-1: unknown), as a snapshot reader found them; set only
   * around {@link #restore} by {@link #restoreWithPositions}.
   */
  private static final ThreadLocal<int[][]> RESTORE_POSITIONS = new ThreadLocal<>();

  /**
   * Runs a restore (e.g. {@code Twins.Builder.restore}) knowing where each relationship's twins
   * are among the snapshot's twins, so that it finds them without a look-up by id (a position
   * that does not name the relationship's twin is ignored: the look-up by id decides).
   *
   * @param sources per relationship, in snapshot order, its source twin's position, or -1
   * @param targets the same for its target twin
   * @param restore the restore
   * @param <T> its result
   * @return its result
   */
  public static <T> T restoreWithPositions(int[] sources, int[] targets, java.util.function.Supplier<T> restore) {
    if (sources.length != targets.length) throw new IllegalArgumentException("positions of different lengths");
    RESTORE_POSITIONS.set(new int[][] {sources, targets});
    try {
      return restore.get();
    } finally {
      RESTORE_POSITIONS.remove();
    }
  }

  /**
   * Fills an empty graph with the twins and relationships of a snapshot, as they are (ETags,
   * versions, times, metadata), each validated against the models like a write (but a
   * relationship's name and target model are not checked again: the models of its twins may have
   * changed since it was made), and sets the last sequence number to the snapshot's. Delivers no events.
   *
   * @param snapshot the snapshot
   * @throws IllegalStateException if the graph is not empty
   * @throws GraphException if a twin or relationship does not fit the models, or a relationship's
   *     source or target twin is missing, or ids repeat
   */
  public void restore(GraphSnapshot snapshot) {
    withCommitsPaused(() -> {
      if (sequence != 0 || !entries.isEmpty()) {
        throw new IllegalStateException("a snapshot can only be restored into an empty graph; this one is " + this);
      }
      int[][] hint = RESTORE_POSITIONS.get();
      int[] sources = hint != null && hint[0].length == snapshot.relations().size() ? hint[0] : null;
      int[] targets = sources != null ? hint[1] : null;
      List<Twin> twinList = snapshot.twins();
      Entry[] byPosition = sources != null ? new Entry[twinList.size()] : null;
      entries.presize(twinList.size());
      // each model's set of twin ids made once at its size, not grown twin by twin
      Map<Dtmi, Integer> perModel = new java.util.HashMap<>();
      for (Twin t : twinList) perModel.merge(t.model(), 1, Integer::sum);
      perModel.forEach((m, n) -> byModel.computeIfAbsent(m, k -> ConcurrentHashMap.newKeySet(n)));
      int position = 0;
      for (Twin t : twinList) {
        checkId(t.id(), "twin");
        Interface iface = model(t.id(), t.model());
        ObjectNode doc = HOOKS.document(t);
        List<Problem> problems = TwinValidator.whole(iface, doc, true);
        if (!problems.isEmpty()) throw TwinValidator.failure(t.id(), "the twin", problems);
        if (!metadataFits(t, propertyKeys(iface, doc))) {
          throw new GraphException(Code.INVALID_DOCUMENT, t.id(), "the twin has metadata for " + t.metadata().keySet()
              + ", but its properties are " + new LinkedHashSet<>(propertyKeys(iface, doc)));
        }
        Entry e = new Entry(t.id(), this);
        if (entries.putIfAbsent(e) != null) {
          throw new PreconditionFailedException(t.id(), Condition.ifNoneMatchAny(), Optional.of(t.etag()),
              "the snapshot holds twin " + t.id() + " twice");
        }
        // the snapshot's twin may be another graph's, or made outside one: it must reference this entry
        publish(e, null, HOOKS.entry(t) == e ? t : HOOKS.withEntry(t, e), iface);
        if (byPosition != null) byPosition[position] = e;
        position++;
      }
      Entry src = null;
      // the ids of the current source's relationships, when they are all in this run of the
      // snapshot (a snapshot lists a twin's relationships together): a hash set instead of a scan
      // of the adjacency per relationship; a source met again later is checked against its adjacency
      Set<String> runIds = new java.util.HashSet<>();
      Entry runSource = null;
      boolean runFresh = false;
      int i = -1;
      for (Relation r : snapshot.relations()) {
        i++;
        String key;   // source/id, made only for a message
        checkId(r.id(), "relationship");
        // consecutive relationships mostly share their source; positions (when the snapshot's reader
        // knows them) find the twins without a look-up by id
        String sourceId = r.sourceId();
        if (src == null || src.id != sourceId) {
          int p = sources == null ? -1 : sources[i];
          src = p >= 0 && p < byPosition.length && byPosition[p].id.equals(sourceId) ? byPosition[p] : requireEntry(sourceId);
        }
        int tp = targets == null ? -1 : targets[i];
        Entry tgt = tp >= 0 && tp < byPosition.length && byPosition[tp].id.equals(r.targetId()) ? byPosition[tp] : entries.get(r.targetId());
        if (tgt == null) {
          throw new GraphException(Code.TARGET_NOT_FOUND, r.sourceId() + "/" + r.id(), "target twin " + r.targetId() + " does not exist");
        }
        if (src == tgt && !options.allowSelfRelationships()) {
          throw new GraphException(Code.SELF_RELATIONSHIP, r.sourceId() + "/" + r.id(), "the relationship cannot connect a twin to itself");
        }
        // the source's and target's models are not checked again: either may have changed since the
        // relationship was made; its properties are checked when its source's model still declares it
        // (most relationships have none: then neither the model lookup nor a copy of the properties)
        ObjectNode props = RELATIONS.properties(r);
        if (!props.isEmpty() && src.model.contents().get(r.name()) instanceof Relationship) {
          Relationship rel = (Relationship) src.model.contents().get(r.name());
          List<Problem> problems = TwinValidator.relationProperties(rel, props);
          if (!problems.isEmpty()) throw TwinValidator.failure(r.sourceId() + "/" + r.id(), "the relationship", problems);
        }
        if (src != runSource) {
          runSource = src;
          runIds.clear();
          runFresh = src.out == null;
        }
        if (runFresh ? !runIds.add(r.id()) : Adjacency.get(src.out, null, r.id()) != null) {
          key = r.sourceId() + "/" + r.id();
          throw new PreconditionFailedException(key, Condition.ifNoneMatchAny(), Optional.of(r.etag()),
              "the snapshot holds relationship " + key + " twice");
        }
        // the stored relationship references this graph's entries of its twins
        Relation stored = RELATIONS.source(r) == src && RELATIONS.target(r) == tgt ? r : RELATIONS.rebind(r, src, tgt);
        // new keys (the outgoing one was just checked, and it makes the incoming one unique too)
        src.out = Adjacency.append(src.out, stored, false);
        tgt.in = Adjacency.append(tgt.in, stored, true);
        relations.incrementAndGet();
        for (StateListener l : stateListeners) l.relationChanged(null, stored);
      }
      sequence = snapshot.sequence();
      lastSequence = sequence;
    });
  }

  /**
   * Whether a restored twin's metadata fits its properties, as {@link DeviceMetadataPatch#keysFit}
   * checks, read from the twin's compact state (without building its metadata map): every property
   * has metadata, and metadata without a property has device state.
   */
  private static boolean metadataFits(Twin t, List<String> propertyKeys) {
    TwinShape shape = HOOKS.shape(t);
    PropertyMetadata[] device = HOOKS.device(t);
    Set<String> present = new java.util.HashSet<>(propertyKeys);
    int covered = 0;
    for (int i = 0; i < shape.metaSize(); i++) {
      if (present.contains(shape.metaKey(i))) {
        covered++;
      } else if (device == null || device[i] == null || !device[i].hasDeviceState()) {
        return false;
      }
    }
    return covered == present.size();
  }

  private static Twin replayedTwin(ChangeEvent e) {
    if (e instanceof ChangeEvent.TwinCreated) return ((ChangeEvent.TwinCreated) e).twin();
    if (e instanceof ChangeEvent.TwinUpdated) return ((ChangeEvent.TwinUpdated) e).twin();
    throw new IllegalArgumentException("not a twin write: " + e);
  }

  private static Relation replayedRelation(ChangeEvent e) {
    if (e instanceof ChangeEvent.RelationCreated) return ((ChangeEvent.RelationCreated) e).relation();
    if (e instanceof ChangeEvent.RelationUpdated) return ((ChangeEvent.RelationUpdated) e).relation();
    throw new IllegalArgumentException("not a relationship write: " + e);
  }

  /** Checks that a recorded twin's version and metadata fit the state it is replayed onto. */
  private static void checkReplayedTwin(Twin recorded, Interface iface, ObjectNode doc, long version) {
    if (recorded.version() != version) {
      throw new GraphException(Code.REPLAY_CONFLICT, recorded.id(), "the recorded twin is version "
          + recorded.version() + ", but replaying makes version " + version + " (a change is missing or repeated)");
    }
    Set<String> keys = new LinkedHashSet<>(propertyKeys(iface, doc));
    if (!DeviceMetadataPatch.keysFit(keys, recorded.metadata())) {
      throw new GraphException(Code.REPLAY_CONFLICT, recorded.id(), "the recorded twin has metadata for "
          + recorded.metadata().keySet() + ", but its properties are " + keys);
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private void check(String id, Condition condition, Twin current) {
    if (condition != Condition.none()) check(id, condition, current == null ? null : current.etag());
  }

  private void check(String id, Condition condition, String currentEtag) {
    Optional<String> current = Optional.ofNullable(currentEtag);
    Optional<String> why = condition.check(current);
    if (why.isPresent()) throw new PreconditionFailedException(id, condition, current, why.get());
  }

  /**
   * The number of a new ETag made outside the commit section: even, so that it never equals one
   * made by {@link #commitEtag}.
   */
  private long nextEtag() {
    return etags.incrementAndGet() << 1;
  }

  /** The number of a new ETag made in the commit section (under its lock): odd. */
  private long commitEtag() {
    return (++commitEtags << 1) | 1;
  }

  private Interface model(String id, Dtmi model) {
    return models.get(model).orElseThrow(() -> new GraphException(Code.MODEL_NOT_FOUND, id, "model " + model
        + " is not in the graph's model set"));
  }

  private Dtmi modelOf(String id, JsonPatch.Operation op) {
    JsonNode v = op.value().orElse(null);
    if (op.op() == JsonPatch.Op.REMOVE || v == null || !v.isString() || !Dtmi.isValid(v.asString())) {
      throw new GraphException(Code.INVALID_PATCH, id, "/$metadata/$model can only be replaced by a model DTMI");
    }
    return Dtmi.of(v.asString());
  }

  private static void sourceTime(String id, JsonPatch.Operation op, Map<String, Optional<Instant>> out) {
    String path = op.path();
    String key;
    if (path.startsWith("/$metadata/")) {
      key = path.substring("/$metadata/".length(), path.length() - "/sourceTime".length());
    } else {
      int m = path.indexOf("/$metadata/");
      key = path.substring(1, m) + "/" + path.substring(m + "/$metadata/".length(), path.length() - "/sourceTime".length());
    }
    if (op.op() == JsonPatch.Op.REMOVE) {
      out.put(key, Optional.empty());
      return;
    }
    JsonNode v = op.value().orElse(null);
    try {
      out.put(key, Optional.of(Instant.parse(v == null ? "" : v.asString())));
    } catch (DateTimeParseException ex) {
      throw new GraphException(Code.INVALID_PATCH, id, path + " must be an ISO 8601 date-time such as "
          + "2024-05-01T12:00:00Z, not " + TwinValidator.describe(v));
    }
  }

  private static void checkId(String id, String what) {
    String problem = idProblem(id);
    if (problem != null) throw new GraphException(Code.INVALID_ID, "", what + " id " + problem);
  }

  /**
   * Tells what is wrong with an id.
   *
   * @param id the id
   * @return the problem, or null when the id is fine
   */
  public static String idProblem(String id) {
    if (id == null || id.isEmpty()) return "must not be empty";
    if (id.length() > MAX_ID_LENGTH) return "is " + id.length() + " characters; at most " + MAX_ID_LENGTH;
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) return "'" + id.substring(0, Math.min(40, id.length()))
          + "' contains a control character at " + i;
    }
    return null;
  }

  private static String firstToken(String path) {
    int next = path.indexOf('/', 1);
    return JsonPointers.token(path, 1, next < 0 ? path.length() : next);
  }

  /** The metadata key a patch path writes: the property name, or {@code component/property}. */
  private static String metadataKey(Interface model, String path) {
    String first = firstToken(path);
    if (model.contents().get(first) instanceof Component) {
      int next = path.indexOf('/', 1);
      if (next < 0) return null;
      String rest = path.substring(next);
      return first + "/" + firstToken(rest);
    }
    return first;
  }

  /** The metadata keys of the properties set in a document. */
  private static List<String> propertyKeys(Interface model, ObjectNode doc) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (model.contents().get(e.getKey()) instanceof Component) {
        for (Iterator<String> ci = e.getValue().propertyNames().iterator(); ci.hasNext(); ) {
          keys.add(e.getKey() + "/" + ci.next());
        }
      } else {
        keys.add(e.getKey());
      }
    }
    return keys;
  }

  private static Collection<String> names(ObjectNode doc) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = doc.propertyNames().iterator(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  private void checkWritable(String id, Interface model, ObjectNode doc, Collection<String> names) {
    for (String name : names) {
      Content c = model.contents().get(name);
      if (c instanceof Property && !((Property) c).writable()) {
        throw new GraphException(Code.NOT_WRITABLE, id, "property '" + name + "' of " + model.id()
            + " is not writable");
      }
      if (c instanceof Component && doc.get(name) != null) {
        Interface ci = ((Component) c).schema();
        for (String p : names((ObjectNode) doc.get(name))) {
          Content cc = ci.contents().get(p);
          if (cc instanceof Property && !((Property) cc).writable()) {
            throw new GraphException(Code.NOT_WRITABLE, id, "property '" + name + "/" + p + "' of " + ci.id()
                + " is not writable");
          }
        }
      }
    }
  }

  /** @return an unmodifiable view of the ids per model (for tests of the index) */
  public Map<Dtmi, Set<String>> modelIndex() {
    return Collections.unmodifiableMap(byModel);
  }

  @Override
  public String toString() {
    return "Twins[twins=" + twinCount() + ", relationships=" + relations.get() + ", models=" + models.size()
        + ", version=" + lastSequence + "]";
  }
}
