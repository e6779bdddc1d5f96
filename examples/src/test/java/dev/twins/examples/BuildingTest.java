package dev.twins.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.twins.query.QueryRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the building's answers against the raw files: occupancy as a step function of the rows
 * (each row's state holds until the next row), integrated over each working hour.
 */
class BuildingTest {
  private static Building.Result result;
  /** room → rows of {time, occupied 0/1}, from the first row with an occupancy reading. */
  private static final Map<String, List<long[]>> OCC = new TreeMap<>();
  /** room → rows of {time, co2, occupied 0/1 at that row}. */
  private static final Map<String, List<double[]>> CO2 = new TreeMap<>();
  private static final Map<String, ZoneId> ZONE = new TreeMap<>();

  @BeforeAll
  static void run() throws Exception {
    Path data = ExampleData.dir();
    result = Building.run(data);
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(data.resolve(Building.B4B)))) {
      zip.getNextEntry();
      BufferedReader r = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
      List<String> header = List.of(r.readLine().replace("\uFEFF", "").split(",", -1));
      Map<String, Integer> state = new TreeMap<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        String id = f[header.indexOf("id")];
        String room = "room-" + id;
        ZONE.put(room, ZoneId.of("Europe/Amsterdam"));
        long t = OffsetDateTime.parse(f[header.indexOf("timestamp")].replace(' ', 'T')).toInstant().toEpochMilli();
        String occ = id.equals("925038") ? f[header.indexOf("CO2-meter-SCD4x_occupancy__p")]
            : f[header.indexOf("bms_occupancy__bool")];
        if (!occ.isEmpty()) {
          state.put(room, Double.parseDouble(occ) >= (id.equals("925038") ? 1 : 0.5) ? 1 : 0);
        }
        String co2 = f[header.indexOf("bms_co2__ppm")];
        Integer now = state.get(room);
        if (!co2.isEmpty()) {
          CO2.computeIfAbsent(room, k -> new ArrayList<>()).add(new double[] {t, Double.parseDouble(co2),
              now == null ? 0 : now});
        }
        if (now != null) {
          OCC.computeIfAbsent(room, k -> new ArrayList<>()).add(new long[] {t, now});
        }
      }
    }
    List<String> lines = Files.readAllLines(data.resolve(Building.UCI));
    ZONE.put("room-uci", ZoneId.of("Europe/Brussels"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.replace("\"", "").split(",");
      long t = LocalDateTime.parse(f[1].replace(' ', 'T')).atZone(ZONE.get("room-uci")).toInstant().toEpochMilli();
      int occupied = Double.parseDouble(f[4]) > 365 ? 1 : 0;
      OCC.computeIfAbsent("room-uci", k -> new ArrayList<>()).add(new long[] {t, occupied});
      CO2.computeIfAbsent("room-uci", k -> new ArrayList<>()).add(new double[] {t, Double.parseDouble(f[5]), occupied});
    }
  }

  /** Occupied milliseconds in [a, b) of a step function given by rows sorted by time. */
  private static double occupiedShare(List<long[]> rows, long a, long b) {
    double on = 0;
    for (int i = 0; i < rows.size(); i++) {
      long start = Math.max(rows.get(i)[0], a);
      long end = Math.min(i + 1 < rows.size() ? rows.get(i + 1)[0] : b, b);
      if (end > start && rows.get(i)[1] == 1) {
        on += end - start;
      }
    }
    return on / (b - a);
  }

  @Test
  void usageSharesByHourAndByWeekMatchTheRows() {
    assertThat(result.rooms().keySet()).containsExactlyInAnyOrderElementsOf(OCC.keySet());
    Set<String> lowExpected = new HashSet<>();
    for (Map.Entry<String, List<long[]>> e : OCC.entrySet()) {
      List<long[]> rows = e.getValue();
      ZoneId zone = ZONE.get(e.getKey());
      long first = rows.get(0)[0];
      long last = rows.get(rows.size() - 1)[0];
      double[] sum = new double[10];
      int[] n = new int[10];
      Map<String, double[]> weeks = new TreeMap<>();
      double total = 0;
      int hours = 0;
      for (LocalDate d = LocalDate.ofEpochDay(first / 86_400_000 - 1); d.toEpochDay() <= last / 86_400_000 + 1;
          d = d.plusDays(1)) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
          continue;
        }
        for (int h = 8; h < 18; h++) {
          ZonedDateTime from = d.atTime(h, 0).atZone(zone);
          long a = from.toInstant().toEpochMilli();
          long b = from.plusHours(1).toInstant().toEpochMilli();
          if (a < first || b > last) {
            continue;
          }
          double s = occupiedShare(rows, a, b);
          sum[h - 8] += s;
          n[h - 8]++;
          total += s;
          hours++;
          String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
          double[] w = weeks.computeIfAbsent(week, k -> new double[2]);
          w[0] += s;
          w[1]++;
        }
      }
      Building.RoomUsage u = result.rooms().get(e.getKey());
      assertThat(u.workingHours()).as(e.getKey()).isEqualTo(hours);
      assertThat(u.usage()).as(e.getKey()).isCloseTo(total / hours, within(1e-9));
      for (int i = 0; i < 10; i++) {
        assertThat(u.byHour()[i]).as(e.getKey() + " hour " + (8 + i)).isCloseTo(sum[i] / n[i], within(1e-9));
      }
      assertThat(u.byWeek().keySet()).isEqualTo(weeks.keySet());
      weeks.forEach((week, w) -> {
        assertThat(u.byWeek().get(week)).isCloseTo(w[0] / w[1], within(1e-9));
        if (w[0] / w[1] < 0.2) {
          lowExpected.add(week + " " + e.getKey());
        }
      });
    }
    assertThat(result.lowUsage().stream().map(r -> r.string("week").orElseThrow() + " " + r.string("room").orElseThrow()))
        .containsExactlyInAnyOrderElementsOf(lowExpected);
    assertThat(lowExpected).contains("2022-W42 room-917810", "2022-W42 room-925038", "2022-W42 room-999169");
  }

  @Test
  void lastWeeksSharesFromTheQueryMatchTheRows() {
    long to = result.end().toEpochMilli() + 1;
    long from = to - 7 * 86_400_000L;
    Map<String, Double> expected = new TreeMap<>();
    OCC.forEach((room, rows) -> {
      if (!room.equals("room-uci")) {
        expected.put(room, Math.round(occupiedShare(rows, from, to) * 1000) / 10.0);
      }
    });
    Map<String, Double> actual = new TreeMap<>();
    result.lastWeek().forEach(r -> actual.put(r.string("room").orElseThrow(), r.number("percent").orElseThrow()));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void co2AboveTheLimitWhileOccupied() {
    Map<String, Double> expected = new TreeMap<>();
    for (Map.Entry<String, List<double[]>> e : CO2.entrySet()) {
      double minutes = 0;
      List<double[]> rows = e.getValue();
      for (int i = 0; i + 1 < rows.size(); i++) {
        if (rows.get(i)[1] > 1000 && rows.get(i)[2] == 1) {
          minutes += Math.min(rows.get(i + 1)[0] - rows.get(i)[0], 15 * 60_000) / 60_000.0;
        }
      }
      expected.put(e.getKey(), minutes);
      assertThat(result.rooms().get(e.getKey()).co2HighMinutes()).as(e.getKey()).isCloseTo(minutes, within(1e-6));
    }
    Map<String, Double> fromQuery = new TreeMap<>();
    for (QueryRow row : result.co2High()) {
      fromQuery.put(row.string("room").orElseThrow(), row.number("minutes").orElseThrow());
    }
    expected.values().removeIf(m -> m == 0);
    assertThat(fromQuery.keySet()).isEqualTo(expected.keySet());
    assertThat(fromQuery).containsKey("room-uci");
  }

  @Test
  void theLightRuleAgreesWithTheRecordedOccupancyMostOfTheTime() throws Exception {
    List<String> lines = Files.readAllLines(ExampleData.dir().resolve(Building.UCI));
    long agree = lines.subList(1, lines.size()).stream().map(l -> l.replace("\"", "").split(","))
        .filter(f -> (Double.parseDouble(f[4]) > 365) == f[7].equals("1")).count();
    assertThat(result.uciRuleAccuracy()).isCloseTo(agree / (double) (lines.size() - 1), within(1e-12))
        .isGreaterThan(0.95);
  }
}
