package dev.twins.persistence.internal;

import dev.twins.core.graph.ChangeEvent;
import dev.twins.core.graph.CommitHook;
import dev.twins.core.graph.GraphSnapshot;
import dev.twins.core.internal.snapshot.StateAccess;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.HistoryStorage;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.Interface;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesBlocks;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.telemetry.IngestHook;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelWriter;
import dev.twins.core.model.Models;
import dev.twins.core.TwinsException;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import dev.twins.persistence.RecoveryReport;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.StoreException.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * A durable store: the directory lock, recovery, the journal subscription and snapshots. The
 * public face is {@code dev.twins.persistence.TwinStore}.
 */
public final class StoreEngine implements AutoCloseable {
  /**
   * The settings of a store.
   *
   * @param dir the directory
   * @param durability the fsync policy
   * @param models models to add to the store's (for a new store: its models)
   * @param graphOptions options of the graph (the same at every open)
   * @param telemetryOptions options of the telemetry hub
   * @param segmentBytes roll the journal to a new segment after this many bytes
   * @param snapshotEvery write a snapshot in the background after this many journal records (0: never)
   * @param onCorruption what to do about damage before the journal's tail
   * @param history the settings of the property history to keep, if one is asked for (a store
   *     that keeps one keeps it also when opened without)
   */
  public record Config(Path dir, Durability durability, Models models, UnaryOperator<Twins.Builder> graphOptions,
      UnaryOperator<TelemetryHub.Builder> telemetryOptions, long segmentBytes, long snapshotEvery,
      CorruptionPolicy onCorruption, Optional<HistoryStorage.Settings> history) {
    /**
     * Settings without a property history of their own.
     *
     * @param dir the directory
     * @param durability the fsync policy
     * @param models models to add to the store's
     * @param graphOptions options of the graph
     * @param telemetryOptions options of the telemetry hub
     * @param segmentBytes roll the journal to a new segment after this many bytes
     * @param snapshotEvery snapshot after this many journal records (0: never)
     * @param onCorruption what to do about damage before the journal's tail
     */
    public Config(Path dir, Durability durability, Models models, UnaryOperator<Twins.Builder> graphOptions,
        UnaryOperator<TelemetryHub.Builder> telemetryOptions, long segmentBytes, long snapshotEvery,
        CorruptionPolicy onCorruption) {
      this(dir, durability, models, graphOptions, telemetryOptions, segmentBytes, snapshotEvery, onCorruption,
          Optional.empty());
    }
  }

  private static final String LOCK_FILE = "store.lock";
  private static final String MODELS_FILE = "models.json";

  private final Config config;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final JournalWriter journal;
  private final RecoveryReport recovery;
  private final ThreadLocal<Bytes> scratch = ThreadLocal.withInitial(() -> new Bytes(512));
  private final ThreadLocal<long[]> batch = new ThreadLocal<>();
  private final ExecutorService snapshotter;
  private final AtomicBoolean snapshotRunning = new AtomicBoolean();
  private final Object snapshotLock = new Object();
  /** The graph changes not yet acknowledged, to take back if the journal fails; also the lock of appending them. */
  private final UndoLog undo = new UndoLog();
  /** The telemetry records appended whose messages may not be applied yet (removed by their completion). */
  private final java.util.concurrent.ConcurrentSkipListSet<Long> telemetryInFlight =
      new java.util.concurrent.ConcurrentSkipListSet<>();
  /** True while the recovered rules are installed (they are not journaled again). */
  private volatile boolean installingRules;
  private volatile Twins graph;
  private volatile Models models;
  private volatile Journaling journaling;
  private volatile StoreException failure;
  private volatile TelemetryHub hub;
  /** The property history the store keeps, fed with each acknowledged change; null if none. */
  private volatile HistoryStorage.Restoring history;
  private volatile HistoryStorage.Settings historySettings;
  private volatile long lastSnapshotLsn;
  private volatile boolean closed;
  /** Told of each telemetry record's lsn right after it is appended, still under the append lock (tests only). */
  volatile java.util.function.LongConsumer telemetryAppended;
  /** Told of a snapshot's lsn once every telemetry record up to it is applied, before the hub is read (tests only). */
  volatile java.util.function.LongConsumer snapshotLsnChosen;

  /**
   * Opens (or creates) a store: locks the directory, recovers, and starts journaling.
   *
   * @param config the settings
   * @return the store
   * @throws StoreException if the directory is locked, damaged, or of an unknown format
   */
  public static StoreEngine open(Config config) {
    return new StoreEngine(config);
  }

