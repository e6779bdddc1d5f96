package dev.twins.core.internal.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.SharedData;
import dev.twins.core.series.BooleanCursor;
import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.Retention;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every column of the UCI occupancy files stored as a series comes back exactly, in fewer than 3
 * bytes per sample (time included) for the sensor columns. Prints the bytes per sample.
 */
@Tag("corpus")
class OccupancyCompressionCorpusTest {
  @Test
  void sensorColumnsTakeFewerThanThreeBytesPerSampleAndRoundTrip() throws IOException {
    Path dir = SharedData.dir().resolve("data/uci-occupancy-detection");
    long[] bytes = new long[OccupancyData.COLUMNS.length];
    long samples = 0;
    for (Path file : OccupancyData.files(dir)) {
      OccupancyData data = OccupancyData.read(file);
      int n = data.times.length;
      samples += n;
      for (int c = 0; c < OccupancyData.COLUMNS.length; c++) {
        if (c == 5) {
          BooleanSeriesImpl s = SeriesFactory.booleans(Retention.UNBOUNDED,
              SeriesFactory.BLOCK_CAPACITY);
          for (int i = 0; i < n; i++) {
            s.append(data.times[i], data.values[c][i] != 0);
          }
          s.flush();
          bytes[c] += s.encodedBytes();
          BooleanCursor cur = s.scan(Long.MIN_VALUE, Long.MAX_VALUE);
          for (int i = 0; i < n; i++) {
            assertThat(cur.next()).isTrue();
            assertThat(cur.time()).isEqualTo(data.times[i]);
            assertThat(cur.value()).isEqualTo(data.values[c][i] != 0);
          }
          continue;
        }
        DoubleSeriesImpl s = SeriesFactory.doubles(Retention.UNBOUNDED,
            SeriesFactory.BLOCK_CAPACITY);
        for (int i = 0; i < n; i++) {
          s.append(data.times[i], data.values[c][i]);
        }
        s.flush();
        bytes[c] += s.encodedBytes();
        DoubleCursor cur = s.scan(Long.MIN_VALUE, Long.MAX_VALUE);
        for (int i = 0; i < n; i++) {
          assertThat(cur.next()).isTrue();
          assertThat(cur.time()).isEqualTo(data.times[i]);
          assertThat(Double.doubleToRawLongBits(cur.value()))
              .as("%s row %d of %s", OccupancyData.COLUMNS[c], i + 2, file.getFileName())
              .isEqualTo(Double.doubleToRawLongBits(data.values[c][i]));
        }
        assertThat(cur.next()).isFalse();
      }
    }
    StringBuilder report = new StringBuilder("bytes per sample (time included):");
    for (int c = 0; c < bytes.length; c++) {
      report.append(String.format(" %s=%.3f", OccupancyData.COLUMNS[c], (double) bytes[c] / samples));
    }
    System.out.println(report);
    for (int c = 0; c < 4; c++) {
      assertThat((double) bytes[c] / samples).as(OccupancyData.COLUMNS[c]).isLessThan(3.0);
    }
  }
}
