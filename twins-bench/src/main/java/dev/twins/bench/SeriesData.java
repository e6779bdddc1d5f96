package dev.twins.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The UCI occupancy data for the series benchmarks: the three files of
 * {@code <shared>/data/uci-occupancy-detection/} in time order (test, training, test 2), each
 * column as a list of (time, value) rows. The files have a header of 7 names and rows of 8 fields
 * (a quoted row index first); the time is quoted in two files and bare in the third, without a
 * zone (read as UTC).
 */
public final class SeriesData {
  /** The value columns, in file order. */
  public static final List<String> COLUMNS =
      List.of("Temperature", "Humidity", "Light", "CO2", "HumidityRatio", "Occupancy");
  private static final List<String> FILES = List.of("datatest.txt", "datatraining.txt",
      "datatest2.txt");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The time of each row, epoch milliseconds. */
  public final long[] times;
  /** {@code values[column][row]}. */
  public final double[][] values;

  private SeriesData(long[] times, double[][] values) {
    this.times = times;
    this.values = values;
  }

  /**
   * Reads the three files.
   *
   * @param sharedDir the shared folder, or empty for the system property {@code twins.shared.dir}
   *     or the {@code shared} folder beside the repository
   * @return the rows of all files, in file order
   * @throws IllegalStateException if the folder is missing, naming the folders tried
   * @throws UncheckedIOException if a file cannot be read or a row is malformed
   */
  public static SeriesData read(String sharedDir) {
    Path dir = dataDir(sharedDir);
    List<long[]> times = new ArrayList<>();
    List<double[][]> values = new ArrayList<>();
    int total = 0;
    try {
      for (String name : FILES) {
        Path file = dir.resolve(name);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int n = lines.size() - 1;
        long[] t = new long[n];
        double[][] v = new double[COLUMNS.size()][n];
        for (int i = 0; i < n; i++) {
          String[] f = lines.get(i + 1).split(",", -1);
          if (f.length != 8) {
            throw new IOException(file + ":" + (i + 2) + ": expected 8 fields, got " + f.length);
          }
          String time = f[1].replace("\"", "");
          t[i] = LocalDateTime.parse(time, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
          for (int c = 0; c < COLUMNS.size(); c++) {
            v[c][i] = Double.parseDouble(f[2 + c]);
          }
        }
        times.add(t);
        values.add(v);
        total += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long[] allTimes = new long[total];
    double[][] allValues = new double[COLUMNS.size()][total];
    int at = 0;
    for (int f = 0; f < times.size(); f++) {
      int n = times.get(f).length;
      System.arraycopy(times.get(f), 0, allTimes, at, n);
      for (int c = 0; c < COLUMNS.size(); c++) {
        System.arraycopy(values.get(f)[c], 0, allValues[c], at, n);
      }
      at += n;
    }
    return new SeriesData(allTimes, allValues);
  }

  private static Path dataDir(String sharedDir) {
    List<Path> tried = new ArrayList<>();
    if (!sharedDir.isEmpty()) {
      tried.add(Path.of(sharedDir));
    } else if (System.getProperty("twins.shared.dir") != null) {
      tried.add(Path.of(System.getProperty("twins.shared.dir")));
    } else {
      repositoryRoot().ifPresent(repo -> tried.add(repo.resolveSibling("shared")));
      tried.add(Path.of("..", "shared"));
    }
    for (Path shared : tried) {
      Path d = shared.resolve("data/uci-occupancy-detection").toAbsolutePath().normalize();
      if (Files.isDirectory(d)) {
        return d;
      }
    }
    throw new IllegalStateException("the UCI occupancy data is not in "
        + tried.stream().map(p -> p.toAbsolutePath().normalize() + "/data/uci-occupancy-detection")
            .collect(Collectors.joining(" or "))
        + ". Give the shared data folder with -p sharedDir=/path/to/shared or"
        + " -Dtwins.shared.dir=/path/to/shared");
  }

  private static Optional<Path> repositoryRoot() {
    try {
      Path p = Path.of(SeriesData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (int i = 0; i < 3 && p != null; i++) {
        p = p.getParent();
      }
      return Optional.ofNullable(p);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
