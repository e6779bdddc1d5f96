package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.SharedData;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the UCI occupancy files (Candanedo and Feldheim 2016) through a room twin as CSV
 * telemetry, and checks the per-hour occupied shares that the room's series give against shares
 * computed here, independently, from the rows of the file.
 */
@Tag("corpus")
class OccupancyCorpusTest {
  private static final String ROOM = "dtmi:corpus:OfficeRoom;1";
  private static final long HOUR = 3_600_000L;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One row of a file: time, the five readings, occupancy. */
  record Row(long t, double temperature, double humidity, double light, double co2, double ratio, boolean occupied) {}

  @ParameterizedTest
  @ValueSource(strings = {"datatraining.txt", "datatest.txt", "datatest2.txt"})
  void hourlyOccupiedSharesMatchTheFile(String file) throws IOException {
    Path path = SharedData.dir().resolve("data/uci-occupancy-detection").resolve(file);
    List<Row> rows = read(path);
    assertThat(rows).hasSizeGreaterThan(2_000);

    Twins twins = Twins.create(ModelParser.parseJson("""
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:corpus:OfficeRoom;1", "@type": "Interface",
         "contents": [
           {"@type": ["Telemetry", "Temperature"], "name": "temperature", "schema": "double", "unit": "degreeCelsius"},
           {"@type": ["Telemetry", "RelativeHumidity"], "name": "humidity", "schema": "double", "unit": "percent"},
           {"@type": ["Telemetry", "Illuminance"], "name": "light", "schema": "double", "unit": "lux"},
           {"@type": "Telemetry", "name": "co2", "schema": "double"},
           {"@type": "Telemetry", "name": "humidityRatio", "schema": "double"},
           {"@type": "Telemetry", "name": "occupancy", "schema": "boolean"},
           {"@type": "Property", "name": "occupied", "schema": "boolean"},
           {"@type": "Property", "name": "occupiedShareLastHour", "schema": "double"}
         ]}"""));
    twins.createTwin("room", ROOM, Map.of());
    try (TelemetryHub hub = TelemetryHub.builder(twins).localTimeZone(ZoneOffset.UTC).build()) {
      hub.rules().add(Rule.fromTelemetry(ROOM, "occupied", "occupancy", Derivation.last()));
      hub.rules().add(Rule.fromTelemetry(ROOM, "occupiedShareLastHour", "occupancy",
          Derivation.timeWeightedMean(java.time.Duration.ofHours(1))));

      // The file as Twins CSV: the header names the telemetry, each row is one message.
      StringBuilder csv = new StringBuilder("twinId,sourceTime,temperature,humidity,light,co2,humidityRatio,occupancy\n");
      for (Row r : rows) {
        csv.append("room,").append(LocalDateTime.ofEpochSecond(r.t() / 1000, 0, ZoneOffset.UTC).format(STAMP)).append(',')
            .append(r.temperature()).append(',').append(r.humidity()).append(',').append(r.light()).append(',')
            .append(r.co2()).append(',').append(r.ratio()).append(',').append(r.occupied() ? 1 : 0).append('\n');
      }
      IngestReport report = hub.ingestCsv(new StringReader(csv.toString()), file);
      assertThat(report.rejected()).as(report.rejections().toString()).isZero();
      assertThat(report.accepted()).isEqualTo(rows.size());

      BooleanSeries occupancy = (BooleanSeries) hub.series("room", "occupancy").orElseThrow();
      assertThat(occupancy.size()).isEqualTo(rows.size());
      long first = rows.get(0).t() / HOUR * HOUR;
      long last = rows.get(rows.size() - 1).t();
      int hours = 0;
      int busy = 0;
      for (long h = first; h <= last; h += HOUR) {
        double[] expected = timeWeightedShare(rows, h, h + HOUR);
        var share = occupancy.trueShare(h, h + HOUR);
        assertThat(share.isPresent()).as("hour %s", h).isEqualTo(expected != null);
        if (expected != null) {
          assertThat(share.getAsDouble()).as("occupied share of the hour from %s", java.time.Instant.ofEpochMilli(h))
              .isCloseTo(expected[0], Offset.offset(1e-12));
          if (expected[0] > 0) busy++;
        }
        assertThat(occupancy.count(h, h + HOUR)).isEqualTo(countIn(rows, h, h + HOUR));
        assertThat(occupancy.countTrue(h, h + HOUR)).isEqualTo(countTrueIn(rows, h, h + HOUR));
        hours++;
      }
      assertThat(hours).isGreaterThan(40);
      assertThat(busy).isGreaterThan(10);

      // the whole file: the share of occupied rows is the one the data folder's README gives
      double rowShare = (double) occupancy.countTrue(Long.MIN_VALUE, Long.MAX_VALUE) / occupancy.size();
      double readme = switch (file) {
        case "datatraining.txt" -> 0.212;
        case "datatest.txt" -> 0.365;
        default -> 0.210;
      };
      assertThat(rowShare).isCloseTo(readme, Offset.offset(0.0005));

      // the twin's state reflects the last row; the derived share is the last hour's
      Row end = rows.get(rows.size() - 1);
      assertThat(twins.twin("room").orElseThrow().property("occupied").orElseThrow().asBoolean()).isEqualTo(end.occupied());
      double[] lastHour = timeWeightedShare(rows, end.t() - HOUR, end.t() + 1);
      assertThat(twins.twin("room").orElseThrow().number("occupiedShareLastHour").orElseThrow())
          .isCloseTo(lastHour[0], Offset.offset(1e-12));
      DoubleSeries co2 = (DoubleSeries) hub.series("room", "co2").orElseThrow();
      assertThat(co2.mean(Long.MIN_VALUE, Long.MAX_VALUE).getAsDouble())
          .isCloseTo(rows.stream().mapToDouble(Row::co2).average().orElseThrow(), Offset.offset(1e-6));
    }
  }

