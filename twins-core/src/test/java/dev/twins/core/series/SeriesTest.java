package dev.twins.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The series of each kind and the store, through the public API. */
class SeriesTest {
  private static final long MIN = 60_000;

  @Test
  void doubleSeriesFunctionsOnAHandWorkedExample() {
    DoubleSeries s = Series.doubles(Retention.UNBOUNDED);
    assertThat(s.append(0, 20.0)).isTrue();
    s.append(MIN, 22.0);
    s.append(3 * MIN, 26.0);
    s.append(2 * MIN, 24.0);          // late: placed by time
    assertThat(s.size()).isEqualTo(4);
    assertThat(s.last()).hasValue(26.0);
    assertThat(s.valueAt(2 * MIN + 1)).hasValue(24.0);
    assertThat(s.stats(0, 4 * MIN).mean()).isEqualTo(23.0);
    assertThat(s.stats(0, 4 * MIN).stddev()).isCloseTo(Math.sqrt(20.0 / 3), within(1e-12));
    assertThat(s.mean(MIN, 3 * MIN)).hasValue(23.0);
    assertThat(s.percentile(0, 4 * MIN, 50)).hasValue(23.0);
    // 20 for 1 min, 22 for 1, 24 for 1, 26 for 1: mean 23; from 30 s: 20 for half a minute
    assertThat(s.timeWeightedMean(0, 4 * MIN)).hasValue(23.0);
    assertThat(s.timeWeightedMean(MIN / 2, MIN + MIN / 2).getAsDouble()).isEqualTo(21.0);
    // before the first sample nothing is counted
    assertThat(s.timeWeightedMean(-MIN, MIN)).hasValue(20.0);
    assertThat(s.timeWeightedMean(-2 * MIN, -MIN)).isEmpty();
    Trend trend = s.trend(0, 4 * MIN).orElseThrow();
    assertThat(trend.slopePerMilli() * MIN).isCloseTo(2.0, within(1e-12));
    assertThat(trend.value()).isCloseTo(26.0, within(1e-9));
    // 30 is reached 2 minutes after the last sample, i.e. 1 minute after to = 4 min
    assertThat(s.millisUntil(30, 0, 4 * MIN)).hasValue(MIN);
    assertThat(s.millisUntil(10, 0, 4 * MIN)).isEmpty();
    assertThat(s.currentRun(Side.ABOVE, 21, 5 * MIN)).hasValue(new Run(MIN, 5 * MIN, 3));
    assertThat(s.currentRun(Side.BELOW, 21, 5 * MIN)).isEmpty();
    assertThat(s.currentRun(Side.BELOW, 21, MIN / 2)).hasValue(new Run(0, MIN / 2, 1));
    assertThat(s.zScore(0, 4 * MIN).getAsDouble())
        .isCloseTo(3.0 / Math.sqrt(20.0 / 3), within(1e-12));
    assertThat(s.ageMillis(5 * MIN)).hasValue(2 * MIN);
    assertThat(s.ageMillis(-1)).isEmpty();
    DoubleCursor c = s.scan(MIN, 3 * MIN);
    assertThat(c.size()).isEqualTo(2);
    assertThat(c.next()).isTrue();
    assertThat(c.time()).isEqualTo(MIN);
    assertThat(c.value()).isEqualTo(22.0);
    assertThat(c.next()).isTrue();
    assertThat(c.next()).isFalse();
    assertThatThrownBy(c::value).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> s.percentile(0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 100]");
  }

  @Test
  void retentionByCountAndAgeRefusesWhatItWouldDrop() {
    DoubleSeries byCount = Series.doubles(Retention.ofCount(3));
    for (int i = 0; i < 1000; i++) {
      byCount.append(i, i);
    }
    assertThat(byCount.size()).isEqualTo(3);
    assertThat(byCount.firstTime()).hasValue(997);
    assertThat(byCount.append(10, 1)).isFalse();
    assertThat(byCount.append(998, 1)).isTrue();
    assertThat(byCount.firstTime()).hasValue(998);
    assertThat(byCount.storedBytes()).isLessThan(16_000);

    DoubleSeries byAge = Series.doubles(Retention.ofAge(100));
    for (int i = 0; i < 1000; i++) {
      byAge.append(i * 10L, i);
    }
    assertThat(byAge.firstTime()).hasValue(9890);
    assertThat(byAge.size()).isEqualTo(11);
    assertThat(byAge.append(9000, 0)).isFalse();
    assertThatThrownBy(() -> Retention.ofCount(0)).hasMessageContaining("maxCount");
  }

  @Test
  void booleansGiveTheShareOfTimeAndTheCurrentRun() {
    BooleanSeries occupied = Series.booleans(Retention.UNBOUNDED);
    occupied.append(0, false);
    occupied.append(15 * MIN, true);
    occupied.append(45 * MIN, false);
    assertThat(occupied.trueShare(0, 60 * MIN)).hasValue(0.5);
    assertThat(occupied.countTrue(0, 60 * MIN)).isEqualTo(1);
    assertThat(occupied.currentRun(false, 50 * MIN)).hasValue(new Run(45 * MIN, 50 * MIN, 1));
    assertThat(occupied.valueAt(20 * MIN)).hasValue(true);
    BooleanCursor c = occupied.scan(0, MIN);
    assertThat(c.next()).isTrue();
    assertThat(c.value()).isFalse();
  }

