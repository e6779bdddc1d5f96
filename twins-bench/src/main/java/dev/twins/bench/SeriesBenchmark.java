package dev.twins.bench;

import dev.twins.core.internal.series.DoubleSeriesImpl;
import dev.twins.core.internal.series.SeriesFactory;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Series;
import java.util.Locale;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Telemetry series: how small, how fast to fill, how fast to read.
 *
 * <ul>
 *   <li>{@link #storeOccupancyColumn}: one column of the UCI occupancy data (20,560 rows, three
 *       files in time order) appended into a new series and closed into compressed blocks. Its
 *       setup prints the <b>bytes per stored sample</b> of each column (time included; target
 *       under 3, against 16 uncompressed), which {@link SeriesFootprint} also prints without JMH.
 *   <li>{@link #meanOverOneDay}: the mean of the last 24 hours of one-minute data for each of
 *       10,000 twins (target: under 50 ms for all), with the day's window either matching the
 *       stored blocks' edges or not.
 *   <li>{@link #append}: one in-order append of a double into one of 100,000 series in turn (the
 *       ingest target is 5,000,000 messages/s on one thread, of which the append is one part);
 *       {@link #appendOneSeries} the same into a single series.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SeriesBenchmark {
  private static final long MINUTE = 60_000;
  private static final long DAY = 1440 * MINUTE;
  private static final long START = 1_700_000_000_000L / DAY * DAY;

  /** Creates the benchmark; JMH calls it. */
  public SeriesBenchmark() {}

  /** The occupancy data, and bytes per sample printed once. */
  @State(Scope.Benchmark)
  public static class Occupancy {
    /** The column stored. */
    @Param({"Temperature", "Humidity", "Light", "CO2", "HumidityRatio"})
    public String column;

    /** The shared data folder; empty for the system property or the default. */
    @Param({""})
    public String sharedDir;

    long[] times;
    double[] values;

    /** Creates the state; JMH calls it. */
    public Occupancy() {}

    /** Reads the data and prints the bytes per sample of every column. */
    @Setup(Level.Trial)
    public void setUp() {
      SeriesData data = SeriesData.read(sharedDir);
      times = data.times;
      values = data.values[SeriesData.COLUMNS.indexOf(column)];
      System.out.println();
      System.out.println(SeriesFootprint.report(data));
    }
  }

  /**
   * Stores one occupancy column and closes its last block.
   *
   * @param o the data
   * @return the series
   */
  @Benchmark
  public Series storeOccupancyColumn(Occupancy o) {
    DoubleSeriesImpl s = SeriesFactory.doubles(Retention.UNBOUNDED, SeriesFactory.BLOCK_CAPACITY);
    long[] t = o.times;
    double[] v = o.values;
    for (int i = 0; i < t.length; i++) {
      s.append(t[i], v[i]);
    }
    s.flush();
    return s;
  }

  /** 10,000 twins with two days of one-minute temperatures each. */
  @State(Scope.Benchmark)
  public static class Fleet {
    /** Number of twins. */
    @Param({"10000"})
    public int twins;

    /**
     * Where the day's window lies: {@code aligned} is the second stored day exactly (its first
     * sample opens a block); {@code sliding} is the 24 hours before an arbitrary moment.
     */
    @Param({"sliding", "aligned"})
    public String window;

    DoubleSeries[] series;
    long from;
    long to;

    /** Creates the state; JMH calls it. */
    public Fleet() {}

    /**
     * Fills the series: from 96 minutes before the first day to the end of the second, a random
     * walk in 0.01 steps, every third time a second early. With blocks of 256 samples the second
     * day starts a block, so the {@code aligned} window is whole closed blocks and the open block.
     */
    @Setup(Level.Trial)
    public void setUp() {
      SplittableRandom random = new SplittableRandom(42);
      series = new DoubleSeries[twins];
      long bytes = 0;
      long samples = 0;
      for (int i = 0; i < twins; i++) {
        DoubleSeries s = Series.doubles(Retention.UNBOUNDED);
        long cents = 2100 + random.nextInt(300);
        for (int m = -96; m < 2 * 1440; m++) {
          cents += random.nextInt(5) - 2;
          long jitter = random.nextInt(3) == 0 ? -1000 : 0;
          s.append(START + m * MINUTE + jitter, cents / 100.0);
        }
        series[i] = s;
        bytes += s.storedBytes();
        samples += s.size();
      }
      if ("aligned".equals(window)) {
        from = START + DAY - 1000;
      } else {
        from = START + 7 * 60 * MINUTE + 13 * MINUTE + 17_000;
      }
      to = from + DAY;
      long inWindow = series[0].count(from, to);
      System.out.printf(Locale.ROOT, "%n# %d twins, %d samples each, %d in the window,"
          + " %.2f heap bytes per sample%n", twins, samples / twins, inWindow,
          (double) bytes / samples);
    }
  }

  /**
   * Means of one day for every twin.
   *
   * @param f the twins
   * @return the sum of the means
   */
  @Benchmark
  public double meanOverOneDay(Fleet f) {
    double sum = 0;
    for (DoubleSeries s : f.series) {
      sum += s.mean(f.from, f.to).orElseThrow();
    }
    return sum;
  }

  /**
   * Time-weighted means of one day for every twin (every sample of the window is decoded).
   *
   * @param f the twins
   * @return the sum of the means
   */
  @Benchmark
  public double timeWeightedMeanOverOneDay(Fleet f) {
    double sum = 0;
    for (DoubleSeries s : f.series) {
      sum += s.timeWeightedMean(f.from, f.to).orElseThrow();
    }
    return sum;
  }

  /** 100,000 series taking appends in turn, bounded to their newest 4,096 samples. */
  @State(Scope.Thread)
  public static class Appends {
    /** Number of series. */
    @Param({"100000"})
    public int seriesCount;

    DoubleSeries[] series;
    DoubleSeries single;
    double[] values;
    int next;
    long time = START;

    /** Creates the state; JMH calls it. */
    public Appends() {}

    /** Creates the series and a loop of 4,096 sensor-like values (two decimals). */
    @Setup(Level.Trial)
    public void setUp() {
      series = new DoubleSeries[seriesCount];
      for (int i = 0; i < seriesCount; i++) {
        series[i] = Series.doubles(Retention.ofCount(4096));
      }
      single = Series.doubles(Retention.ofCount(4096));
      SplittableRandom random = new SplittableRandom(7);
      values = new double[4096];
      long cents = 2150;
      for (int i = 0; i < values.length; i++) {
        cents += random.nextInt(5) - 2;
        values[i] = cents / 100.0;
      }
    }
  }

  /**
   * One append into the next of 100,000 series.
   *
   * @param a the series
   * @return whether it was stored
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean append(Appends a) {
    int i = a.next;
    boolean stored = a.series[i].append(a.time, a.values[(int) (a.time / 1000) & 4095]);
    if (++i == a.series.length) {
      i = 0;
      a.time += 1000;
    }
    a.next = i;
    return stored;
  }

  /**
   * 1,000 appends into one series.
   *
   * @param a the series
   * @return whether the last was stored
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(1000)
  public boolean appendOneSeries(Appends a) {
    boolean stored = false;
    DoubleSeries s = a.single;
    long t = a.time;
    double[] v = a.values;
    for (int i = 0; i < 1000; i++) {
      t += 1000;
      stored = s.append(t, v[i & 4095]);
    }
    a.time = t;
    return stored;
  }
}
