package dev.twins.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryStreamTest {
  private static final PeerPortfolio P = PeerPortfolio.generate(10_000, 42);
  private static final TelemetryStream S = TelemetryStream.generate(P, 200_000, 10_000, 1_700_000_000_000_000L, 3);

  @Test
  void aboutFivePercentArriveLateAndOnePercentAreDuplicates() {
    assertThat(S.size()).isEqualTo(200_000);
    assertThat(S.duplicates()).isEqualTo(2_000);
    assertThat(S.outOfOrder()).isBetween(8_000, 12_000);
    int late = 0;
    long latest = Long.MIN_VALUE;
    int copies = 0;
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < S.size(); k++) {
      String key = S.sensor(k) + "@" + S.timeMicros(k);
      Integer before = seen.put(key, k);
      if (before != null) {
        assertThat(S.value(k)).isEqualTo(S.value(before));
        copies++;
        continue;
      }
      if (S.timeMicros(k) < latest) late++;
      latest = Math.max(latest, S.timeMicros(k));
    }
    assertThat(copies).isEqualTo(S.duplicates());
    assertThat(late).isEqualTo(S.outOfOrder());
  }

  @Test
  void sensorsAreZipfSkewed() {
    int[] sensors = P.indexesOf(PeerPortfolio.Kind.SENSOR);
    Map<Integer, Integer> counts = new HashMap<>();
    for (int k = 0; k < S.size(); k++) {
      assertThat(P.kind(S.sensor(k))).isEqualTo(PeerPortfolio.Kind.SENSOR);
      counts.merge(S.sensor(k), 1, Integer::sum);
    }
    int[] sorted = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    int top = sensors.length / 100;
    int topSum = Arrays.stream(sorted, sorted.length - top, sorted.length).sum();
    assertThat(topSum).as("readings of the 1 %% most active sensors").isGreaterThan(S.size() * 4 / 10);
    assertThat(counts.size()).as("sensors heard from").isLessThan(sensors.length);
  }

  @Test
  void valuesStayOnTheirSideOfTheThreshold() {
    for (int k = 0; k < S.size(); k++) {
      int i = S.sensor(k);
      if ("temperature".equals(P.propertyValues(i)[1])) assertThat(S.value(k) > 30).isEqualTo(P.hotValue(i) > 30);
    }
  }

  @Test
  void sameSeedGivesTheSameStream() {
    TelemetryStream again = TelemetryStream.generate(P, 200_000, 10_000, 1_700_000_000_000_000L, 3);
    for (int k = 0; k < S.size(); k += 101) {
      assertThat(again.sensorId(k)).isEqualTo(S.sensorId(k));
      assertThat(again.timeMicros(k)).isEqualTo(S.timeMicros(k));
      assertThat(again.value(k)).isEqualTo(S.value(k));
    }
  }
}
