package dev.twins.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the ranch's answers against a direct reading of the Movebank file. */
class RanchTest {
  private static Ranch.Result result;
  private static Map<String, List<double[]>> byAnimal; // time, lon, lat, celsius

  @BeforeAll
  static void run() throws Exception {
    Path data = ExampleData.dir();
    result = Ranch.run(data);
    byAnimal = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(java.nio.file.Files.newInputStream(data.resolve(Ranch.ZIP)))) {
      zip.getNextEntry();
      BufferedReader r = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1); // the quoted study name at the end holds two commas
        String animal = f[11].replace("\"", "");
        long t = LocalDateTime.parse(f[2].replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        byAnimal.computeIfAbsent(animal, k -> new ArrayList<>()).add(new double[] {
            t, Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6])});
      }
    }
    byAnimal.values().forEach(l -> l.sort((a, b) -> Double.compare(a[0], b[0])));
  }

  @Test
  void everyFixIsReplayedAndFaultyReadingsAreCounted() {
    long fixes = byAnimal.values().stream().mapToLong(List::size).sum();
    long faulty = byAnimal.values().stream().flatMap(List::stream).filter(f -> f[3] < -20 || f[3] > 60).count();
    assertThat(result.fixes()).isEqualTo(fixes).isEqualTo(24_653);
    assertThat(result.hub().counts().accepted()).isEqualTo(fixes);
    assertThat(result.rejectedReadings()).isEqualTo(faulty).isPositive();
    assertThat(result.twins().twinCount()).isEqualTo(1 + 4 + byAnimal.size());
  }

  @Test
  void feversAreTheRunsAboveTheThresholdLongerThanADay() {
    List<String> expected = new ArrayList<>();
    byAnimal.forEach((animal, fixes) -> {
      double start = Double.NaN;
      double last = Double.NaN;
      for (double[] f : fixes) {
        if (f[3] < -20 || f[3] > 60) {
          continue;
        }
        if (f[3] > 35.0) {
          if (Double.isNaN(start)) {
            start = f[0];
          }
          last = f[0];
        } else {
          if (!Double.isNaN(start) && last - start >= 86_400_000) {
            expected.add(animal + " " + (long) start + " " + (long) last);
          }
          start = Double.NaN;
        }
      }
      if (!Double.isNaN(start) && last - start >= 86_400_000) {
        expected.add(animal + " " + (long) start + " " + (long) last);
      }
    });
    assertThat(result.fevers()).extracting(e -> e.animal() + " " + e.start() + " " + e.end())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).isNotEmpty();
  }

  @Test
  void positionsNowAreTheNewestFixes() {
    assertThat(result.now()).hasSameSizeAs(byAnimal);
    byAnimal.forEach((animal, fixes) -> {
      double[] last = fixes.get(fixes.size() - 1);
      Ranch.Position p = result.now().get(animal);
      assertThat(p.time()).isEqualTo((long) last[0]);
      assertThat(p.lon()).isEqualTo(last[1]);
      assertThat(p.lat()).isEqualTo(last[2]);
    });
  }

  @Test
  void longestStaysWithinEachRadius() {
    for (double radius : new double[] {Ranch.STAY_RADIUS_METRES, Ranch.WIDE_RADIUS_METRES}) {
      Map<String, Long> expected = new TreeMap<>();
      byAnimal.forEach((animal, fixes) -> {
        long best = -1;
        for (int i = 0; i < fixes.size(); i++) {
          int j = i;
          while (j > 0 && haversine(fixes.get(j - 1), fixes.get(i)) <= radius) {
            j--;
          }
          best = Math.max(best, (long) (fixes.get(i)[0] - fixes.get(j)[0]));
        }
        expected.put(animal, best);
      });
      Map<String, Long> actual = new TreeMap<>();
      result.stays().get(radius).forEach(e -> actual.put(e.animal(), e.end() - e.start()));
      assertThat(actual).isEqualTo(expected);
    }
    assertThat(result.staysOverADay(Ranch.STAY_RADIUS_METRES)).isEmpty();
    assertThat(result.staysOverADay(Ranch.WIDE_RADIUS_METRES)).extracting(Ranch.Episode::animal).containsExactly("Pepper");
    assertThat(result.staysOverADay(Ranch.WIDE_RADIUS_METRES).get(0).hours()).isCloseTo(122, within(1.0));
  }

  private static double haversine(double[] a, double[] b) {
    double p1 = Math.toRadians(a[2]);
    double p2 = Math.toRadians(b[2]);
    double dp = p2 - p1;
    double dl = Math.toRadians(b[1] - a[1]);
    double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
