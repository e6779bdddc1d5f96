package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
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
 * Telemetry to twin sync side by side (workload 3): the portfolio's {@link TelemetryStream}
 * (Zipf-skewed sensors, about 5 % late and 1 % duplicate readings, 1,000 readings per second)
 * replayed into a new engine ({@link Sync}): Twins' telemetry hub with series and rules, or
 * QuestDB plus TinkerGraph's structure API or JGraphT with maps, propagation written by hand.
 * One operation replays the whole stream, on one thread or on two (each thread the readings of
 * half of the sensors, in arrival order). After each iteration every room's, floor's and
 * building's mean temperature and the stored readings of 50 sensors are checked against the
 * stream's own answer, and ({@code # sync ...}) the bytes per stored reading are printed.
 */
@Threads(1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class SyncPeerBenchmark {
  /** For JMH. */
  public SyncPeerBenchmark() {}

  /**
   * Replays the stream on the benchmark thread.
   *
   * @param s the state
   * @return the engine
   */
  @Benchmark
  public Sync replayOneThread(SyncState s) {
    s.sync.replay(s.stream, s.all);
    s.sync.flush();
    return s.sync;
  }

  /**
   * Replays the stream on two threads, each the readings of half of the sensors.
   *
   * @param s the state
   * @return the engine
   * @throws InterruptedException if interrupted
   */
  @Benchmark
  public Sync replayTwoThreads(SyncState s) throws InterruptedException {
    RuntimeException[] failure = new RuntimeException[1];
    Thread other = new Thread(() -> {
      try {
        s.sync.replay(s.stream, s.halves[1]);
      } catch (RuntimeException e) {
        failure[0] = e;
      }
    }, "replay-2");
    other.start();
    s.sync.replay(s.stream, s.halves[0]);
    other.join();
    if (failure[0] != null) throw failure[0];
    s.sync.flush();
    return s.sync;
  }

  /**
   * The stream's own answer: each room's, floor's and building's mean temperature.
   *
   * @param s the stream
   * @return the means by twin id (twins without one left out)
   */
  static Map<String, Double> expected(TelemetryStream s) {
    PeerPortfolio p = s.portfolio();
    long[] time = new long[p.twinCount()];
    double[] value = new double[p.twinCount()];
    boolean[] has = new boolean[p.twinCount()];
    for (int k = 0; k < s.size(); k++) {
      int i = s.sensor(k);
      if (!TwinsSync.temperatureSensor(p, i) || (has[i] && time[i] > s.timeMicros(k))) continue;
      has[i] = true;
      time[i] = s.timeMicros(k);
      value[i] = s.value(k);
    }
    List<List<Integer>> parts = new ArrayList<>();
    for (int i = 0; i < p.twinCount(); i++) parts.add(new ArrayList<>());
    for (int r = 0; r < p.relationshipCount(); r++) {
      String name = p.relationshipName(r);
      PeerPortfolio.Kind k = p.kind(p.source(r));
      if ((k == PeerPortfolio.Kind.ROOM && name.equals("contains"))
          || ((k == PeerPortfolio.Kind.FLOOR || k == PeerPortfolio.Kind.BUILDING) && name.equals("hasPart"))) {
        parts.get(p.source(r)).add(p.target(r));
      }
    }
    Map<String, Double> out = new HashMap<>();
    for (PeerPortfolio.Kind kind : new PeerPortfolio.Kind[] {PeerPortfolio.Kind.ROOM, PeerPortfolio.Kind.FLOOR,
        PeerPortfolio.Kind.BUILDING}) {
      for (int i : p.indexesOf(kind)) {
        double sum = 0;
        int n = 0;
        for (int part : parts.get(i)) {
          if (has[part]) {
            sum += value[part];
            n++;
          }
        }
        if (n > 0) {
          has[i] = true;
          value[i] = sum / n;
          out.put(p.id(i), value[i]);
        }
      }
    }
    return out;
  }

  /**
   * Checks an engine against the stream's answer: every room's, floor's and building's mean
   * temperature (within 1e-9) and the stored readings of the stream's first 50 sensors.
   *
   * @param sync the engine, after a whole replay
   * @param s the stream
   * @param expected {@link #expected}
   * @return the number of means checked
   * @throws IllegalStateException naming the engine, twin and both values
   */
  static int check(Sync sync, TelemetryStream s, Map<String, Double> expected) {
    PeerPortfolio p = s.portfolio();
    int checked = 0;
    for (PeerPortfolio.Kind kind : new PeerPortfolio.Kind[] {PeerPortfolio.Kind.ROOM, PeerPortfolio.Kind.FLOOR,
        PeerPortfolio.Kind.BUILDING}) {
      for (int i : p.indexesOf(kind)) {
        Double e = expected.get(p.id(i));
        OptionalDouble got = sync.meanTemperature(p.id(i));
        boolean same = e == null ? got.isEmpty() : got.isPresent() && Math.abs(got.getAsDouble() - e) <= 1e-9;
        if (!same) {
          throw new IllegalStateException(sync.name() + " gives the mean temperature of " + p.id(i) + " as " + got
              + ", expected " + (e == null ? "none" : e));
        }
        checked++;
      }
    }
    Map<String, Long> counts = new HashMap<>();
    for (int k = 0; k < s.size() && counts.size() < 50; k++) counts.putIfAbsent(s.sensorId(k), 0L);
    for (int k = 0; k < s.size(); k++) counts.computeIfPresent(s.sensorId(k), (id, c) -> c + 1);
    counts.forEach((id, c) -> {
      long got = sync.stored(id);
      if (got != c) throw new IllegalStateException(sync.name() + " holds " + got + " readings of " + id + ", expected " + c);
    });
    return checked;
  }

  /** A stream, and a new engine per iteration. */
  @State(Scope.Benchmark)
  public static class SyncState {
    /** The engine. */
    @Param({"twins", "questdb-tinkergraph", "questdb-jgrapht"})
    public String engine;

    /** The twins of the portfolio. */
    @Param({"10000", "100000"})
    public int twins;

    /** The number of readings. */
    @Param({"1000000"})
    public int readings;

    TelemetryStream stream;
    Map<String, Double> expected;
    int[] all;
    int[][] halves;
    Sync sync;
    long before;
    final CpuMeter cpu = new CpuMeter();

    /** For JMH. */
    public SyncState() {}

    /** Generates the stream, its answer and the threads' shares. */
    @Setup(Level.Trial)
    public void stream() {
      stream = TelemetryPeerBenchmark.stream(twins, readings);
      expected = expected(stream);
      all = new int[stream.size()];
      int[] n = new int[2];
      for (int k = 0; k < all.length; k++) {
        all[k] = k;
        n[stream.sensor(k) & 1]++;
      }
      halves = new int[][] {new int[n[0]], new int[n[1]]};
      n = new int[2];
      for (int k = 0; k < all.length; k++) halves[stream.sensor(k) & 1][n[stream.sensor(k) & 1]++] = k;
    }

    /** Opens a new engine and measures the heap before the replay. */
    @Setup(Level.Iteration)
    public void open() {
      sync = Sync.open(engine, stream.portfolio());
      sync.prepare(stream);
      before = Loaded.liveBytes();
      cpu.mark(0);
    }

    /**
     * Reports the CPU time, checks the answer, prints the bytes per reading and closes the engine.
     *
     * @param b the benchmark
     * @param it the iteration
     */
    @TearDown(Level.Iteration)
    public void check(BenchmarkParams b, IterationParams it) {
      cpu.report(b, it, engine, twins, 1);
      long heap = Loaded.liveBytes() - before;
      long files = sync.offHeapBytes();
      int checked = SyncPeerBenchmark.check(sync, stream, expected);
      sync.close();
      sync = null;
      System.out.println();
      System.out.printf(Locale.ROOT,
          "# sync engine=%s twins=%d: %d bytes per reading (heap %d, files %d) for %d readings (%d late, %d duplicates);"
              + " %d means checked%n",
          engine, twins, (heap + files) / stream.size(), heap, files, stream.size(), stream.outOfOrder(),
          stream.duplicates(), checked);
    }
  }
}
