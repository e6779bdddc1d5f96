package dev.twins.bench;

import dev.twins.core.internal.series.BooleanSeriesImpl;
import dev.twins.core.internal.series.DoubleSeriesImpl;
import dev.twins.core.internal.series.SeriesFactory;
import dev.twins.core.series.Retention;
import java.util.Locale;

/**
 * Prints the bytes per stored sample of each column of the UCI occupancy data: every column
 * appended into its own series, all blocks closed, then the encoded bytes (times and values)
 * and the heap bytes (with each block's object overhead) divided by the number of rows. A plain
 * sample is 16 bytes (a {@code long} time and a {@code double}).
 *
 * <pre>
 * java -cp twins-bench/target/benchmarks.jar dev.twins.bench.SeriesFootprint [sharedDir]
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