  private StoreEngine(Config config) {
    this.config = config;
    Path dir = config.dir();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw Errors.io(dir, "creating the store directory", e);
    }
    Path lockFile = dir.resolve(LOCK_FILE);
    FileChannel ch = null;
    FileLock l;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    } catch (IOException e) {
      closeQuietly(ch);
      throw Errors.io(lockFile, "locking the store", e);
    }
    if (l == null) {
      closeQuietly(ch);
      throw new StoreException(Code.LOCKED, dir, -1, "the store is already open (in this or another process); "
          + "close it there first", null);
    }
    this.lockChannel = ch;
    this.lock = l;
    this.snapshotter = Executors.newSingleThreadExecutor(run -> {
      Thread t = new Thread(run, "twins-snapshot-" + dir.getFileName());
      t.setDaemon(true);
      return t;
    });
    JournalWriter w = null;
    try {
      Recovered r = recover();
      this.graph = r.graph;
      this.journaling = r.journaling;
      this.hub = r.hub;
      this.models = r.models;
      this.recovery = r.report;
      this.lastSnapshotLsn = r.snapshotLsn;
      w = JournalWriter.open(dir, config.durability(), config.segmentBytes(), r.scan.segments(), r.scan.validLength(),
          r.nextLsn);
      this.journal = w;
      w.onFailure(this::journalFailed);
      if (r.history != null) startHistory(r.history, r.historySettings);
      subscribe();
      if (config.history().isPresent() && r.history != null && !r.historySettings.equals(config.history().get())) {
        throw new IllegalArgumentException("the store keeps a property history with other settings: stored "
            + r.historySettings + ", asked for " + config.history().get() + " (open it without a property history "
            + "to use the stored settings)");
      }
      installRules(r.rules);
      if (!holdsAll(r.models, config.models())) {
        addModels(config.models());
      }
      if (config.history().isPresent() && r.history == null) beginHistory(config.history().get());
    } catch (RuntimeException e) {
      if (w != null) w.close();
      if (hub != null) hub.close();
      snapshotter.shutdown();
      release();
      throw e;
    }
  }

  // ------------------------------------------------------------------------------------ recovery

  private static final class Recovered {
    Journaling journaling;
    Twins graph;
    TelemetryHub hub;
    long telemetryRefused;
    Models models;
    RecoveryReport report;
    JournalScanner.Result scan;
    long nextLsn;
    long snapshotLsn;
    /** The hub's rules, as the snapshot and the journal leave them; installed once the store journals. */
    List<Rule> rules = new ArrayList<>();
    /** The property history, as the snapshot and the journal leave it; null if the store keeps none. */
    HistoryStorage.Restoring history;
    HistoryStorage.Settings historySettings;
  }

  private Recovered recover() {
    long start = System.nanoTime();
    Path dir = config.dir();
    Recovered r = new Recovered();
    r.journaling = new Journaling();
    List<String> skipped = new ArrayList<>();
    TreeMap<Long, Path> snaps = SnapshotFiles.list(dir);
    LoadedSnapshot loaded = null;
    for (Map.Entry<Long, Path> s : snaps.descendingMap().entrySet()) {
      try {
        loaded = loadSnapshot(s.getValue());
        break;
      } catch (StoreException e) {
        if (e.code() != Code.CORRUPT) throw e;
        skipped.add(e.getMessage());
      }
    }
    r.models = union(loaded == null ? Models.empty() : loaded.models, readModelsFile());
    r.graph = loaded == null ? graphBuilder(r.models, r.journaling).build()
        : restore(r.models, r.journaling, loaded, loaded.file);
    r.hub = newHub(r.graph, r.journaling);
    if (loaded != null && loaded.historySettings != null) restoreHistory(r, loaded);
    if (loaded != null) {
      r.telemetryRefused += restoreSeries(loaded, r.graph, r.hub);
      for (ByteBuffer series : loaded.series) {
        try {
          r.telemetryRefused += SeriesCodec.restore(series, r.hub);
        } catch (RuntimeException e) {
          throw new StoreException(Code.CORRUPT, loaded.file, -1, "a telemetry series cannot be restored: "
              + e.getMessage(), e);
        }
      }
      for (ByteBuffer reading : loaded.lastReadings) {
        dev.twins.core.telemetry.TelemetryMessage m;
        try {
          m = EventCodec.telemetry(reading);
        } catch (RuntimeException e) {
          throw new StoreException(Code.CORRUPT, loaded.file, -1, "a last reading cannot be decoded: " + e.getMessage(), e);
        }
        if (!r.hub.ingest(m).accepted()) r.telemetryRefused++;
      }
      // the duplicate window, after the readings (whose messages carry no ids)
      for (dev.twins.core.telemetry.RecentMessageIds ids : loaded.messageIds) r.hub.restoreRecentMessageIds(ids);
    }
    long fromLsn = loaded == null ? 1 : loaded.lsn + 1;
    r.snapshotLsn = loaded == null ? 0 : loaded.lsn;
    long telemetryCut = loaded == null ? 0 : Math.max(loaded.lsn, loaded.telemetryCut);
    if (loaded != null) {
      for (RuleCodec.Change c : loaded.rules) applyRuleChange(r.rules, c);
    }
    long[] replayed = {0};
    JournalScanner.Result scan = JournalScanner.scan(dir, fromLsn, (lsn, type, version, payload, file, offset) -> {
      if (version != RecordTypes.V1) {
        throw Errors.version(file, offset, "journal record " + lsn + " (" + RecordTypes.name(type) + ") has version "
            + version + "; this version of Twins reads version " + RecordTypes.V1);
      }
      switch (type) {
        case RecordTypes.MODELS: {
          Models m = parseModels(payload, file, offset);
          if (!holdsAll(r.models, m)) {
            // only when models.json was lost
            r.models = union(r.models, m);
            try {
              r.graph.extendModels(r.models);
            } catch (IllegalArgumentException ex) {
              throw new StoreException(Code.INVALID_RECORD, file, offset, "journal record " + lsn + " (models) does not "
                  + "extend the stored models: " + ex.getMessage(), ex);
            }
          }
          break;
        }
        case RecordTypes.RULES: {
          RuleCodec.Change c;
          try {
            c = RuleCodec.decode(payload);
          } catch (RuntimeException ex) {
            throw new StoreException(Code.CORRUPT, file, offset, "journal record " + lsn + " (rules) cannot be decoded: "
                + ex.getMessage(), ex);
          }
          applyRuleChange(r.rules, c);
          break;
        }
        case RecordTypes.HISTORY_SETTINGS: {
          HistoryCodec.Settings h;
          try {
            h = HistoryCodec.settings(payload);
          } catch (RuntimeException ex) {
            throw new StoreException(Code.CORRUPT, file, offset, "journal record " + lsn + " (history settings) cannot be "
                + "decoded: " + ex.getMessage(), ex);
          }
          if (r.history == null) {
            // the history started here: it records the twins as they were then
            try {
              r.history = HistoryStorage.restoring(h.settings(), r.graph);
            } catch (IllegalArgumentException ex) {
              throw new StoreException(Code.INVALID_RECORD, file, offset, "journal record " + lsn + " (history settings) "
                  + "does not fit the models: " + ex.getMessage(), ex);
            }
            r.history.seedAll();
            r.historySettings = h.settings();
          } else if (!r.historySettings.equals(h.settings())) {
            throw new StoreException(Code.INVALID_RECORD, file, offset, "journal record " + lsn + " (history settings) "
                + "differs from the history the store keeps: " + h.settings() + " against " + r.historySettings, null);
          }
          break;
        }
        case RecordTypes.TELEMETRY: {
          dev.twins.core.telemetry.TelemetryMessage m;
          try {
            m = EventCodec.telemetry(payload);
          } catch (RuntimeException ex) {
            throw new StoreException(Code.CORRUPT, file, offset, "journal record " + lsn + " cannot be decoded: "
                + ex.getMessage(), ex);
          }
          if (lsn <= telemetryCut && inSeries(r.hub, m)) {
            r.hub.rememberMessageId(m); // the snapshot's series already hold it; its id joins the window
            break;
          }
          switch (r.hub.ingest(m)) {
            case ACCEPTED:
            case ACCEPTED_LATE:
              break;
            case DUPLICATE:
              // a record the snapshot's duplicate window already holds (its readings are in the snapshot)
              if (lsn > telemetryCut) r.telemetryRefused++;
              break;
            default:
              r.telemetryRefused++;
          }
          replayed[0]++;
          break;
        }
        case RecordTypes.TWIN_CREATED:
        case RecordTypes.TWIN_UPDATED:
        case RecordTypes.TWIN_DELETED:
        case RecordTypes.RELATION_CREATED:
        case RecordTypes.RELATION_UPDATED:
        case RecordTypes.RELATION_DELETED: {
          ChangeEvent e;
          try {
            e = EventCodec.decode(type, payload);
          } catch (RuntimeException ex) {
            throw new StoreException(Code.CORRUPT, file, offset, "journal record " + lsn + " cannot be decoded: "
                + ex.getMessage(), ex);
          }
          if (r.history != null) r.history.record(e); // skipped if the snapshot's histories hold it
          if (e.sequence() <= r.graph.version()) break; // already in the snapshot
          try {
            r.graph.apply(e);
          } catch (TwinsException ex) {
            throw new StoreException(Code.INVALID_RECORD, file, offset, "journal record " + lsn + " ("
                + RecordTypes.name(type) + " of " + e.twinId() + ") does not apply: " + ex.getMessage(), ex);
          }
          replayed[0]++;
          break;
        }
        default:
          throw Errors.version(file, offset, "journal record " + lsn + " has an unknown type " + type
              + " (written by a newer Twins?)");
      }
    });
    Optional<RecoveryReport.Truncation> torn = Optional.empty();
    Optional<RecoveryReport.Truncation> cut = Optional.empty();
    if (scan.corruption().isPresent()) {
      StoreException ex = scan.corruption().get();
      if (config.onCorruption() == CorruptionPolicy.FAIL) throw ex;
      JournalScanner.Damage d = new JournalScanner.Damage(ex.file().get(), ex.offset().getAsLong(), 0, ex.getMessage());
      cut = Optional.of(cutJournal(d, scan));
    } else if (scan.tornTail().isPresent()) {
      torn = Optional.of(cutJournal(scan.tornTail().get(), scan));
    }
    r.scan = scan;
    r.nextLsn = scan.nextLsn();
    r.report = new RecoveryReport(Optional.ofNullable(loaded).map(l -> l.file), loaded == null ? 0 : loaded.snapshot
        .sequence(), replayed[0], r.telemetryRefused, r.graph.version(), torn, cut, skipped,
        Duration.ofNanos(System.nanoTime() - start));
    if (torn.isPresent() || cut.isPresent() || !skipped.isEmpty()) {
      System.getLogger(StoreEngine.class.getName()).log(System.Logger.Level.WARNING, "recovered " + dir + ": " + r.report);
    }
    return r;
  }

  /** Cuts the journal at a damage: truncates that segment and deletes the later ones. */
  private RecoveryReport.Truncation cutJournal(JournalScanner.Damage d, JournalScanner.Result scan) {
    long dropped = 0;
    try {
      long keepNumber = scan.segments().isEmpty() ? 0 : scan.segments().get(scan.segments().size() - 1).number();
      for (Map.Entry<Long, Path> s : JournalScanner.segmentFiles(config.dir()).entrySet()) {
        if (s.getKey() > keepNumber) {
          dropped += Files.size(s.getValue());
          Files.delete(s.getValue());
        }
      }
      if (!scan.segments().isEmpty()) {
        Path last = scan.segments().get(scan.segments().size() - 1).file();
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
          dropped += ch.size() - scan.validLength();
          ch.truncate(scan.validLength());
          ch.force(true);
        }
      }
      Fsync.directory(config.dir());
    } catch (IOException e) {
      throw Errors.io(d.file(), "cutting the journal", e);
    }
    return new RecoveryReport.Truncation(d.file(), d.offset(), dropped, d.problem());
  }

  /** The graph's builder: the store's options, and the commit hook that journals the changes. */
  private Twins.Builder graphBuilder(Models m, Journaling hook) {
    return config.graphOptions().apply(Twins.builder(m)).commitHook(hook);
  }

  private Twins restore(Models m, Journaling hook, LoadedSnapshot s, Path file) {
    try {
      return StateAccess.restore(graphBuilder(m, hook), s.snapshot, s.sources, s.targets);
    } catch (TwinsException e) {
      throw new StoreException(Code.INVALID_RECORD, file, -1, "the state does not fit the models: " + e.getMessage(), e);
    }
  }

  private static Models parseModels(ByteBuffer payload, Path file, long offset) {
    String text = StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    try {
      return ModelParser.parseJson(text);
    } catch (TwinsException | IllegalArgumentException e) {
      throw new StoreException(Code.INVALID_RECORD, file, offset, "the stored models do not parse: " + e.getMessage(), e);
    }
  }

  private static final class LoadedSnapshot {
    Path file;
    long lsn;
    Models models;
    GraphSnapshot snapshot;
    /** Per relationship of the snapshot, the positions of its twins among the snapshot's (-1: unknown). */
    int[] sources;
    int[] targets;
    List<ByteBuffer> series = new ArrayList<>();
    List<SeriesBlockCodec.Stored> blockSeries = new ArrayList<>();
    List<ByteBuffer> lastReadings = new ArrayList<>();
    List<dev.twins.core.telemetry.RecentMessageIds> messageIds = new ArrayList<>();
    long telemetryCut;
    List<RuleCodec.Change> rules = new ArrayList<>();
    HistoryCodec.Settings historySettings;
    long historySettingsOffset;
    List<HistoryCodec.Stored> histories = new ArrayList<>();
  }

  /**
   * Restores the series a snapshot holds as compressed blocks into the hub's store, before any of
   * the hub's channels exist (a channel made later starts from its series' newest sample).
   *
   * @return the samples of twins the graph no longer has, or of a hub without series
   */
  private static long restoreSeries(LoadedSnapshot loaded, Twins graph, TelemetryHub hub) {
    long refused = 0;
    SeriesStore store = hub.seriesStore().orElse(null);
    for (SeriesBlockCodec.Stored s : loaded.blockSeries) {
      if (store == null || graph.twin(s.twinId()).isEmpty()) {
        refused += s.contents().size();
        continue;
      }
      try {
        Series target;
        switch (s.contents().kind()) {
          case DOUBLE:
            target = store.doubles(s.twinId(), s.name());
            break;
          case BOOLEAN:
            target = store.booleans(s.twinId(), s.name());
            break;
          case STRING:
            target = store.strings(s.twinId(), s.name());
            break;
          default:
            target = store.geoPoints(s.twinId(), s.name());
        }
        SeriesBlocks.restore(target, s.contents());
      } catch (IllegalArgumentException e) {
        throw new StoreException(Code.CORRUPT, loaded.file, s.offset(), "series " + s.name() + " of twin " + s.twinId()
            + " cannot be restored: " + e.getMessage(), e);
      }
    }
    return refused;
  }

  private static LoadedSnapshot loadSnapshot(Path file) {
    LoadedSnapshot s = new LoadedSnapshot();
    s.file = file;
    SnapshotCodec.Dictionary names = new SnapshotCodec.Dictionary();
    SnapshotRecords.Collected<Twin> twins = new SnapshotRecords.Collected<>("twin",
        (i, v, r) -> v == RecordTypes.V2 ? SnapshotCodec.twin(r, names) : EventCodec.twin(r));
    String[][] twinIds = {new String[0]};
    // per relationship the positions of its twins among the twin records (-1: by id), for the restore
    int[][] positions = {null, null};
    SnapshotRecords.Collected<Relation> rels = new SnapshotRecords.Collected<>("relationship", (i, v, r) -> {
      if (v == RecordTypes.V3) return SnapshotCodec.relation(r, names, twinIds[0], positions, i);
      if (v == RecordTypes.V2) return EventCodec.snapshotRelation(r, twinIds[0], positions, i);
      positions[0][i] = -1;
      positions[1][i] = -1;
      return EventCodec.snapshotRelation(v, r, twinIds[0]);
    });
    long[] info = {-1, -1, -1};
    Models[] models = {Models.empty()};
    SeriesBlockCodec.Assembler blocks = new SeriesBlockCodec.Assembler();
    HistoryCodec.Assembler historyBlocks = new HistoryCodec.Assembler();
    s.lsn = SnapshotFiles.read(file, (n, type, version, payload, f, offset) -> {
      int known = type == RecordTypes.RELATION ? RecordTypes.V3 : type == RecordTypes.TWIN ? RecordTypes.V2 : RecordTypes.V1;
      if (version < RecordTypes.V1 || version > known) {
        throw Errors.version(f, offset, "snapshot record " + n + " (" + RecordTypes.name(type) + ") has version "
            + version + "; this version of Twins reads " + (known == RecordTypes.V1 ? "version 1" : "versions 1 to " + known));
      }
      try {
        switch (type) {
          case RecordTypes.SNAPSHOT_INFO:
            info[0] = new Bytes.Reader(payload).varLong();
            break;
          case RecordTypes.MODELS:
            models[0] = parseModels(payload, f, offset);
            break;
          case RecordTypes.TWIN:
            twins.add(version, payload);
            break;
          case RecordTypes.RELATION:
            rels.add(version, payload);
            break;
          case RecordTypes.NAMES:
            names.read(payload);
            break;
          case RecordTypes.SERIES_SAMPLES:
            s.series.add(payload);
            break;
          case RecordTypes.SERIES_BLOCK: {
            SeriesBlockCodec.Stored done = blocks.add(payload, offset);
            if (done != null) s.blockSeries.add(done);
            break;
          }
          case RecordTypes.RULES:
            s.rules.add(RuleCodec.decode(payload));
            break;
          case RecordTypes.TELEMETRY_CUT:
            s.telemetryCut = new Bytes.Reader(payload).varLong();
            break;
          case RecordTypes.LAST_READING:
            s.lastReadings.add(payload);
            break;
          case RecordTypes.MESSAGE_IDS:
            s.messageIds.add(MessageIdCodec.decode(payload));
            break;
          case RecordTypes.HISTORY_SETTINGS:
            s.historySettings = HistoryCodec.settings(payload);
            s.historySettingsOffset = offset;
            break;
          case RecordTypes.HISTORY_BLOCKS: {
            if (s.historySettings == null) throw Errors.corrupt(f, offset, "a history blocks record before the history settings");
            HistoryCodec.Stored done = historyBlocks.add(payload, offset);
            if (done != null) s.histories.add(done);
            break;
          }
          case RecordTypes.END: {
            if (blocks.pending() != null) {
              throw Errors.corrupt(f, offset, "the snapshot ends before the last part of series " + blocks.pending());
            }
            if (historyBlocks.pending() != null) {
              throw Errors.corrupt(f, offset, "the snapshot ends before the last part of the history of "
                  + historyBlocks.pending());
            }
            Bytes.Reader r = new Bytes.Reader(payload);
            info[1] = r.varLong();
            info[2] = r.varLong();
            break;
          }
          default:
            throw Errors.version(f, offset, "snapshot record " + n + " has an unknown type " + type
                + " (written by a newer Twins?)");
        }
      } catch (SeriesBlockCodec.EncodingVersionException e) {
        throw Errors.version(f, offset, "snapshot record " + n + ": " + e.getMessage());
      } catch (RuntimeException e) {
        if (e instanceof StoreException) throw e;
        throw new StoreException(Code.CORRUPT, f, offset, "snapshot record " + n + " cannot be decoded: " + e.getMessage(), e);
      }
    });
    if (info[0] < 0) throw Errors.corrupt(file, -1, "snapshot has no info record");
    if (info[1] != twins.size() || info[2] != rels.size()) {
      throw Errors.corrupt(file, -1, "snapshot says " + info[1] + " twins and " + info[2] + " relationships but holds "
          + twins.size() + " and " + rels.size());
    }
    s.models = models[0];
    List<Twin> decodedTwins = twins.decode(file);
    String[] ids = new String[decodedTwins.size()];
    for (int i = 0; i < ids.length; i++) ids[i] = decodedTwins.get(i).id();
    twinIds[0] = ids;
    positions[0] = new int[rels.size()];
    positions[1] = new int[rels.size()];
    s.snapshot = new GraphSnapshot(info[0], decodedTwins, rels.decode(file));
    s.sources = positions[0];
    s.targets = positions[1];
    return s;
  }

  // ------------------------------------------------------------------------------------ writing

  /**
   * The graph's commit hook: appends each change to the journal inside the graph's commit (so the
   * journal's order is the commit order; an append only copies into the journal's buffer), and
   * waits for the record's durability in the completion, outside the graph's locks, so that
   * concurrent writers share a group (one fsync under {@link Durability#everyWrite()}). A graph
   * being recovered replays its journal through the hook, which then records nothing; a closed
   * store's graph refuses writes.
   */
  private final class Journaling implements CommitHook, IngestHook {
    private volatile boolean active;
    private volatile String retired;

    void activate() {
      active = true;
    }

    void retire(String why) {
      retired = why;
    }

    @Override
    public Completion committing(ChangeEvent e) {
      String why = retired;
      if (why != null) throw new StoreException(Code.CLOSED, config.dir(), -1, why, null);
      if (!active) return Completion.none(); // replaying the journal while the store opens
      Bytes b = scratch.get();
      b.reset();
      EventCodec.encode(e, b);
      long lsn;
      synchronized (undo) {
        StoreException failed = failure;
        if (failed != null) throw refused(failed);
        try {
          lsn = journal.append(EventCodec.type(e), RecordTypes.V1, b.array(), b.length());
        } catch (StoreException ex) {
          throw refused(fail(ex));
        }
        undo.record(lsn, e, graph);
        undo.acknowledged(journal.acknowledgedLsn()); // keeps the log to the records in flight, also in a batch
      }
      return completion(lsn, true);
    }

    /**
     * The hub's ingest hook: appends the accepted telemetry message to the journal before the hub
     * applies it (under the twin's telemetry locks, so in the order the hub applies them), and
     * waits for the record there: the hub applies the message only once it is durable, so a
     * journal failure refuses it before anything changes in memory. Also in a {@link #batch}: its
     * bulk ingests go through {@link #stage} instead, which waits once per group of messages.
     */
    @Override
    public Completion accepting(TelemetryMessage m) {
      long lsn = appendTelemetry(m, true);
      if (lsn < 0) return Completion.none(); // replaying the journal while the store opens
      // applied only once durable: a failed record leaves nothing in memory (series, last
      // reading, duplicate window, twin sync, rule outputs) that a reopen would not show
      try {
        journal.await(lsn);
      } catch (StoreException ex) {
        telemetryInFlight.remove(lsn);
        throw fail(ex);
      }
      return () -> {
        telemetryInFlight.remove(lsn); // applied (the hub runs the completion after applying, also on failure)
        maybeSnapshot(lsn);
      };
    }

    /**
     * Appends a telemetry record.
     *
     * @param mark whether to mark it in flight until its message is applied or dropped (a staged
     *     record after an older one not yet applied need not be)
     * @return its lsn, or -1 while the store opens (nothing is journaled then)
     */
    private long appendTelemetry(TelemetryMessage m, boolean mark) {
      String why = retired;
      if (why != null) throw new StoreException(Code.CLOSED, config.dir(), -1, why, null);
      if (!active) return -1;
      Bytes b = scratch.get();
      b.reset();
      EventCodec.telemetry(m, b);
      long lsn;
      synchronized (undo) {
        StoreException failed = failure;
        if (failed != null) throw refused(failed);
        try {
          lsn = journal.append(RecordTypes.TELEMETRY, RecordTypes.V1, b.array(), b.length());
        } catch (StoreException ex) {
          throw refused(fail(ex));
        }
        java.util.function.LongConsumer appended = telemetryAppended;
        if (appended != null) appended.accept(lsn);
        if (mark) telemetryInFlight.add(lsn);
      }
      return lsn;
    }

    /**
     * A bulk ingest ({@code ingestNdjson}, {@code ingestCsv}, {@code ingestAll}) inside a
     * {@link #batch}: each message's record is appended as it comes, and every few thousand
     * messages the hub waits once for them and only then applies them. Outside a batch (or while
     * the store opens) each message goes through {@link #accepting}.
     */
    @Override
    public IngestHook.Stage stage() {
      if (!active || batch.get() == null) return null;
      return new Staging();
    }

    /**
     * The hub's rule changes: each is journaled as a declarative rules record and waited for; a
     * rule whose derivation is code (a lambda without a spec) is refused, since it could not come
     * back on reopen.
     */
    @Override
    public void ruleChanging(Rule rule, boolean adding) {
      String why = retired;
      if (why != null) throw new StoreException(Code.CLOSED, config.dir(), -1, why, null);
      if (!active || installingRules) return;
      String problem = RuleCodec.problem(rule);
      if (problem != null) throw new IllegalArgumentException(problem);
      Bytes b = new Bytes(256);
      RuleCodec.encode(adding, rule, b);
      long lsn;
      synchronized (undo) {
        StoreException failed = failure;
        if (failed != null) throw refused(failed);
        try {
          lsn = journal.append(RecordTypes.RULES, RecordTypes.V1, b.array(), b.length());
        } catch (StoreException ex) {
          throw refused(fail(ex));
        }
      }
      completion(lsn, false).complete();
    }
  }

  /**
   * The telemetry records of one bulk ingest in a batch whose messages are not yet applied, oldest
   * first. Only the oldest of them is marked in flight (it holds back a snapshot as well as all of
   * them would, and keeps the in-flight set small).
   */
  private final class Staging implements IngestHook.Stage {
    private long[] lsns = new long[64];
    private int head;
    private int n;

    @Override
    public void add(TelemetryMessage m) {
      long lsn = journaling.appendTelemetry(m, head == n);
      if (lsn < 0) throw new IllegalStateException("the store is not journaling yet");
      if (n == lsns.length) {
        if (head > 0) {
          System.arraycopy(lsns, head, lsns, 0, n - head);
          n -= head;
          head = 0;
        }
        if (n == lsns.length) lsns = java.util.Arrays.copyOf(lsns, n * 2);
      }
      lsns[n++] = lsn;
    }

    @Override
    public int durable(int count) {
      try {
        journal.await(lsns[head + count - 1]);
        return count;
      } catch (StoreException ex) {
        fail(ex);
        // the records written before the failure are durable (a reopen replays them): those apply
        long acknowledged = journal.acknowledgedLsn();
        int k = 0;
        while (k < count && lsns[head + k] <= acknowledged) k++;
        if (k > 0) return k;
        throw ex;
      }
    }

    @Override
    public void applied(int count) {
      if (count <= 0) return;
      long oldest = lsns[head];
      head += count;
      if (head < n) telemetryInFlight.add(lsns[head]); // the new oldest, before the old one goes
      telemetryInFlight.remove(oldest);
      maybeSnapshot(lsns[head - 1]);
      if (head == n) {
        head = 0;
        n = 0;
      }
    }
  }

  /**
   * The journal failed (called once, in its flusher thread, outside the graph's locks, before any
   * waiting writer learns of it): the store stops, and every graph change after the last
   * acknowledged record is taken back in memory, newest first, so that the graph shows exactly
   * what a reopen would recover.
   */
  private void journalFailed(StoreException ex, long acknowledgedLsn) {
    List<UndoLog.Step> steps;
    synchronized (undo) {
      fail(ex);
      steps = undo.after(acknowledgedLsn);
    }
    Twins g = graph;
    for (int i = steps.size() - 1; i >= 0; i--) {
      UndoLog.Step st = steps.get(i);
      g.revert(st.change(), st.before());
    }
    if (!steps.isEmpty()) {
      System.getLogger(StoreEngine.class.getName()).log(System.Logger.Level.WARNING, "the journal of " + config.dir()
          + " failed; took back " + steps.size() + " unacknowledged change(s) in memory: " + ex.getMessage());
    }
  }

  /**
   * Ends a write: waits for its record (unless in a batch) and may start a snapshot.
   *
   * @param graphChange whether the record is a graph change (kept in the undo log until acknowledged)
   */
  private CommitHook.Completion completion(long lsn, boolean graphChange) {
    long[] inBatch = batch.get();
    if (inBatch != null) {
      inBatch[0] = lsn;
      return () -> maybeSnapshot(lsn);
    }
    return () -> {
      try {
        journal.await(lsn);
      } catch (StoreException ex) {
        throw fail(ex);
      }
      if (graphChange) {
        synchronized (undo) {
          undo.acknowledged(lsn);
        }
      }
      maybeSnapshot(lsn);
    };
  }

  /** Whether every value of a message is already a sample of its series at the message's time. */
  private static boolean inSeries(TelemetryHub hub, TelemetryMessage m) {
    for (String name : m.values().keySet()) {
      String key = m.component().map(c -> c + "/" + name).orElse(name);
      Optional<Series> s = hub.series(m.twinId(), key);
      if (s.isEmpty() || s.get().count(m.epochMillis(), m.epochMillis() + 1) == 0) return false;
    }
    return true;
  }

  /** Adds or removes a recovered rule (idempotent: a snapshot may already hold a change journaled after its lsn). */
  private static void applyRuleChange(List<Rule> rules, RuleCodec.Change c) {
    if (c.added()) {
      if (!rules.contains(c.rule())) rules.add(c.rule());
    } else {
      rules.remove(c.rule());
    }
  }

  /** Installs the recovered rules into the live hub, without journaling them again. */
  private void installRules(List<Rule> rules) {
    if (rules.isEmpty()) return;
    installingRules = true;
    try {
      for (Rule rule : rules) {
        try {
          hub.rules().add(rule);
        } catch (RuntimeException e) {
          throw new StoreException(Code.INVALID_RECORD, config.dir(), -1, "the stored rule " + rule
              + " cannot be installed again: " + e.getMessage(), e);
        }
      }
    } finally {
      installingRules = false;
    }
  }

  /** Puts the store into its failed state (the first failure stays). */
  private StoreException fail(StoreException ex) {
    synchronized (this) {
      if (failure == null && ex.code() != Code.CLOSED) failure = ex;
    }
    return ex;
  }

  private StoreException refused(StoreException cause) {
    if (cause.code() == Code.CLOSED) return cause;
    return new StoreException(Code.CLOSED, config.dir(), -1, "the store stopped after a disk failure and refuses "
        + "writes; reopen it to get back to its durable state (the failure: " + cause.getMessage() + ")", cause);
  }

  /**
   * The disk failure that stopped the store, if any.
   *
   * @return the failure
   */
  public Optional<StoreException> failure() {
    StoreException f = failure;
    if (f == null) f = journal.failure().orElse(null);
    return Optional.ofNullable(f);
  }

  private void subscribe() {
    journaling.activate();
  }

  private TelemetryHub newHub(Twins g, Journaling hook) {
    return config.telemetryOptions().apply(TelemetryHub.builder(g)).ingestHook(hook).build();
  }

  private static Models union(Models a, Models b) {
    if (b.interfaces().isEmpty() || holdsAll(a, b)) return a;
    List<Interface> all = new ArrayList<>(a.interfaces());
    all.addAll(b.interfaces());
    return Models.of(all);
  }

  /**
   * Whether {@code a} holds every interface of {@code b}, equal: each looked up by its id and
   * compared with that one only (not with every interface of {@code a}).
   */
  static boolean holdsAll(Models a, Models b) {
    for (Interface i : b.interfaces()) {
      Optional<Interface> mine = a.get(i.id());
      if (mine.isEmpty() || !mine.get().equals(i)) return false;
    }
    return true;
  }

  private Models readModelsFile() {
    Path f = config.dir().resolve(MODELS_FILE);
    if (!Files.exists(f)) return Models.empty();
    try {
      return parseModels(ByteBuffer.wrap(Files.readAllBytes(f)), f, -1);
    } catch (IOException e) {
      throw Errors.io(f, "reading the models", e);
    }
  }

  private void writeModelsFile(Models m) {
    Path f = config.dir().resolve(MODELS_FILE);
    Path tmp = config.dir().resolve(MODELS_FILE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(ModelWriter.toJson(m).getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) ch.write(b);
      ch.force(true);
    } catch (IOException e) {
      throw Errors.io(tmp, "writing the models", e);
    }
    try {
      Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw Errors.io(f, "writing the models", e);
    }
    Fsync.directory(config.dir());
  }

  private void maybeSnapshot(long lsn) {
    if (config.snapshotEvery() > 0 && lsn - lastSnapshotLsn >= config.snapshotEvery()
        && snapshotRunning.compareAndSet(false, true)) {
      try {
        snapshotter.execute(() -> {
          try {
            snapshot();
          } catch (RuntimeException ex) {
            System.getLogger(StoreEngine.class.getName()).log(System.Logger.Level.WARNING,
                "background snapshot of " + config.dir() + " failed", ex);
          } finally {
            snapshotRunning.set(false);
          }
        });
      } catch (RuntimeException ex) {
        snapshotRunning.set(false);
      }
    }
  }

  /**
   * Runs writes whose journal records are made durable once, at the end (one wait instead of one
   * per write).
   *
   * @param action the writes
   * @throws StoreException if the journal failed
   */
  public void batch(Runnable action) {
    long[] prev = batch.get();
    long[] mine = prev != null ? prev : new long[] {0};
    batch.set(mine);
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      if (prev == null) journal.awaitFailureHandled(); // a write refused after a failure: let the take-back finish
      if (prev == null && e instanceof dev.twins.core.telemetry.TelemetryException
          && e.getCause() instanceof StoreException) {
        // a bulk ingest whose staged messages could not be made durable (none of them was applied)
        StoreException cause = (StoreException) e.getCause();
        throw new StoreException(cause.code(), null, -1, e.getMessage(), e);
      }
      throw e;
    } finally {
      if (prev == null) batch.remove();
    }
    if (prev == null && mine[0] > 0) {
      journal.await(mine[0]);
      synchronized (undo) {
        undo.acknowledged(mine[0]);
      }
    }
  }

  /**
   * Adds models to the store: writes {@code models.json}, journals the new model set and extends
   * the live graph's model set in place ({@link Twins#extendModels}): nothing is rebuilt.
   *
   * @param more the models to add
   * @return the graph (the same object), now with the union of the models
   * @throws IllegalArgumentException if a model has the DTMI of a different stored model
   */
  public synchronized Twins addModels(Models more) {
    Models union = union(models, more);
    if (union == models) return graph;
    synchronized (snapshotLock) {
      byte[] text = ModelWriter.toJson(union).getBytes(StandardCharsets.UTF_8);
      writeModelsFile(union);
      journal.await(journal.append(RecordTypes.MODELS, RecordTypes.V1, text, text.length));
      journal.sync();
      // the live graph (and its hub, which reads the graph's models) moves to the larger set in place
      graph.extendModels(union);
      models = union;
      return graph;
    }
  }

  /**
   * Writes a snapshot now (and removes what it makes unnecessary).
   *
   * @return the snapshot file
   * @throws StoreException if writing fails
   */
  public Path snapshot() {
    synchronized (snapshotLock) {
      long lsn;
      synchronized (undo) {
        // under the append lock: a telemetry record is appended and marked in flight in one step,
        // so every record up to lsn whose message is not applied yet is in flight now
        lsn = journal.lastLsn();
      }
      // every telemetry record up to lsn must be applied before the hub is read
      // (ceiling, not isEmpty then first: the set may empty in between)
      for (Long oldest; (oldest = telemetryInFlight.ceiling(Long.MIN_VALUE)) != null && oldest <= lsn; ) {
        java.util.concurrent.locks.LockSupport.parkNanos(50_000);
      }
      java.util.function.LongConsumer chosen = snapshotLsnChosen;
      if (chosen != null) chosen.accept(lsn);
      journal.sync();
      synchronized (undo) {
        undo.acknowledged(lsn); // the history holds every change up to lsn before it is read
      }
      Models m = models;
      Twins g = graph;
      TelemetryHub h = hub;
      GraphSnapshot s = g.snapshot();
      // read after the graph: its histories hold at least every change the graph snapshot does
      HistoryStorage.Restoring hist = history;
      List<HistoryStorage.Stored> histories = new ArrayList<>();
      long historySequence = hist == null ? 0 : HistoryStorage.export(hist.history(), histories::add);
      Path file;
      try (SnapshotFiles.Writer w = new SnapshotFiles.Writer(config.dir(), lsn)) {
        Bytes b = new Bytes(1 << 12);
        b.varLong(s.sequence());
        b.instant(Instant.now());
        w.add(RecordTypes.SNAPSHOT_INFO, RecordTypes.V1, b.array(), b.length());
        byte[] mt = ModelWriter.toJson(m).getBytes(StandardCharsets.UTF_8);
        w.add(RecordTypes.MODELS, RecordTypes.V1, mt, mt.length);
        // the twins' positions, for the relationship records, found while the twins are written
        Supplier<TwinPositions> twinPositions = SnapshotRecords.inBackground(
            () -> TwinPositions.of(s.twins(), s.relations()));
        // twins (version 2) and relationships (version 3) refer to repeating strings by code: the
        // codes are handed out while encoding and the names record follows the relationships
        SnapshotCodec.Names names = new SnapshotCodec.Names();
        SnapshotRecords.write(w, s.twins(), RecordTypes.TWIN, (t, i, out) -> {
          SnapshotCodec.twin(t, names, out);
          return RecordTypes.V2;
        });
        TwinPositions positions = twinPositions.get();
        SnapshotRecords.write(w, s.relations(), RecordTypes.RELATION, (rel, i, out) -> {
          int source = positions.source(i);
          int target = positions.of(rel.targetId());
          if (source < 0 || target < 0) return EventCodec.snapshotRelation(rel, source, target, out);
          SnapshotCodec.relation(rel, source, target, names, out);
          return RecordTypes.V3;
        });
        b.reset();
        names.write(b);
        w.add(RecordTypes.NAMES, RecordTypes.V1, b.array(), b.length());
        for (Rule rule : h.rules().list()) {
          b.reset();
          RuleCodec.encode(true, rule, b);
          w.add(RecordTypes.RULES, RecordTypes.V1, b.array(), b.length());
        }
        if (hist != null) {
          b.reset();
          HistoryCodec.settings(historySettings, historySequence, b);
          w.add(RecordTypes.HISTORY_SETTINGS, RecordTypes.V1, b.array(), b.length());
          for (HistoryStorage.Stored one : histories) {
            HistoryCodec.blocks(one, b, (p, len) -> w.add(RecordTypes.HISTORY_BLOCKS, RecordTypes.V1, p, len));
          }
        }
        // the duplicate window, read before the series: an id it holds is of a message already in them
        List<dev.twins.core.telemetry.RecentMessageIds> recentIds = new ArrayList<>();
        h.forEachRecentMessageIds(recentIds::add);
        recentIds.sort(java.util.Comparator.comparing(dev.twins.core.telemetry.RecentMessageIds::twinId));
        for (dev.twins.core.telemetry.RecentMessageIds ids : recentIds) {
          b.reset();
          MessageIdCodec.encode(ids, b);
          w.add(RecordTypes.MESSAGE_IDS, RecordTypes.V1, b.array(), b.length());
        }
        Optional<SeriesStore> series = h.seriesStore();
        if (series.isPresent()) {
          List<String> ids = new ArrayList<>(series.get().twinIds());
          ids.sort(null);
          for (String id : ids) {
            for (Map.Entry<String, Series> e : new TreeMap<>(series.get().seriesOf(id)).entrySet()) {
              SeriesBlockCodec.encode(id, e.getKey(), e.getValue(), b,
                  (p, len) -> w.add(RecordTypes.SERIES_BLOCK, RecordTypes.V1, p, len));
            }
          }
        }
        // records after lsn whose messages the series may already hold: replay skips their samples
        b.reset();
        b.varLong(journal.lastLsn());
        w.add(RecordTypes.TELEMETRY_CUT, RecordTypes.V1, b.array(), b.length());
        // telemetries without history: their newest readings
        h.forEachLastWithoutSeries(reading -> {
          b.reset();
          EventCodec.telemetry(reading, b);
          w.add(RecordTypes.LAST_READING, RecordTypes.V1, b.array(), b.length());
        });
        b.reset();
        b.varLong(s.twins().size());
        b.varLong(s.relations().size());
        file = w.commit(b.array(), b.length());
      }
      lastSnapshotLsn = lsn;
      pruneSnapshots();
      return file;
    }
  }

  /** Keeps the two newest snapshots and the journal segments the older of them needs. */
  private void pruneSnapshots() {
    TreeMap<Long, Path> snaps = SnapshotFiles.list(config.dir());
    if (snaps.size() < 2) return;
    List<Long> lsns = new ArrayList<>(snaps.descendingKeySet());
    long olderKept = lsns.get(1);
    for (int i = 2; i < lsns.size(); i++) {
      try {
        Files.deleteIfExists(snaps.get(lsns.get(i)));
      } catch (IOException e) {
        throw Errors.io(snaps.get(lsns.get(i)), "deleting an old snapshot", e);
      }
    }
    journal.deleteCoveredSegments(olderKept);
  }

  // ------------------------------------------------------------------------------------ reading

  /** @return the live graph */
  public Twins graph() {
    return graph;
  }

  /** @return the telemetry hub of the graph */
  public TelemetryHub telemetry() {
    return hub;
  }

  /** @return the property history the store keeps, if any */
  public Optional<PropertyHistory> propertyHistory() {
    HistoryStorage.Restoring h = history;
    return h == null ? Optional.empty() : Optional.of(h.history());
  }

  /** Puts back the property history of a snapshot (before the journal is replayed). */
  private static void restoreHistory(Recovered r, LoadedSnapshot loaded) {
    try {
      r.history = HistoryStorage.restoring(loaded.historySettings.settings(), r.graph);
    } catch (IllegalArgumentException e) {
      throw new StoreException(Code.INVALID_RECORD, loaded.file, loaded.historySettingsOffset, "the property history's "
          + "settings do not fit the models: " + e.getMessage(), e);
    }
    r.historySettings = loaded.historySettings.settings();
    for (HistoryCodec.Stored st : loaded.histories) {
      try {
        r.history.restore(st.history());
      } catch (IllegalArgumentException e) {
        throw new StoreException(Code.CORRUPT, loaded.file, st.offset(), "the history of " + st.history().property()
            + " of twin " + st.history().twinId() + " cannot be restored: " + e.getMessage(), e);
      }
    }
    r.history.restoredThrough(loaded.historySettings.sequence());
  }

  /** Makes a recovered history the store's: from now on it records each acknowledged change. */
  private void startHistory(HistoryStorage.Restoring h, HistoryStorage.Settings settings) {
    historySettings = settings;
    history = h;
    synchronized (undo) {
      undo.onAcknowledged(h::record);
    }
  }

  /** Starts the store's property history: journals its settings, then records the twins as they are. */
  private void beginHistory(HistoryStorage.Settings settings) {
    HistoryStorage.Restoring h;
    try {
      h = HistoryStorage.restoring(settings, graph);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the property history does not fit the store's models: " + e.getMessage(), e);
    }
    Bytes b = new Bytes(256);
    HistoryCodec.settings(settings, graph.version(), b);
    journal.await(journal.append(RecordTypes.HISTORY_SETTINGS, RecordTypes.V1, b.array(), b.length()));
    h.seedAll();
    startHistory(h, settings);
  }

  /** @return the store's models */
  public Models models() {
    return models;
  }

  /** @return what opening found */
  public RecoveryReport recovery() {
    return recovery;
  }

  /** @return the settings */
  public Config config() {
    return config;
  }

  /** @return the journal writer (for tests and statistics) */
  public JournalWriter journal() {
    return journal;
  }

  /** @return the journal's segments */
  public List<JournalWriter.Segment> segments() {
    return journal.segments();
  }

  /** @return the lsn of the last journal record */
  public long lastLsn() {
    return journal.lastLsn();
  }

  /**
   * Makes everything written so far durable, whatever the policy.
   *
   * @throws StoreException if the journal failed
   */
  public void sync() {
    journal.sync();
  }

  /** @return some numbers about the files, in order */
  public Map<String, Object> fileStats() {
    Map<String, Object> out = new LinkedHashMap<>();
    long bytes = 0;
    for (JournalWriter.Segment s : journal.segments()) {
      try {
        bytes += Files.size(s.file());
      } catch (IOException e) {
        throw Errors.io(s.file(), "reading the journal size", e);
      }
    }
    out.put("journalSegments", journal.segments().size());
    out.put("journalBytes", bytes);
    out.put("lastRecord", journal.lastLsn());
    out.put("journalGroups", journal.groups());
    out.put("journalFsyncs", journal.fsyncs());
    TreeMap<Long, Path> snaps = SnapshotFiles.list(config.dir());
    out.put("snapshots", snaps.size());
    out.put("lastSnapshot", snaps.isEmpty() ? "none" : snaps.lastEntry().getValue().getFileName().toString());
    return out;
  }

  /**
   * Stops journaling, waits for a running snapshot, makes everything durable and unlocks.
   *
   * @throws StoreException if the last records could not be written
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    journaling.retire("the store is closed");
    snapshotter.shutdown();
    try {
      snapshotter.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      journal.close();
    } finally {
      hub.close();
      release();
    }
  }

  private void release() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  @Override
  public String toString() {
    return "TwinStore[" + config.dir().getFileName() + ", twins=" + graph.twinCount() + ", relationships="
        + graph.relationCount() + ", version=" + graph.version() + ", " + config.durability() + "]";
  }
}