  private static boolean within(Row r, long from, long to) {
    return r.t() >= from && r.t() < to;
  }

  private static long countIn(List<Row> rows, long from, long to) {
    return rows.stream().filter(r -> within(r, from, to)).count();
  }

  private static long countTrueIn(List<Row> rows, long from, long to) {
    return rows.stream().filter(r -> within(r, from, to) && r.occupied()).count();
  }

  /**
   * The share of [from, to) the room was occupied: each row's value holds from its time until the
   * next row's (the last until {@code to}); the value at {@code from} is that of the newest row
   * before it; with no row before {@code from}, the window starts at its first row.
   *
   * @return {share}, or null when no row is before {@code to}
   */
  static double[] timeWeightedShare(List<Row> rows, long from, long to) {
    Row before = null;
    List<Row> inside = new ArrayList<>();
    for (Row r : rows) {
      if (r.t() < from) before = r;
      else if (r.t() < to) inside.add(r);
    }
    if (before == null && inside.isEmpty()) return null;
    long total = 0;
    long occupied = 0;
    long cursor = before != null ? from : inside.get(0).t();
    boolean value = before != null ? before.occupied() : inside.get(0).occupied();
    for (Row r : inside) {
      long d = r.t() - cursor;
      total += d;
      if (value) occupied += d;
      cursor = r.t();
      value = r.occupied();
    }
    long d = to - cursor;
    total += d;
    if (value) occupied += d;
    return total == 0 ? null : new double[] {(double) occupied / total};
  }

  /** Reads a file: the header has 7 names but rows 8 fields (a quoted row index first); the time may be quoted or not. */
  static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("\"date\",\"Temperature\",\"Humidity\",\"Light\",\"CO2\",\"HumidityRatio\",\"Occupancy\"");
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      String[] f = line.split(",");
      assertThat(f).hasSize(8);
      String stamp = f[1].replace("\"", "");
      long t = LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
      rows.add(new Row(t, Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          Double.parseDouble(f[5]), Double.parseDouble(f[6]), f[7].trim().equals("1")));
    }
    return rows;
  }
}
