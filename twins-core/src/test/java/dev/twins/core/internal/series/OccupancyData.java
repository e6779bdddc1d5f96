package dev.twins.core.internal.series;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The UCI occupancy files: a header of 7 quoted names, rows of 8 fields (a quoted row index
 * first), the time quoted in two files and bare in the third, no zone (read as UTC here).
 */
final class OccupancyData {
  static final String[] COLUMNS =
      {"Temperature", "Humidity", "Light", "CO2", "HumidityRatio", "Occupancy"};
  static final String[] FILES = {"datatraining.txt", "datatest.txt", "datatest2.txt"};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  final long[] times;
  /** values[column][row]. */
  final double[][] values;

  private OccupancyData(long[] times, double[][] values) {
    this.times = times;
    this.values = values;
  }

  static OccupancyData read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int n = lines.size() - 1;
    long[] times = new long[n];
    double[][] values = new double[COLUMNS.length][n];
    for (int i = 0; i < n; i++) {
      String line = lines.get(i + 1);
      String[] f = line.split(",", -1);
      if (f.length != 8) {
        throw new IOException(file + ":" + (i + 2) + ": expected 8 fields, got " + f.length);
      }
      times[i] = LocalDateTime.parse(unquote(f[1]), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
      for (int c = 0; c < COLUMNS.length; c++) {
        values[c][i] = Double.parseDouble(f[2 + c]);
      }
    }
    return new OccupancyData(times, values);
  }

  private static String unquote(String s) {
    return s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  static List<Path> files(Path dir) {
    List<Path> out = new ArrayList<>();
    for (String f : FILES) {
      out.add(dir.resolve(f));
    }
    return out;
  }
}