  @Test
  void stringsKeepTheirValuesAndShares() {
    StringSeries mode = Series.strings(Retention.UNBOUNDED);
    mode.append(0, "heating");
    mode.append(10, "idle");
    mode.append(20, "idle");
    mode.append(30, "cooling");
    assertThat(mode.last()).hasValue("cooling");
    assertThat(mode.share("idle", 0, 40).getAsDouble()).isEqualTo(0.5);
    assertThat(mode.share("unknown", 0, 40).getAsDouble()).isEqualTo(0.0);
    assertThat(mode.currentRun(25)).hasValue(new Run(10, 25, 2));
    StringCursor c = mode.scan(10, 30);
    assertThat(c.next()).isTrue();
    assertThat(c.value()).isEqualTo("idle");
    assertThat(c.size()).isEqualTo(2);
  }

  @Test
  void geoPointsMeasureDistanceAndStays() {
    // one degree of latitude is about 111.2 km on the mean sphere
    assertThat(GeoPoint.distanceMetres(0, 0, 0, 1)).isCloseTo(111_195.08, within(0.1));
    // Paris to London, about 343.5 km
    assertThat(new GeoPoint(2.3522, 48.8566).distanceTo(new GeoPoint(-0.1276, 51.5072)))
        .isCloseTo(343_500, within(1_000.0));
    GeoSeries cow = Series.geoPoints(Retention.UNBOUNDED);
    cow.append(0, 31.0, -24.0);
    cow.append(MIN, 31.01, -24.0);       // about 1 km east
    cow.append(2 * MIN, 31.0101, -24.0); // 10 m further
    cow.append(3 * MIN, 31.0100, -24.0001);
    Run stay = cow.stayWithin(50, 10 * MIN).orElseThrow();
    assertThat(stay).isEqualTo(new Run(MIN, 10 * MIN, 3));
    assertThat(cow.stayWithin(5_000, 10 * MIN).orElseThrow().start()).isEqualTo(0);
    assertThat(cow.distanceMetres(0, 2 * MIN).getAsDouble()).isCloseTo(1016, within(2.0));
    assertThat(cow.last()).hasValue(new GeoPoint(31.0100, -24.0001));
    assertThatThrownBy(() -> cow.append(0, 181, 0)).hasMessageContaining("longitude");
    assertThatThrownBy(() -> cow.stayWithin(-1, 0)).hasMessageContaining("radius");
    Polygon square = Polygon.of(List.of(new GeoPoint(31, -24.1), new GeoPoint(31.1, -24.1),
        new GeoPoint(31.1, -23.9), new GeoPoint(31, -23.9), new GeoPoint(31, -24.1)));
    assertThat(square.contains(cow.last().orElseThrow())).isTrue();
    assertThat(square.contains(new GeoPoint(30.9, -24))).isFalse();
    Polygon holed = new Polygon(List.of(square.rings().get(0),
        List.of(new GeoPoint(31.005, -24.01), new GeoPoint(31.02, -24.01),
            new GeoPoint(31.02, -23.99), new GeoPoint(31.005, -23.99),
            new GeoPoint(31.005, -24.01))));
    assertThat(holed.contains(31.01, -24.0)).isFalse();
    assertThat(holed.contains(31.05, -24.0)).isTrue();
    assertThatThrownBy(() -> Polygon.of(List.of(new GeoPoint(0, 0), new GeoPoint(1, 0),
        new GeoPoint(1, 1), new GeoPoint(0, 1)))).hasMessageContaining("not closed");
  }

  @Test
  void storeCreatesOnFirstUseAndRemovesTwins() {
    SeriesStore store = SeriesStore.create((twin, name) -> Retention.ofCount(10));
    DoubleSeries temp = store.doubles("room-1", "temperature");
    assertThat(store.doubles("room-1", "temperature")).isSameAs(temp);
    assertThat(temp.retention()).isEqualTo(Retention.ofCount(10));
    store.booleans("room-1", "occupied").append(0, true);
    store.geoPoints("cow-1", "position").append(0, 1, 2);
    store.strings("cow-1", "state").append(0, "grazing");
    assertThat(store.seriesCount()).isEqualTo(4);
    assertThat(store.twinIds()).containsExactlyInAnyOrder("room-1", "cow-1");
    assertThat(store.seriesOf("room-1")).containsOnlyKeys("temperature", "occupied");
    assertThat(store.find("room-1", "occupied")).get().extracting(Series::kind)
        .isEqualTo(SeriesKind.BOOLEAN);
    assertThatThrownBy(() -> store.booleans("room-1", "temperature"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 'temperature' of twin 'room-1' holds DOUBLE values, not BOOLEAN");
    assertThat(store.removeTwin("room-1")).isTrue();
    assertThat(store.find("room-1", "temperature")).isEmpty();
    assertThat(store.remove("cow-1", "state")).isTrue();
    assertThat(store.seriesCount()).isEqualTo(1);
    assertThat(store.storedBytes()).isPositive();
  }
}
