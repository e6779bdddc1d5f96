package dev.twins.bench;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.telemetry.Channel;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.TelemetryHub;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Telemetry ingest: one {@code double} per message into {@value #TWINS} sensor twins, series on,
 * no subscribers and no rules, through resolved {@link Channel}s (the typed, allocation-free path).
 *
 * <ul>
 *   <li>{@link #oneThread}: one thread ingests into every twin;
 *   <li>{@link #twoThreads}: two threads, each owning half of the twins (as partitioned consumers
 *       of a broker would), ingest at once; JMH reports their summed throughput;
 *   <li>{@link #seriesOnly}: the floor, the same appends straight into bare series.
 * </ul>
 *
 * <p>Each thread walks its twins in a fixed random order; every pass moves the source time one
 * minute on (with a few seconds of jitter) and the value along a slow wave with two decimals, like
 * a room sensor sampled every minute. The series grow through the whole trial (no retention), so
 * appends close and compress blocks as they would in service; each series starts with 0 to 255
 * earlier readings, so that they close their blocks at different moments rather than all in the
 * same pass. {@code hooked=true} adds one
 * threshold watch per twin that never fires, to show the cost of a slot with a hook.
 *
 * <p>See BENCHMARKS.md at the repository root for the command and the figures.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class IngestBenchmark {
  /** How many twins. */
  public static final int TWINS = 100_000;
  private static final long T0 = 1_714_564_800_000L;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Creates the benchmark; JMH calls it. */
  public IngestBenchmark() {}

  /** The graph of sensors, the hub and a channel per sensor. */
  @State(Scope.Benchmark)
  public static class Hub {
    /** Whether every slot has a (never firing) threshold watch. */
    @Param({"false"})
    public boolean hooked;

    /**
     * The order in which each thread visits its twins: {@code random} (a fixed shuffle, as
     * independent devices would report) or {@code sequential} (creation order, as a poller would).
     */
    @Param({"random"})
    public String order;

    Twins twins;
    TelemetryHub hub;
    Channel[] channels;
    DoubleSeries[] series;

    /** Creates the benchmark state; JMH calls it. */
    public Hub() {}

    /** Builds the graph and resolves the channels. */
    @Setup(Level.Trial)
    public void setUp() {
      Models models = ModelParser.parseJson("""
          {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
           "@id": "dtmi:bench:Sensor;1", "@type": "Interface",
           "contents": [
             {"@type": ["Telemetry", "Temperature"], "name": "temperature", "schema": "double", "unit": "degreeCelsius"}
           ]}""");
      twins = Twins.create(models);
      for (int i = 0; i < TWINS; i++) twins.createTwin("sensor-" + i, "dtmi:bench:Sensor;1", Map.of());
      hub = TelemetryHub.attach(twins);
      channels = new Channel[TWINS];
      for (int i = 0; i < TWINS; i++) channels[i] = hub.channel("sensor-" + i, "temperature");
      if (hooked) hub.onThreshold("dtmi:bench:Sensor;1", "temperature", 1e9, c -> { });
      SeriesStore bare = SeriesStore.create();
      series = new DoubleSeries[TWINS];
      for (int i = 0; i < TWINS; i++) series[i] = bare.doubles("sensor-" + i, "temperature");
      // Sensors joined at different times: each series starts with 0 to 255 earlier readings, so
      // that the series close and compress their blocks at different moments, as in service,
      // instead of all in the same pass.
      SplittableRandom random = new SplittableRandom(GraphBenchmark.SEED);
      for (int i = 0; i < TWINS; i++) {
        int earlier = random.nextInt(256);
        for (int k = earlier; k > 0; k--) {
          double v = Math.round(2100 + 300 * Math.sin(k / 40.0)) / 100.0;
          channels[i].ingest(T0 - k * 60_000L, v);
          series[i].append(T0 - k * 60_000L, v);
        }
      }
    }

    /** Checks that nothing was rejected, and prints what the series hold. */
    @TearDown(Level.Trial)
    public void tearDown() {
      var counts = hub.counts();
      if (counts.rejected() != 0) throw new IllegalStateException("rejected messages: " + hub.deadLetters());
      if (counts.accepted() > 0) {
        var store = hub.seriesStore().orElseThrow();
        System.out.printf("%n%,d messages accepted, %,d series, %.2f bytes per stored sample%n", counts.accepted(),
            store.seriesCount(), (double) store.storedBytes() / counts.accepted());
      }
      hub.close();
    }
  }

  /** One thread's share of the twins, in a fixed random order, and its clock. */
  @State(Scope.Thread)
  public static class Feed {
    Channel[] mine;
    DoubleSeries[] mineBare;
    double[] wave;
    long[] jitter;
    int next;
    long pass;
    long ops;
    private long cpuAtStart;
    private long opsAtStart;

    /** Creates the thread state; JMH calls it. */
    public Feed() {}

    /**
     * Takes the thread's twins: all of them with one thread, every other one with two.
     *
     * @param hub the shared state
     * @param thread which thread this is
     */
    @Setup(Level.Trial)
    public void setUp(Hub hub, ThreadParams thread) {
      int n = thread.getThreadCount();
      int k = thread.getThreadIndex();
      int count = (TWINS - k + n - 1) / n;
      mine = new Channel[count];
      mineBare = new DoubleSeries[count];
      for (int i = 0; i < count; i++) {
        mine[i] = hub.channels[k + i * n];
        mineBare[i] = hub.series[k + i * n];
      }
      SplittableRandom random = new SplittableRandom(GraphBenchmark.SEED + k);
      if (hub.order.equals("random")) {
        for (int i = count - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          Channel c = mine[i];
          mine[i] = mine[j];
          mine[j] = c;
          DoubleSeries d = mineBare[i];
          mineBare[i] = mineBare[j];
          mineBare[j] = d;
        }
      } else if (!hub.order.equals("sequential")) {
        throw new IllegalArgumentException("order must be random or sequential, got " + hub.order);
      }
      wave = new double[1024];
      for (int i = 0; i < wave.length; i++) wave[i] = Math.round(2100 + 300 * Math.sin(i / 40.0)) / 100.0;
      jitter = new long[1024];
      for (int i = 0; i < jitter.length; i++) jitter[i] = random.nextInt(3) * 1000L;
    }

    /** Notes the thread's CPU time at the start of an iteration. */
    @Setup(Level.Iteration)
    public void startIteration() {
      cpuAtStart = CPU.getCurrentThreadCpuTime();
      opsAtStart = ops;
    }

    /**
     * Prints the operations per second of CPU time this thread got in the iteration: on a shared,
     * overloaded machine the wall-clock throughput JMH reports counts the time other processes
     * held the core, this figure does not (it still pays for the caches they evict).
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
      long cpu = CPU.getCurrentThreadCpuTime() - cpuAtStart;
      if (cpu > 0) {
        System.out.printf("  [thread CPU: %,.0f ops per CPU-second, %.2f s of CPU]%n", (ops - opsAtStart) * 1e9 / cpu,
            cpu / 1e9);
      }
    }
  }

  private static Outcome ingestOne(Feed f) {
    f.ops++;
    int i = f.next;
    Channel c = f.mine[i];
    long pass = f.pass;
    Outcome o = c.ingest(T0 + pass * 60_000 + f.jitter[(int) ((pass + i) & 1023)], f.wave[(int) ((pass + i) & 1023)]);
    if (++i == f.mine.length) {
      i = 0;
      f.pass = pass + 1;
    }
    f.next = i;
    return o;
  }

  private static boolean appendOne(Feed f) {
    f.ops++;
    int i = f.next;
    DoubleSeries s = f.mineBare[i];
    long pass = f.pass;
    boolean o = s.append(T0 + pass * 60_000 + f.jitter[(int) ((pass + i) & 1023)], f.wave[(int) ((pass + i) & 1023)]);
    if (++i == f.mineBare.length) {
      i = 0;
      f.pass = pass + 1;
    }
    f.next = i;
    return o;
  }

  /**
   * The floor under {@link #oneThread}: the same values appended straight to {@value #TWINS}
   * bare series (no hub, no checks, no counters), in the same order.
   *
   * @param hub the shared state
   * @param feed this thread's series
   * @return whether stored, consumed by JMH
   */
  @Benchmark
  @Threads(1)
  public boolean seriesOnly(Hub hub, Feed feed) {
    return appendOne(feed);
  }

  /**
   * One message from one thread.
   *
   * @param hub the shared state
   * @param feed this thread's twins
   * @return the outcome, consumed by JMH
   */
  @Benchmark
  @Threads(1)
  public Outcome oneThread(Hub hub, Feed feed) {
    return ingestOne(feed);
  }

  /**
   * One message from each of two threads, each into its own half of the twins.
   *
   * @param hub the shared state
   * @param feed this thread's twins
   * @return the outcome, consumed by JMH
   */
  @Benchmark
  @Threads(2)
  public Outcome twoThreads(Hub hub, Feed feed) {
    return ingestOne(feed);
  }
}
