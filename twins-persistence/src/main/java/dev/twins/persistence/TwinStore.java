package dev.twins.persistence;

import dev.twins.core.graph.Twins;
import dev.twins.core.history.HistoryStorage;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.Models;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.persistence.internal.StoreEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A twin graph kept in a directory: every write through {@link #twins()} is recorded in an
 * append-only journal and acknowledged only once it is as durable as the store's
 * {@link Durability} promises; opening the directory again gives back every acknowledged write.
 *
 * <pre>{@code
 * try (TwinStore store = TwinStore.builder(Path.of("data/plant")).models(models).open()) {
 *   Twins twins = store.twins();
 *   twins.createTwin("room-101", "dtmi:com:example:Room;1", Map.of("temperature", 21.5));
 * } // and later, after a crash or a restart:
 * try (TwinStore store = TwinStore.open(Path.of("data/plant"))) {
 *   store.twins().twin("room-101");   // is there
 * }
 * }</pre>
 *
 * <p><b>Files.</b> {@code journal-*.twj} segments of CRC32C-framed change records,
 * {@code snapshot-*.twsnap} snapshots (written in the background every
 * {@link Builder#snapshotEvery} records, or by {@link #snapshot()}), and {@code store.lock}. Formats:
 * {@code docs/formats.md}. Opening loads the newest valid snapshot and replays the journal after it
 * through {@link Twins#apply}; a torn record at the tail (the trace of a crash) is cut off and
 * reported in {@link #recovery()}; any other damage stops the open with a {@link StoreException}
 * naming the file and byte offset, and nothing is modified (unless {@link CorruptionPolicy#TRUNCATE}).
 *
 * <p><b>One store per directory.</b> The directory is locked while open: a second open, in this
 * or another process, fails with {@link StoreException.Code#LOCKED}.
 *
 * <p><b>Acknowledgement.</b> Each write of the graph, and each telemetry message the
 * {@link #telemetry() hub} accepts, returns once its journal record is as durable as the
 * {@link Durability} promises. The store journals the graph's changes through the graph's
 * {@link dev.twins.core.graph.CommitHook commit hook}: each change is appended to the journal's
 * buffer inside the graph's commit (so the journal holds the changes in commit order), and the
 * write waits for its record after the graph's locks are released. Records are written in groups
 * (one {@code write}, and one {@code fsync} under {@link Durability#everyWrite()}, for everything
 * appended meanwhile), so concurrent graph writes, and telemetry from many threads, share groups;
 * {@link #batch} waits once for all its writes.
 *
 * <p><b>Disk failures.</b> When writing the journal fails (disk full, I/O error), the write that
 * was waiting for it throws {@link dev.twins.core.graph.GraphException} with code
 * {@link dev.twins.core.graph.GraphException.Code#NOT_DURABLE}, whose cause is the
 * {@link StoreException} naming the journal file, and the change was not acknowledged. Before any
 * writer of the failed group learns of the failure, every graph change after the last acknowledged
 * record (the failed group's, and any appended after it) is taken back in memory, newest first and
 * exactly ({@link Twins#revert}: ETags, versions and the graph's version as they were), and what
 * was written of those records is cut off the journal (best effort: the disk is failing). So the
 * graph then shows exactly the acknowledged writes, which is what a reopen recovers. A reader may
 * see a change while its group is in flight (as with any write that has not returned yet), never
 * after its writer was told it failed. Subscribers to the graph are not told of the take-back.
 * Telemetry is applied only once its record is durable, so a message whose record failed is
 * refused before anything changes (see {@link #telemetry()}); the {@link #propertyHistory()
 * property history} records a change only once it is acknowledged. The store then stops: every later graph write is refused
 * with {@code NOT_DURABLE} before it changes anything (cause: a {@link StoreException.Code#CLOSED}
 * exception carrying the failure), {@link #failure()} reports the failure, and {@link #sync()},
 * {@link #batch} and {@link #close()} throw it. Reopen the store to get back to its durable state.
 * Writes to the graph after {@link #close()} (or to a graph replaced by {@link #addModels}) are
 * refused the same way.
 */
public final class TwinStore implements AutoCloseable {
  private final StoreEngine engine;

  private TwinStore(StoreEngine engine) {
    this.engine = engine;
  }

  /**
   * Opens or creates a store with the default settings ({@link Durability#everyWrite()}, models as
   * stored).
   *
   * @param dir the directory (created if missing)
   * @return the store
   * @throws StoreException if the store is locked, damaged, or of an unknown format version
   */
  public static TwinStore open(Path dir) {
    return builder(dir).open();
  }

  /**
   * Starts the settings of a store.
   *
   * @param dir the directory (created if missing)
   * @return the builder
   */
  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /**
   * Returns the live, durable graph (always the same object).
   *
   * @return the graph
   */
  public Twins twins() {
    return engine.graph();
  }

  /**
   * Returns the telemetry hub of the graph: every message it accepts is journaled like a graph
   * write and applied once its record is durable (an ingest whose record cannot be made durable
   * throws {@link dev.twins.core.telemetry.TelemetryException} before the message changes anything:
   * series, newest reading, duplicate window, twin sync, rule outputs; counted as rejected with the
   * reason in the dead letters). Inside {@link #batch}, a bulk ingest
   * ({@link TelemetryHub#ingestNdjson}, {@link TelemetryHub#ingestCsv}, {@link TelemetryHub#ingestAll})
   * journals each message as it reads it and applies them in groups of a few thousand, each once
   * its records are durable, in order and with every check (duplicates, late and expired readings,
   * rules): reads made while the call runs lag behind by up to 16,384 messages; all is applied when it
   * returns. A single message inside a batch waits for its record as outside one. If the journal
   * fails, the messages whose records are not durable are not applied (rejected, "was not
   * applied") and the batch throws a {@link StoreException}: nothing of the batch stays in memory
   * that a reopen would not show. Its series (and, for telemetry without series, the newest readings) and each twin's
   * duplicate window (the message ids it remembers) are kept in snapshots, so a message sent again
   * after a reopen is a duplicate exactly as without one, and its {@link TelemetryHub#rules() rules}
   * are journaled and come back on reopen. A
   * rule must be declarative to be kept: a {@link dev.twins.core.telemetry.Rule.FromRelated} rule,
   * or a {@link dev.twins.core.telemetry.Rule.FromTelemetry} rule whose derivation comes from
   * {@link dev.twins.core.telemetry.Derivation}'s factories (it has a
   * {@link dev.twins.core.telemetry.Derivation#spec() spec}); adding a rule whose derivation is
   * code (a lambda, or {@code Derivation.lastMatches}) is refused with a
   * {@link dev.twins.core.telemetry.TelemetryException} saying so, since it could not come back.
   *
   * @return the hub
   */
  public TelemetryHub telemetry() {
    return engine.telemetry();
  }

  /**
   * Returns the property history the store keeps ({@link Builder#propertyHistory}), for
   * {@code PROPERTY_AT} in queries and {@link PropertyHistory#valueAt}. It shows each change once
   * its write is acknowledged (before the write returns; in a {@link #batch}, at its end), so it
   * never holds a change the store took back after a disk failure, and comes back on reopen with
   * every value, time and removal, from snapshots (compressed blocks) and the journal's twin
   * changes. {@link PropertyHistory#forget} is refused and {@link PropertyHistory#close} has no
   * effect: the history records until the store closes.
   *
   * @return the history, empty if the store keeps none
   */
  public Optional<PropertyHistory> propertyHistory() {
    return engine.propertyHistory();
  }

  /** @return the models stored with the graph */
  public Models models() {
    return engine.models();
  }

  /**
   * Adds models to the store: {@code models.json} is replaced, a models record is journaled, and
   * the live graph's model set grows in place ({@link Twins#extendModels}); the twins, the
   * telemetry hub, its rules and subscriptions stay as they are (nothing is rebuilt).
   *
   * @param more the models to add
   * @return the graph (the same object as {@link #twins()})
   * @throws IllegalArgumentException if a model has the DTMI of a different stored model
   * @throws StoreException if the journal failed
   */
  public Twins addModels(Models more) {
    return engine.addModels(Objects.requireNonNull(more, "more"));
  }

  /**
   * Runs many writes and waits for their durability once, at the end: the fast way to load data.
   * If the process crashes meanwhile, any prefix of the writes may be there. Graph writes show at
   * once (and are taken back if the journal fails); telemetry ingested in bulk shows group by
   * group as its records become durable (see {@link #telemetry()}).
   *
   * <pre>{@code
   * store.batch(() -> rows.forEach(r -> store.twins().createTwin(r.id(), MODEL, r.values())));
   * }</pre>
   *
   * @param writes the writes
   * @throws StoreException if the journal failed (also when a bulk ingest in the batch stopped
   *     because its messages could not be made durable)
   */
  public void batch(Runnable writes) {
    engine.batch(Objects.requireNonNull(writes, "writes"));
  }

  /**
   * Writes a snapshot now: the journal up to here need not be replayed on the next open, and
   * journal segments older than the second-newest snapshot are removed.
   *
   * @return the snapshot file
   * @throws StoreException if writing fails
   */
  public Path snapshot() {
    return engine.snapshot();
  }

  /**
   * fsyncs everything written so far, whatever the policy.
   *
   * @throws StoreException if the journal failed
   */
  public void sync() {
    engine.sync();
  }

  /**
   * The disk failure that stopped the store, if any: from then on the store refuses writes.
   *
   * @return the failure (naming the journal file)
   */
  public java.util.Optional<StoreException> failure() {
    return engine.failure();
  }

  /** @return what opening the store found and did */
  public RecoveryReport recovery() {
    return engine.recovery();
  }

  /** @return the store's directory */
  public Path directory() {
    return engine.config().dir();
  }

  /** @return the store's durability policy */
  public Durability durability() {
    return engine.config().durability();
  }

  /**
   * Returns numbers about the files: {@code journalSegments}, {@code journalBytes},
   * {@code lastRecord}, {@code snapshots}, {@code lastSnapshot}.
   *
   * @return the numbers, in that order
   */
  public Map<String, Object> fileStats() {
    return engine.fileStats();
  }

  /**
   * Makes everything durable, stops background snapshots and unlocks the directory. The graph
   * stays readable; writing it afterwards is no longer recorded.
   *
   * @throws StoreException if the last records could not be written
   */
  @Override
  public void close() {
    engine.close();
  }

  /** Renders counts only, e.g. {@code TwinStore[plant, twins=9, relationships=12, version=40, Durability[everyWrite]]}. */
  @Override
  public String toString() {
    return engine.toString();
  }

  /** The settings of a store, each checked as it is set. */
  public static final class Builder {
    private final Path dir;
    private Durability durability = Durability.everyWrite();
    private Models models = Models.empty();
    private UnaryOperator<Twins.Builder> graphOptions = UnaryOperator.identity();
    private UnaryOperator<TelemetryHub.Builder> telemetryOptions = UnaryOperator.identity();
    private long segmentBytes = 64L << 20;
    private long snapshotEvery = 1_000_000;
    private CorruptionPolicy onCorruption = CorruptionPolicy.FAIL;
    private UnaryOperator<PropertyHistory.Builder> history;

    private Builder(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Sets the fsync policy (default {@link Durability#everyWrite()}).
     *
     * @param durability the policy
     * @return this builder
     */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /**
     * Sets models to add to the store's own (for a new store: its models). Adding is recorded.
     *
     * @param models the models
     * @return this builder
     */
    public Builder models(Models models) {
      this.models = Objects.requireNonNull(models, "models");
      return this;
    }

    /**
     * Sets the options of the graph, e.g. {@code b -> b.cascadeDelete(true)}. Give the same
     * options at every open: the journal is replayed under them. The store sets the graph's
     * {@link Twins.Builder#commitHook commit hook} itself (a hook set here is replaced).
     *
     * @param options the options
     * @return this builder
     */
    public Builder graphOptions(UnaryOperator<Twins.Builder> options) {
      this.graphOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the options of the telemetry hub, e.g. {@code b -> b.retention(Retention.ofCount(10_000))}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder telemetryOptions(UnaryOperator<TelemetryHub.Builder> options) {
      this.telemetryOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the size after which the journal moves to a new segment (default 64 MiB).
     *
     * @param bytes at least 1 KiB
     * @return this builder
     * @throws IllegalArgumentException if smaller than 1 KiB
     */
    public Builder segmentBytes(long bytes) {
      if (bytes < 1024) throw new IllegalArgumentException("a segment must hold at least 1024 bytes, got " + bytes);
      this.segmentBytes = bytes;
      return this;
    }

    /**
     * Writes a snapshot in the background after this many journal records (default 1,000,000;
     * 0 for never).
     *
     * @param records the number of records, not negative
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder snapshotEvery(long records) {
      if (records < 0) throw new IllegalArgumentException("snapshotEvery must not be negative, got " + records);
      this.snapshotEvery = records;
      return this;
    }

    /**
     * Sets what to do about damage before the journal's tail (default {@link CorruptionPolicy#FAIL}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder onCorruption(CorruptionPolicy policy) {
      this.onCorruption = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Keeps a property history of the graph in the store ({@link TwinStore#propertyHistory}):
     * {@code b -> b.track("dtmi:com:example:Room;1", "temperature").retention(Retention.ofCount(1000))}.
     * The settings (what is tracked, the retention) are stored at the first open that asks for a
     * history, which starts it with the twins as they are then (like
     * {@link PropertyHistory.Builder#attach}); later opens may leave this out (the stored settings
     * apply) or give the same settings. A store's history cannot be changed or removed.
     *
     * @param settings the settings, applied to {@link PropertyHistory#builder()}; the retention
     *     must be one {@link dev.twins.core.series.Retention} for all histories
     * @return this builder
     */
    public Builder propertyHistory(UnaryOperator<PropertyHistory.Builder> settings) {
      this.history = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Opens the store: locks the directory and recovers.
     *
     * @return the store
     * @throws StoreException if the store is locked, damaged, or of an unknown format version
     * @throws IllegalArgumentException if the property history's settings cannot be stored (a
     *     retention given as a function of twin and property), select nothing, do not fit the models,
     *     or differ from those the store keeps
     */
    public TwinStore open() {
      Optional<HistoryStorage.Settings> h = Optional.empty();
      if (history != null) {
        PropertyHistory.Builder b = Objects.requireNonNull(history.apply(PropertyHistory.builder()),
            "the property history settings gave null");
        HistoryStorage.Settings s = HistoryStorage.settings(b).orElseThrow(() -> new IllegalArgumentException(
            "a durable store cannot keep a property history whose retention is a function of twin and property (it "
            + "could not come back on reopen): give one Retention for all with retention(Retention)"));
        if (!s.all() && s.selected().isEmpty()) {
          throw new IllegalArgumentException("the property history selects no property: call trackAll() or "
              + "track(model, ...)");
        }
        h = Optional.of(s);
      }
      return new TwinStore(StoreEngine.open(new StoreEngine.Config(dir, durability, models, graphOptions, telemetryOptions, segmentBytes,
          snapshotEvery, onCorruption, h)));
    }
  }
}
