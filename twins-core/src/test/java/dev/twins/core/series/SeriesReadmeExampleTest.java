package dev.twins.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Telemetry series" example, with the values it implies. */
class SeriesReadmeExampleTest {
  @Test
  void readmeExampleRuns() {
    long t0 = 1_700_000_000_000L;
    long minute = 60_000;
    SeriesStore store =
        SeriesStore.create((twin, name) -> Retention.ofAge(Duration.ofDays(30).toMillis()));
    DoubleSeries temp = store.doubles("pump-7", "temperature");
    temp.append(t0, 71.5);
    for (int i = 1; i <= 10; i++) {
      temp.append(t0 + i * minute, 71.5 + i);
    }
    long from = t0;
    long to = t0 + 11 * minute;
    long now = to;
    assertThat(temp.stats(from, to).count()).isEqualTo(11);
    assertThat(temp.stats(from, to).mean()).isEqualTo(76.5);
    assertThat(temp.percentile(from, to, 95)).isPresent();
    assertThat(temp.timeWeightedMean(from, to)).hasValue(76.5);
    assertThat(temp.currentRun(Side.ABOVE, 80.0, now).orElseThrow().start())
        .isEqualTo(t0 + 9 * minute);
    assertThat(temp.trend(from, to).orElseThrow().slopePerHour()).isCloseTo(60.0,
        org.assertj.core.api.Assertions.within(1e-9));
    // at 1 per minute from 81.5 at minute 10: 90 is reached at minute 18.5, 7.5 minutes after now
    assertThat(temp.millisUntil(90.0, from, now)).hasValue(7 * minute + minute / 2);
    assertThat(temp.zScore(from, to).orElseThrow()).isPositive();
    BooleanSeries occupied = store.booleans("room-1", "occupied");
    occupied.append(from, true);
    assertThat(occupied.trueShare(from, to)).hasValue(1.0);
    GeoSeries cow = store.geoPoints("cow-3", "position");
    cow.append(from, 31.0, -24.0);
    assertThat(cow.stayWithin(100, now)).hasValue(new Run(from, now, 1));
  }
}
