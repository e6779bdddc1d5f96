package dev.twins.bench;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import dev.twins.persistence.Durability;
import dev.twins.persistence.TwinStore;
import dev.twins.persistence.internal.JournalWriter;
import dev.twins.persistence.internal.RecordTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable stores ({@link TwinStore}) and their journal:
 *
 * <ul>
 *   <li>{@link #appendEach} and {@link #appendBatch}: writer threads append 64-byte records to the
 *       journal and wait until each (or each batch of {@value #BATCH}) is durable under the
 *       {@code durability} policy; group commit shares one write (and fsync) among everything
 *       appended meanwhile (throughput, records/s);
 *   <li>{@link #graphWrite}: writer threads update twins of a {@link TwinStore}'s graph, each write
 *       returning once its journal record is durable under {@code durability}; concurrent writes
 *       share a group (and fsync), since a write waits outside the graph's commit (throughput,
 *       writes/s);
 *   <li>{@link #openStore}: opening a store that holds a {@link BuildingPortfolio} of
 *       {@code twins} twins (about 2.95 relationships each) and a journal of {@code records}
 *       records in all (the creates, then property updates), the newest snapshot {@code tail}
 *       records before the last (single shot, s); the store is built once and kept (see
 *       {@link #storesDir()});
 *   <li>{@link #snapshot}: writing a snapshot of a store holding a portfolio of {@code twins}
 *       twins (single shot, s).
 * </ul>
 *
 * <p>Files go to a temporary folder under {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir} to
 * measure another disk), deleted after the trial. See BENCHMARKS.md.
 */
public class PersistenceBenchmark {
  /** Records per {@link #appendBatch} operation. */
  public static final int BATCH = 64;

  /** Creates the benchmark; JMH calls it. */
  public PersistenceBenchmark() {}

  /** A journal in a temporary folder. */
  @State(Scope.Benchmark)
  public static class JournalState {
    /** The durability policy: everyWrite, every10ms or os. */
    @Param({"everyWrite", "os"})
    public String durability;

    Path dir;
    JournalWriter journal;
    final byte[] payload = new byte[64];

    /** Opens the journal. */
    @Setup(Level.Trial)
    public void open() {
      dir = tempDir("journal");
      journal = JournalWriter.open(dir, policy(durability), 64L << 20, List.of(), 0, 1);
    }

    /** Closes the journal and deletes it. */
    @TearDown(Level.Trial)
    public void close() {
      System.out.println("\ngroups written: " + journal.groups() + " for " + journal.lastLsn() + " records");
      journal.close();
      delete(dir);
    }
  }

  /**
   * Appends one record and waits until it is durable.
   *
   * @param s the journal
   * @return the record's lsn
   */
  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
  public long appendEach(JournalState s) {
    long lsn = s.journal.append(RecordTypes.TELEMETRY, 1, s.payload, s.payload.length);
    s.journal.await(lsn);
    return lsn;
  }

  /**
   * Appends {@value #BATCH} records and waits until the last is durable (as
   * {@link TwinStore#batch} does).
   *
   * @param s the journal
   * @return the last record's lsn
   */
  @Benchmark
  @Threads(4)
  @OperationsPerInvocation(BATCH)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
  public long appendBatch(JournalState s) {
    long lsn = 0;
    for (int i = 0; i < BATCH; i++) lsn = s.journal.append(RecordTypes.TELEMETRY, 1, s.payload, s.payload.length);
    s.journal.await(lsn);
    return lsn;
  }

  /** A store of {@value #ROOMS} rooms, open for the whole trial, written to by every thread. */
  @State(Scope.Benchmark)
  public static class GraphWriteState {
    /** Rooms in the store (each thread writes its own ones in turn). */
    static final int ROOMS = 1024;

    /** The durability policy: everyWrite, every10ms or os. */
    @Param({"everyWrite", "os"})
    public String durability;

    Path dir;
    TwinStore store;
    Twins graph;
    final java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();

    /** Opens the store and creates the rooms. */
    @Setup(Level.Trial)
    public void open() {
      dir = tempDir("graphwrite");
      store = TwinStore.builder(dir).models(Twins.demo().models()).durability(policy(durability)).snapshotEvery(0)
          .open();
      graph = store.twins();
      store.batch(() -> {
        for (int i = 0; i < ROOMS; i++) {
          graph.createTwin("room-" + i, "dtmi:twins:demo:Room;1", java.util.Map.of("temperature", 20.0));
        }
      });
    }

    /** Closes the store and deletes it. */
    @TearDown(Level.Trial)
    public void close() {
      System.out.println("\n" + store.fileStats());
      store.close();
      delete(dir);
    }
  }

  /** One writer thread's rooms and counter. */
  @State(Scope.Thread)
  public static class Writer {
    int first;
    int next;

    /**
     * Picks this thread's rooms.
     *
     * @param s the store
     */
    @Setup(Level.Trial)
    public void pick(GraphWriteState s) {
      first = s.threads.getAndIncrement();
    }
  }

  /**
   * Updates a room's temperature through the store's graph; returns once the change is durable.
   *
   * @param s the store
   * @param w this thread's rooms
   * @return the updated twin's version
   */
  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
  public long graphWrite(GraphWriteState s, Writer w) {
    int room = (w.first + 16 * (w.next++ & 63)) % GraphWriteState.ROOMS;
    return s.graph.set("room-" + room, "temperature", 15.0 + (w.next & 31)).version();
  }

  /**
   * A store holding a portfolio and a journal, built once and kept for later trials and runs in
   * {@link #storesDir()} (it is large: delete the folder when done).
   */
  @State(Scope.Benchmark)
  public static class StoreState {
    /** Twins of the portfolio (about 2.95 relationships each). */
    @Param({"1000000"})
    public int twins;

    /** Journal records in all (the creates, then updates of the hot property). */
    @Param({"10000000"})
    public int records;

    /**
     * Records after the newest snapshot, replayed on open (0: the snapshot covers the last record,
     * as after {@code TwinStore.snapshot()} or a background snapshot; all records with no snapshot
     * when {@code tail >= records}).
     */
    @Param({"0"})
    public int tail;

    Path dir;
    TwinStore opened;

    /** Builds the store unless a previous trial left it complete. */
    @Setup(Level.Trial)
    public void build() {
      dir = storesDir().resolve("open-" + twins + "-" + records + "-" + tail);
      Path done = dir.resolve("complete");
      if (Files.exists(done)) {
        System.out.println("\nusing the store built before in " + dir);
        return;
      }
      if (Files.exists(dir)) PersistenceBenchmark.delete(dir);
      Models models = BuildingPortfolio.models();
      BuildingPortfolio p = BuildingPortfolio.generate(twins, GraphBenchmark.SEED);
      long t0 = System.nanoTime();
      try (TwinStore store = TwinStore.builder(dir).models(models).durability(Durability.os()).snapshotEvery(0)
          .open()) {
        Twins g = store.twins();
        java.util.SplittableRandom r = new java.util.SplittableRandom(GraphBenchmark.SEED);
        store.batch(() -> p.loadInto(g));
        long beforeSnapshot = Math.max(0, records - (long) tail - g.version());
        store.batch(() -> update(g, p, r, beforeSnapshot));
        if (tail < records) store.snapshot();
        store.batch(() -> update(g, p, r, records - g.version()));
        System.out.printf("%nbuilt %s: %d records, %s, in %.1f s%n", p, store.twins().version(), store.fileStats(),
            (System.nanoTime() - t0) / 1e9);
      }
      try {
        Files.createFile(done);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void update(Twins g, BuildingPortfolio p, java.util.SplittableRandom r, long n) {
      for (long u = 0; u < n; u++) {
        int i = r.nextInt(twins);
        g.set(p.id(i), p.kind(i).hotProperty(), 10 + r.nextDouble() * 20);
      }
    }

    /**
     * Collects the previous iteration's store before the next open, so that an open is not
     * charged with collecting the one before (several GB at the full size).
     */
    @Setup(Level.Iteration)
    public void collect() {
      System.gc();
    }

    /** Closes the store opened by the measurement. */
    @TearDown(Level.Iteration)
    public void closeOpened() {
      if (opened != null) {
        System.out.println("\n" + opened.recovery());
        opened.close();
        opened = null;
      }
    }
  }

  /**
   * Opens the store: loads the snapshot (if any) and replays the journal after it.
   *
   * @param s the store
   * @return the opened store
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
  public TwinStore openStore(StoreState s) {
    s.opened = TwinStore.builder(s.dir).snapshotEvery(0).open();
    return s.opened;
  }

  /** A store holding a portfolio, open for the whole trial. */
  @State(Scope.Benchmark)
  public static class SnapshotState {
    /** Twins of the portfolio (about 2.95 relationships each). */
    @Param({"1000000"})
    public int twins;

    Path dir;
    TwinStore store;

    /** Builds the store. */
    @Setup(Level.Trial)
    public void build() {
      dir = tempDir("snapshot");
      BuildingPortfolio p = BuildingPortfolio.generate(twins, GraphBenchmark.SEED);
      store = TwinStore.builder(dir).models(BuildingPortfolio.models()).durability(Durability.os()).snapshotEvery(0)
          .open();
      store.batch(() -> p.loadInto(store.twins()));
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Trial)
    public void delete() {
      System.out.println("\n" + store.fileStats());
      store.close();
      PersistenceBenchmark.delete(dir);
    }
  }

  /**
   * Writes a snapshot of every twin and relationship (temporary file, fsync, rename, fsync of the
   * folder).
   *
   * @param s the store
   * @return the snapshot file
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
  public Path snapshot(SnapshotState s) {
    return s.store.snapshot();
  }

  /**
   * Where {@link StoreState} keeps its stores: the system property {@code twins.bench.stores}, by
   * default {@code twins-bench-stores} under {@code java.io.tmpdir}.
   *
   * @return the folder
   */
  static Path storesDir() {
    return Path.of(System.getProperty("twins.bench.stores", Path.of(System.getProperty("java.io.tmpdir"),
        "twins-bench-stores").toString()));
  }

  static Durability policy(String name) {
    switch (name) {
      case "everyWrite":
        return Durability.everyWrite();
      case "every10ms":
        return Durability.every(java.time.Duration.ofMillis(10));
      case "os":
        return Durability.os();
      default:
        throw new IllegalArgumentException("unknown durability " + name);
    }
  }

  static Path tempDir(String what) {
    try {
      return Files.createTempDirectory("twins-bench-" + what);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    Folders.delete(dir);
  }
}
