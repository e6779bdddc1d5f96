package dev.twins.bench.peers;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Analytics side by side (workloads 5 and 6) over the portfolio's graph and its
 * {@link PortfolioSeries}: Twins answers each question with one query of its query language over
 * the graph and its series; the peers with a graph engine (Gremlin on TinkerGraph, or Cypher on
 * Neo4j) plus QuestDB, joined in Java ({@link Analytics}). Every trial first checks that its
 * engine gives the series' own answers: the maintenance ranking of every building and the whole
 * space usage roll-up.
 */
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"})
public class AnalyticsPeerBenchmark {
  /** The time the questions are asked: 2026-01-01T00:00Z, epoch milliseconds. */
  static final long NOW = TelemetryPeerBenchmark.START / 1000;

  /** For JMH. */
  public AnalyticsPeerBenchmark() {}

  /**
   * Workload 5: the maintenance ranking of a random building.
   *
   * @param s the state
   * @return the rows
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<PortfolioSeries.MaintenanceRow> maintenance(AnalyticsState s) {
    return s.analytics.maintenance(s.buildings[s.cursor++ & (s.buildings.length - 1)]);
  }

  /**
   * Workload 6: the space usage roll-up of the whole portfolio.
   *
   * @param s the state
   * @return the answer
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SpaceUsage spaceUsage(AnalyticsState s) {
    s.cursor++;
    return s.analytics.spaceUsage();
  }

  /**
   * Checks an engine against the series' own answers: the maintenance rows of every building and
   * the space usage.
   *
   * @param a the engine
   * @param s the series
   * @return the number of maintenance rows checked
   * @throws IllegalStateException naming the engine and what differs
   */
  static int check(Analytics a, PortfolioSeries s) {
    int rows = 0;
    for (int b : s.buildings()) {
      List<PortfolioSeries.MaintenanceRow> expected = s.maintenance(b);
      PortfolioSeries.checkMaintenance(a.name(), s.portfolio().id(b), expected, a.maintenance(s.portfolio().id(b)));
      rows += expected.size();
    }
    a.spaceUsage().check(a.name(), s.spaceUsage());
    return rows;
  }

  /** An engine over the loaded graph and the series. */
  @State(Scope.Benchmark)
  public static class AnalyticsState {
    /** The engine. */
    @Param({"twins", "gremlin", "cypher"})
    public String engine;

    /** The twins of the portfolio. */
    @Param({"10000", "100000"})
    public int twins;

    Analytics analytics;
    String[] buildings;
    int cursor;
    final CpuMeter cpu = new CpuMeter();

    /** For JMH. */
    public AnalyticsState() {}

    /** Opens the engine and checks its answers. */
    @Setup(Level.Trial)
    public void open() {
      PortfolioSeries s = PortfolioSeries.generate(Loaded.portfolio(twins), NOW, PeerBenchmark.SEED);
      analytics = Analytics.open(engine, s);
      int rows = check(analytics, s);
      int[] b = s.buildings();
      buildings = new String[1024];
      java.util.SplittableRandom random = new java.util.SplittableRandom(PeerBenchmark.SEED);
      for (int k = 0; k < buildings.length; k++) buildings[k] = s.portfolio().id(b[random.nextInt(b.length)]);
      System.out.println();
      System.out.println("# " + engine + " gives the series' answers (" + b.length + " buildings, " + rows
          + " maintenance rows, " + s.rooms().length + " rooms' usage)");
    }

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

    /** Closes the engine (the graph stays loaded for the next trial of this JVM). */
    @TearDown(Level.Trial)
    public void close() {
      analytics.close();
    }
  }
}
