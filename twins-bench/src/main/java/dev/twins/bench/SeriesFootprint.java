package dev.twins.bench;

import dev.twins.core.internal.series.BooleanSeriesImpl;
import dev.twins.core.internal.series.DoubleSeriesImpl;
import dev.twins.core.internal.series.SeriesFactory;
import dev.twins.core.series.Retention;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Prints the bytes per stored sample of each column of the UCI occupancy data: every column
 * appended into its own series, all blocks closed, then the encoded bytes (times and values)
 * and the heap bytes (with each block's object overhead) divided by the number of rows. A plain
 * sample is 16 bytes (a {@code long} time and a {@code double}).
 *
 * <p>Then, because a shared machine inflates wall-clock figures by however many other processes
 * run, it times {@link SeriesBenchmark}'s fleet workloads in <b>CPU time of the measuring thread</b>
 * ({@code ThreadMXBean}), the median of 15 repetitions after 10 of warm-up.
 *
 * <pre>
 * java -Xmx2g -cp twins-bench/target/benchmarks.jar dev.twins.bench.SeriesFootprint [sharedDir]
 * </pre>
 */
public final class SeriesFootprint {
  private SeriesFootprint() {}

  /**
   * Prints the table.
   *
   * @param args the shared data folder (optional)
   */
  public static void main(String[] args) {
    System.out.println(report(SeriesData.read(args.length > 0 ? args[0] : "")));
    System.out.println(cpuTimes());
  }

  /**
   * Times the fleet workloads in thread CPU time.
   *
   * @return a Markdown table
   */
  public static String cpuTimes() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder("# CPU time of the measuring thread, median of 15\n");
    out.append("| workload | CPU time |\n|---|---:|\n");
    for (String window : List.of("sliding", "aligned")) {
      SeriesBenchmark.Fleet fleet = new SeriesBenchmark.Fleet();
      fleet.twins = 10_000;
      fleet.window = window;
      long c0 = mx.getCurrentThreadCpuTime();
      fleet.setUp();
      long fill = mx.getCurrentThreadCpuTime() - c0;
      if (window.equals("sliding")) {
        out.append(String.format(Locale.ROOT, "| fill 10,000 series with 2,976 samples each |"
            + " %.1f ns per append |%n", fill / (10_000.0 * 2976)));
      }
      SeriesBenchmark bench = new SeriesBenchmark();
      out.append(String.format(Locale.ROOT, "| meanOverOneDay, %s, 10,000 twins | %.1f ms |%n",
          window, median(() -> bench.meanOverOneDay(fleet), mx) / 1e6));
      out.append(String.format(Locale.ROOT,
          "| timeWeightedMeanOverOneDay, %s, 10,000 twins | %.1f ms |%n", window,
          median(() -> bench.timeWeightedMeanOverOneDay(fleet), mx) / 1e6));
    }
    SeriesBenchmark.Appends appends = new SeriesBenchmark.Appends();
    appends.seriesCount = 100_000;
    appends.setUp();
    SeriesBenchmark bench = new SeriesBenchmark();
    double perAppend = median(() -> {
      boolean any = false;
      for (int i = 0; i < 1_000_000; i++) {
        any |= bench.append(appends);
      }
      return any ? 1 : 0;
    }, mx) / 1_000_000;
    out.append(String.format(Locale.ROOT, "| append, 100,000 series in turn | %.1f ns (%.1f M/s) |%n",
        perAppend, 1e3 / perAppend));
    double perOne = median(() -> bench.appendOneSeries(appends) ? 1 : 0, mx) / 1000;
    out.append(String.format(Locale.ROOT, "| appendOneSeries | %.1f ns (%.1f M/s) |%n", perOne,
        1e3 / perOne));
    return out.toString();
  }

  private static double median(DoubleSupplier work, ThreadMXBean mx) {
    double sink = 0;
    for (int i = 0; i < 10; i++) {
      sink += work.getAsDouble();
    }
    long[] times = new long[15];
    for (int i = 0; i < times.length; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      sink += work.getAsDouble();
      times[i] = mx.getCurrentThreadCpuTime() - c0;
    }
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("a workload gave NaN");
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  /**
   * Stores every column and describes the bytes per sample.
   *
   * @param data the occupancy rows
   * @return a Markdown table
   */
  public static String report(SeriesData data) {
    StringBuilder out = new StringBuilder();
    int n = data.times.length;
    out.append(String.format(Locale.ROOT, "# bytes per stored sample, %d rows, time included%n", n));
    out.append("| column | encoded bytes/sample | heap bytes/sample |\n|---|---:|---:|\n");
    double sensors = 0;
    for (int c = 0; c < SeriesData.COLUMNS.size(); c++) {
      long encoded;
      long heap;
      if (SeriesData.COLUMNS.get(c).equals("Occupancy")) {
        BooleanSeriesImpl s =
            SeriesFactory.booleans(Retention.UNBOUNDED, SeriesFactory.BLOCK_CAPACITY);
        for (int i = 0; i < n; i++) {
          s.append(data.times[i], data.values[c][i] != 0);
        }
        s.flush();
        encoded = s.encodedBytes();
        heap = s.storedBytes();
      } else {
        DoubleSeriesImpl s =
            SeriesFactory.doubles(Retention.UNBOUNDED, SeriesFactory.BLOCK_CAPACITY);
        for (int i = 0; i < n; i++) {
          s.append(data.times[i], data.values[c][i]);
        }
        s.flush();
        encoded = s.encodedBytes();
        heap = s.storedBytes();
        if (c < 4) {
          sensors += (double) encoded / n;
        }
      }
      out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", SeriesData.COLUMNS.get(c),
          (double) encoded / n, (double) heap / n));
    }
    out.append(String.format(Locale.ROOT, "| mean of the four sensor columns | %.3f | |%n",
        sensors / 4));
    return out.toString();
  }
}
