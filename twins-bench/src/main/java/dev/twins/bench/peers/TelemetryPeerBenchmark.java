package dev.twins.bench.peers;

import java.util.Locale;
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
 * Telemetry history side by side: Twins' series store ({@code dev.twins.core.series}) and QuestDB
 * embedded, fed the same {@link TelemetryStream} of the portfolio (Zipf-skewed sensors, about 5 %
 * late and 1 % duplicate readings, 1,000 readings per second). Both keep every reading.
 *
 * <p>This is the history part of workload 3 (the whole of it, with the telemetry hub and propagated
 * aggregates, is {@link SyncPeerBenchmark}) and the window building block of workload 5
 * ({@link AnalyticsPeerBenchmark}). Parameter {@code engine}: {@code twins} or {@code questdb}.
 */
@Threads(1)
public class TelemetryPeerBenchmark {
  /** Readings per second of the whole portfolio. */
  public static final int RATE = 1_000;
  /** The window of the mean: 15 minutes, in microseconds. */
  public static final long WINDOW = 15 * 60 * 1_000_000L;
  static final long START = 1_767_225_600_000_000L;

  /** For JMH. */
  public TelemetryPeerBenchmark() {}

  /**
   * Appends every reading of the stream to a new, empty history (QuestDB: one commit per
   * {@value QuestDbHistory#COMMIT_EVERY} rows). After each iteration the per-sensor counts of a
   * sample of sensors are checked and the bytes per stored reading printed
   * ({@code # history ...}: retained heap, plus files for QuestDB).
   *
   * @param s the state
   * @return the history
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  public History ingestHistory(IngestState s) {
    s.history.ingest(s.stream, 0, s.stream.size());
    return s.history;
  }

  /**
   * The mean of a random sensor's readings over the last 15 minutes of the stream.
   *
   * @param s the state
   * @return the mean
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  public double windowMean(WindowState s) {
    return s.history.mean(s.sensors[s.cursor++ & (s.sensors.length - 1)], s.to - WINDOW, s.to);
  }

  static History open(String engine) {
    switch (engine) {
      case "twins": return new TwinsHistory();
      case "questdb": return new QuestDbHistory();
      default: throw new IllegalArgumentException("unknown history engine '" + engine + "', expected twins or questdb");
    }
  }

  static TelemetryStream stream(int twins, int readings) {
    Loaded.drop();
    return TelemetryStream.generate(Loaded.portfolio(twins), readings, RATE, START, PeerBenchmark.SEED);
  }

  /** Checks the per-sensor counts of the stream's first 200 distinct sensors. */
  static void checkCounts(History h, TelemetryStream s) {
    java.util.Map<String, Long> expected = new java.util.HashMap<>();
    for (int k = 0; k < s.size() && expected.size() < 200; k++) expected.putIfAbsent(s.sensorId(k), 0L);
    for (int k = 0; k < s.size(); k++) expected.computeIfPresent(s.sensorId(k), (id, c) -> c + 1);
    expected.forEach((id, c) -> {
      long got = h.count(id);
      if (got != c) throw new IllegalStateException(h.name() + " holds " + got + " readings of " + id + ", expected " + c);
    });
  }

  /** A stream, and a new, empty history per iteration. */
  @State(Scope.Benchmark)
  public static class IngestState {
    /** The history. */
    @Param({"twins", "questdb"})
    public String engine;

    /** The twins of the portfolio whose sensors report. */
    @Param({"100000"})
    public int twins;

    /** The number of readings. */
    @Param({"1000000"})
    public int readings;

    TelemetryStream stream;
    History history;

    /** For JMH. */
    public IngestState() {}

    /** Generates the stream. */
    @Setup(Level.Trial)
    public void stream() {
      stream = TelemetryPeerBenchmark.stream(twins, readings);
    }

    final CpuMeter cpu = new CpuMeter();

    /** Opens a new history. */
    @Setup(Level.Iteration)
    public void open() {
      history = TelemetryPeerBenchmark.open(engine);
      cpu.mark(0);
    }

    /**
     * Reports the CPU time, checks the counts, prints the bytes per reading and closes the history.
     *
     * @param b the benchmark
     * @param it the iteration
     */
    @TearDown(Level.Iteration)
    public void check(BenchmarkParams b, IterationParams it) {
      cpu.report(b, it, engine, twins, 1);
      History h = history;
      history = null;
      checkCounts(h, stream);
      long files = h.offHeapBytes();
      long with = Loaded.liveBytes();
      h.close();
      h = null;
      long heap = with - Loaded.liveBytes();
      System.out.println();
      System.out.printf(Locale.ROOT,
          "# history engine=%s twins=%d: %d bytes per reading (heap %d, files %d) for %d readings (%d late, %d duplicates)%n",
          engine, twins, (heap + files) / stream.size(), heap, files, stream.size(), stream.outOfOrder(),
          stream.duplicates());
    }
  }

  /** A history holding the whole stream, checked against the stream's own means. */
  @State(Scope.Benchmark)
  public static class WindowState {
    /** The history. */
    @Param({"twins", "questdb"})
    public String engine;

    /** The twins of the portfolio whose sensors report. */
    @Param({"100000"})
    public int twins;

    /** The number of readings. */
    @Param({"1000000"})
    public int readings;

    History history;
    String[] sensors;
    long to;
    int cursor;

    /** For JMH. */
    public WindowState() {}

    /** Ingests the stream, draws the sensors asked about and checks their means. */
    @Setup(Level.Trial)
    public void load() {
      TelemetryStream s = TelemetryPeerBenchmark.stream(twins, readings);
      history = TelemetryPeerBenchmark.open(engine);
      history.ingest(s, 0, s.size());
      checkCounts(history, s);
      long last = Long.MIN_VALUE;
      for (int k = 0; k < s.size(); k++) last = Math.max(last, s.timeMicros(k));
      to = (last / 1000 + 1) * 1000;
      long from = to - WINDOW;
      sensors = new String[1024];
      java.util.SplittableRandom random = new java.util.SplittableRandom(PeerBenchmark.SEED);
      for (int k = 0; k < sensors.length; k++) sensors[k] = s.sensorId(random.nextInt(s.size()));
      // the expected means, from the stream itself (readings are drawn by popularity, as asked)
      for (int k = 0; k < 50; k++) {
        String id = sensors[k];
        double sum = 0;
        long n = 0;
        for (int j = 0; j < s.size(); j++) {
          if (s.sensorId(j).equals(id) && s.timeMicros(j) >= from && s.timeMicros(j) < to) {
            sum += s.value(j);
            n++;
          }
        }
        double expected = n == 0 ? Double.NaN : sum / n;
        double got = history.mean(id, from, to);
        if (!(Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) && !(n == 0 && Double.isNaN(got))) {
          throw new IllegalStateException(engine + " gives the 15-minute mean of " + id + " as " + got + ", expected "
              + expected + " (" + n + " readings)");
        }
      }
      System.out.println();
      System.out.println("# " + engine + " gives the stream's 15-minute means (50 sensors checked)");
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

    /** Closes the history. */
    @TearDown(Level.Trial)
    public void close() {
      history.close();
    }
  }
}
