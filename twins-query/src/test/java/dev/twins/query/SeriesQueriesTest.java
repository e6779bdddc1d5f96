package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.SeriesStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The series functions in queries: the questions of the issue, over the demo graph with telemetry. */
class SeriesQueriesTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final long HOUR = 3_600_000L;

  private static QueryEngine engine(SeriesStore store) {
    return QueryEngine.builder(Twins.demo()).series(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  private static String ids(QueryResult r) {
    return r.stream().map(x -> x.string("$dtId").orElseThrow()).sorted().collect(Collectors.joining(","));
  }

  @Test
  void windowStatisticsAndLastValue() {
    SeriesStore store = SeriesStore.create();
    long now = NOW.toEpochMilli();
    DoubleSeries s1 = store.doubles("sensor-101", "temperature");
    DoubleSeries s2 = store.doubles("sensor-201", "temperature");
    for (int i = 0; i < 48; i++) {
      s1.append(now - (47 - i) * HOUR, 20 + (i % 2));      // 20, 21, 20, ...: mean 20.5
      s2.append(now - (47 - i) * HOUR, 25 + i * 0.1);      // rising 0.1 per hour
    }
    QueryEngine e = engine(store);
    QueryResult r = e.query("SELECT S.$dtId, SERIES_MEAN(S, 'temperature', 'P1D') AS mean, SERIES_LAST(S, 'temperature') AS last, "
        + "SERIES_COUNT(S, 'temperature', 'PT10H') AS n, SERIES_AGE(S, 'temperature') AS age FROM DIGITALTWINS S "
        + "WHERE IS_OF_MODEL(S, 'dtmi:twins:demo:Sensor;1') ORDER BY S.$dtId");
    assertThat(r.rows().get(0).number("mean").orElseThrow()).isEqualTo(20.5);
    assertThat(r.rows().get(0).number("last").orElseThrow()).isEqualTo(21.0);
    assertThat(r.rows().get(0).integer("n")).hasValue(10);
    assertThat(r.rows().get(0).string("age")).contains("PT0S");
    // sensors that will cross 30 within a day at the trend of the last two days
    assertThat(ids(e.query("SELECT S.$dtId FROM DIGITALTWINS S WHERE SERIES_TIME_TO(S, 'temperature', 30, 'P2D') < 'P1D'")))
        .isEqualTo("sensor-201");
    assertThat(e.query("SELECT SERIES_TREND(S, 'temperature', 'P2D') AS t FROM DIGITALTWINS S WHERE S.$dtId = 'sensor-201'")
        .rows().get(0).number("t").orElseThrow()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    // a run above a threshold: 'which sensors have been above 27 for more than 10 hours'
    assertThat(ids(e.query("SELECT S.$dtId FROM DIGITALTWINS S WHERE SERIES_RUN(S, 'temperature', 'ABOVE', 27) > 'PT10H'")))
        .isEqualTo("sensor-201");
    // a room's value as of a past time, through its sensor
    assertThat(e.query("SELECT SERIES_VALUE_AT(S, 'temperature', NOW() - 'PT47H') AS v FROM DIGITALTWINS MATCH (R)-[:hasSensor]->(S) "
        + "WHERE R.$dtId = 'room-201'").toJsonLines()).isEqualTo("{\"v\":25.0}\n");
  }

  @Test
  void shareOfTimeOccupied() {
    SeriesStore store = SeriesStore.create();
    long now = NOW.toEpochMilli();
    BooleanSeries busy = store.booleans("room-101", "occupied");
    busy.append(now - 10 * HOUR, true);
    busy.append(now - 9 * HOUR, false);   // occupied 1 hour of the last 10
    BooleanSeries free = store.booleans("room-201", "occupied");
    free.append(now - 10 * HOUR, true);
    free.append(now - 2 * HOUR, false);   // 8 hours of 10
    QueryEngine e = engine(store);
    assertThat(ids(e.query("SELECT R.$dtId FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) "
        + "WHERE IS_OF_MODEL(F, 'dtmi:twins:demo:Floor;1') AND SERIES_TWMEAN(R, 'occupied', 'PT10H') < 0.2"))).isEqualTo("room-101");
  }

  @Test
  void stayWithinARadius() {
    SeriesStore store = SeriesStore.create();
    long now = NOW.toEpochMilli();
    GeoSeries cow = store.geoPoints("sensor-101", "position");
    cow.append(now - 30 * HOUR, 5.0, 52.0);
    cow.append(now - 26 * HOUR, 5.1, 52.0);
    cow.append(now - 1 * HOUR, 5.1001, 52.0);
    // the demo models declare no position telemetry: a lenient engine does not check the name
    QueryEngine e = QueryEngine.builder(Twins.demo()).series(store).strict(false)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    assertThat(ids(e.query("SELECT S.$dtId FROM DIGITALTWINS S WHERE SERIES_STAY(S, 'position', 100) > 'P1D'")))
        .isEqualTo("sensor-101");
  }

  @Test
  void unknownTelemetryNamesAreErrors() {
    assertThatThrownBy(() -> engine(SeriesStore.create()).query("SELECT SERIES_LAST(S, 'temprature') AS v FROM DIGITALTWINS S"))
        .isInstanceOf(QueryException.class).hasMessageContaining("did you mean `temperature`?");
  }

  @Test
  void seriesFunctionsNeedAStore() {
    assertThatThrownBy(() -> QueryEngine.of(Twins.demo()).query("SELECT SERIES_LAST(S, 'x') AS v FROM DIGITALTWINS S"))
        .isInstanceOf(QueryException.class).hasMessageContaining("QueryEngine.builder(twins).series(store)");
  }
}
