package dev.twins.bench.peers;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Twins side by side with its peers on the same seeded portfolio ({@link PeerPortfolio}), each
 * engine through its own API ({@link Engine}): bulk load and retained heap, point read by id,
 * one property update at a time, and the scoped threshold query from a building, a floor and an
 * air handler, alone and while a background writer applies {@value #WRITES_PER_SECOND} updates
 * per second.
 *
 * <p>Every trial first checks that its engine gives the portfolio's answers ({@link
 * Engines#check}): counts, sampled reads and the query from every building and from sampled floors
 * and air handlers; since every engine must equal the portfolio's answer, all engines return the
 * same answers before any time counts. The check runs again after the trial, so updates that broke
 * the graph fail the run. Parameters: {@code engine} (see {@link Engines#NAMES}) and {@code twins}.
 */
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// Every fork gets -Xmx8g (the 1M-twin graphs) and what Neo4j asks of Java 17 to reach its native
// memory and I/O (harmless for the other engines). Methods override the class's settings.
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"})
public class PeerBenchmark {
  /** The seed of every portfolio and every random choice. */
  public static final long SEED = 42;
  /** The background writer's target rate. */
  public static final int WRITES_PER_SECOND = 100_000;

  static final int CHOICES = 1 << 14;

  /** For JMH. */
  public PeerBenchmark() {}

  // ---- 1. bulk load ----

  /**
   * Loads the whole portfolio into a new engine: every twin, then every relationship. After each
   * iteration the retained heap is printed ({@code # retained heap ...}), and for Neo4j the bytes
   * on disk.
   *
   * @param s the state
   * @return the engine
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Engine load(LoadState s) {
    s.engineInstance.load(s.portfolio);
    return s.engineInstance;
  }

  // ---- 2. point read, update ----

  /**
   * Reads the hot numeric property of a random twin found by its id.
   *
   * @param s the state
   * @return the value
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double readById(GraphState s) {
    int i = s.next();
    return s.engineInstance.read(s.readIds[i], s.readProperties[i]);
  }

  /**
   * Sets the hot numeric property of a random twin to a new value, as a write of its own: Twins'
   * JSON Patch, the peers' property set (one transaction per update for Neo4j).
   *
   * @param s the state
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void updateOne(GraphState s) {
    int i = s.next();
    s.engineInstance.update(s.updateIds[i], s.updateProperties[i], s.updateValues[i], s.prepared[i]);
  }

  // ---- 4. scoped threshold query ----

  /**
   * Temperature sensors above 30 °C under a random building.
   *
   * @param s the state
   * @return the sensor ids
   */
  @Benchmark
  public List<String> queryBuilding(GraphState s) {
    return s.query(dev.twins.bench.peers.Scope.BUILDING, s.next());
  }

  /**
   * Temperature sensors above 30 °C under a random floor.
   *
   * @param s the state
   * @return the sensor ids
   */
  @Benchmark
  public List<String> queryFloor(GraphState s) {
    return s.query(dev.twins.bench.peers.Scope.FLOOR, s.next());
  }

  /**
   * Temperature sensors above 30 °C in the rooms a random air handler feeds.
   *
   * @param s the state
   * @return the sensor ids
   */
  @Benchmark
  public List<String> queryAirHandler(GraphState s) {
    return s.query(dev.twins.bench.peers.Scope.AIR_HANDLER, s.next());
  }

  /**
   * {@link #queryBuilding} while the writer runs.
   *
   * @param s the state
   * @param w the writer
   * @return the sensor ids
   */
  @Benchmark
  public List<String> queryBuildingWhileWriting(GraphState s, Writer w) {
    return s.lockedQuery(dev.twins.bench.peers.Scope.BUILDING, s.next());
  }

  /**
   * {@link #queryFloor} while the writer runs.
   *
   * @param s the state
   * @param w the writer
   * @return the sensor ids
   */
  @Benchmark
  public List<String> queryFloorWhileWriting(GraphState s, Writer w) {
    return s.lockedQuery(dev.twins.bench.peers.Scope.FLOOR, s.next());
  }

  /**
   * {@link #queryAirHandler} while the writer runs.
   *
   * @param s the state
   * @param w the writer
   * @return the sensor ids
   */
  @Benchmark
  public List<String> queryAirHandlerWhileWriting(GraphState s, Writer w) {
    return s.lockedQuery(dev.twins.bench.peers.Scope.AIR_HANDLER, s.next());
  }

  // ---- states ----

  /** A portfolio and a new, empty engine per iteration. */
  @State(Scope.Benchmark)
  public static class LoadState {
    /** The engine. */
    @Param({"twins", "twins-query", "jgrapht", "tinkergraph", "gremlin", "neo4j", "cypher"})
    public String engine;

    /** The number of twins. */
    @Param({"10000", "100000"})
    public int twins;

    PeerPortfolio portfolio;
    Engine engineInstance;

    /** For JMH. */
    public LoadState() {}

    /** Generates the portfolio and drops any engine a previous benchmark of this JVM loaded. */
    @Setup(Level.Trial)
    public void portfolio() {
      Loaded.drop();
      portfolio = Loaded.portfolio(twins);
    }

    final CpuMeter cpu = new CpuMeter();

    /** Opens a new, empty engine (for Neo4j: a new database), outside the measurement. */
    @Setup(Level.Iteration)
    public void open() {
      engineInstance = Engines.create(engine);
      cpu.mark(0);
    }

    /**
     * Reports the load's CPU time, checks the loaded engine, prints its retained heap and closes it.
     *
     * @param b the benchmark
     * @param it the iteration
     */
    @TearDown(Level.Iteration)
    public void measure(BenchmarkParams b, IterationParams it) {
      cpu.report(b, it, engine, twins, 1);
      Engine e = engineInstance;
      engineInstance = null;
      if (e.twinCount() != portfolio.twinCount() || e.relationshipCount() != portfolio.relationshipCount()) {
        throw new IllegalStateException(engine + " loaded " + e.twinCount() + " twins and " + e.relationshipCount()
            + " relationships, expected " + portfolio.twinCount() + " and " + portfolio.relationshipCount());
      }
      long disk = e instanceof Neo4jEngine n ? n.storeBytes() : 0;
      long with = Loaded.liveBytes();
      e.close();
      e = null;
      long without = Loaded.liveBytes();
      System.out.println();
      System.out.printf(Locale.ROOT,
          "# retained heap engine=%s twins=%d: %d bytes = %.1f MB = %d bytes per twin (%d relationships)%s%n",
          engine, twins, with - without, (with - without) / 1e6, (with - without) / twins,
          portfolio.relationshipCount(), disk > 0 ? String.format(Locale.ROOT, "; on disk %.1f MB (%d bytes)", disk / 1e6, disk) : "");
    }
  }

  /** The engine, loaded once per trial (or per JVM with {@code -f 0}), and the random choices. */
  @State(Scope.Benchmark)
  public static class GraphState {
    /** The engine. */
    @Param({"twins", "twins-query", "jgrapht", "tinkergraph", "gremlin", "neo4j", "cypher"})
    public String engine;

    /** The number of twins. */
    @Param({"10000", "100000"})
    public int twins;

    Engine engineInstance;
    PeerPortfolio portfolio;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    String[] readIds;
    String[] readProperties;
    String[] updateIds;
    String[] updateProperties;
    double[] updateValues;
    Object[] prepared;
    final String[][] starts = new String[dev.twins.bench.peers.Scope.values().length][];
    private int cursor;

    /** For JMH. */
    public GraphState() {}

    /** Loads (or reuses) the engine, checks its answers and draws the random choices. */
    @Setup(Level.Trial)
    public void load() {
      portfolio = Loaded.portfolio(twins);
      engineInstance = Loaded.engine(engine, twins);
      int scopes = Engines.check(engineInstance, portfolio, 100);
      System.out.println();
      System.out.println("# " + engine + " gives the portfolio's answers: " + scopes + " scopes, " + portfolio);
      SplittableRandom random = new SplittableRandom(SEED);
      int[] updatable = updatable(portfolio);
      readIds = new String[CHOICES];
      readProperties = new String[CHOICES];
      updateIds = new String[CHOICES];
      updateProperties = new String[CHOICES];
      updateValues = new double[CHOICES];
      prepared = new Object[CHOICES];
      for (int k = 0; k < CHOICES; k++) {
        int i = updatable[random.nextInt(updatable.length)];
        // ids as they arrive from outside: copies, not the engine's own strings
        readIds[k] = new String(portfolio.id(i).toCharArray());
        readProperties[k] = portfolio.hotProperty(i);
        int u = updatable[random.nextInt(updatable.length)];
        updateIds[k] = new String(portfolio.id(u).toCharArray());
        updateProperties[k] = portfolio.hotProperty(u);
        updateValues[k] = portfolio.nudge(u, random);
        prepared[k] = engineInstance.prepare(updateProperties[k], updateValues[k]);
      }
      for (dev.twins.bench.peers.Scope scope : dev.twins.bench.peers.Scope.values()) {
        int[] of = portfolio.indexesOf(scope.start());
        String[] s = new String[CHOICES];
        for (int k = 0; k < CHOICES; k++) s[k] = new String(portfolio.id(of[random.nextInt(of.length)]).toCharArray());
        starts[scope.ordinal()] = s;
      }
    }

    final CpuMeter cpu = new CpuMeter();

    /** Marks the CPU time at the start of an iteration. */
    @Setup(Level.Iteration)
    public void mark() {
      cpu.mark(cursor);
    }

    /**
     * Reports the CPU time per operation of the iteration.
     *
     * @param b the benchmark
     * @param it the iteration
     */
    @TearDown(Level.Iteration)
    public void report(BenchmarkParams b, IterationParams it) {
      cpu.report(b, it, engine, twins, cursor);
    }

    /** Checks the answers again: the updates must not have broken the graph. */
    @TearDown(Level.Trial)
    public void check() {
      Engines.check(engineInstance, portfolio, 100);
    }

    static int[] updatable(PeerPortfolio p) {
      int[] out = new int[p.twinCount()];
      int n = 0;
      for (int i = 0; i < p.twinCount(); i++) if (p.hotProperty(i) != null) out[n++] = i;
      return java.util.Arrays.copyOf(out, n);
    }

    int next() {
      return cursor++ & (CHOICES - 1);
    }

    List<String> query(dev.twins.bench.peers.Scope scope, int k) {
      return engineInstance.hotSensors(starts[scope.ordinal()][k], scope, Engines.THRESHOLD);
    }

    List<String> lockedQuery(dev.twins.bench.peers.Scope scope, int k) {
      if (engineInstance.threadSafe()) return query(scope, k);
      lock.readLock().lock();
      try {
        return query(scope, k);
      } finally {
        lock.readLock().unlock();
      }
    }
  }

  /**
   * A background thread that applies {@value #WRITES_PER_SECOND} updates per second to the
   * engine during each iteration, in batches of 100 every millisecond (one transaction per batch
   * for Neo4j; each under the write lock for engines that are not thread-safe), catching up when
   * it falls behind. After each iteration it prints the rate it reached ({@code # writer ...}).
   */
  @State(Scope.Benchmark)
  public static class Writer {
    private volatile boolean stop;
    private Thread thread;
    private long done;
    private long nanos;

    /** For JMH. */
    public Writer() {}

    /**
     * Starts the writer.
     *
     * @param g the graph state
     */
    @Setup(Level.Iteration)
    public void start(GraphState g) {
      stop = false;
      Engine e = g.engineInstance;
      boolean locked = !e.threadSafe();
      thread = new Thread(() -> {
        long start = System.nanoTime();
        long n = 0;
        int cursor = 0;
        while (!stop) {
          long due = (System.nanoTime() - start) * WRITES_PER_SECOND / 1_000_000_000L;
          if (n >= due) {
            LockSupport.parkNanos(200_000);
            continue;
          }
          int batch = (int) Math.min(100, due - n);
          int from = cursor & (CHOICES - 1);
          int to = Math.min(CHOICES, from + batch);
          if (locked) g.lock.writeLock().lock();
          try {
            e.updateBatch(g.updateIds, g.updateProperties, g.updateValues, g.prepared, from, to);
          } finally {
            if (locked) g.lock.writeLock().unlock();
          }
          n += to - from;
          cursor += to - from;
        }
        done = n;
        nanos = System.nanoTime() - start;
      }, "background-writer");
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * Stops the writer and prints its rate.
     *
     * @param g the graph state
     * @throws InterruptedException if interrupted while waiting for the writer
     */
    @TearDown(Level.Iteration)
    public void stop(GraphState g) throws InterruptedException {
      stop = true;
      thread.join();
      System.out.println();
      System.out.printf(Locale.ROOT, "# writer engine=%s twins=%d: %.0f updates/s (target %d)%n",
          g.engine, g.twins, done * 1e9 / nanos, WRITES_PER_SECOND);
    }
  }
}
