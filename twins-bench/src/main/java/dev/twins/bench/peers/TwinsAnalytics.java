package dev.twins.bench.peers;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.SeriesStore;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Twins: each analytics question is one query of its query language over the graph and a
 * {@link SeriesStore} holding the portfolio's series (the clock fixed at the series' {@code now}).
 * The maintenance query ranks in the query ({@code ORDER BY} the forecast); the space usage query
 * returns every room with its time-weighted occupancy ({@code SERIES_TWMEAN}) and building and
 * floor, rolled up in Java as the peers do.
 */
final class TwinsAnalytics implements Analytics {
  static final String MAINTENANCE = "SELECT A.$dtId AS ahu, SERIES_MEAN(A, '" + PortfolioSeries.SUPPLY + "', 'PT15M') AS mean, "
      + "SERIES_TREND(A, '" + PortfolioSeries.SUPPLY + "', 'PT15M') AS slope, "
      + "SERIES_TIME_TO(A, '" + PortfolioSeries.SUPPLY + "', " + PortfolioSeries.SUPPLY_LIMIT + ", 'PT15M') AS eta, "
      + "R.$dtId AS room, R.temperature - R.setpoint AS deviation "
      + "FROM DIGITALTWINS MATCH (B)-[:hasPart]->(F)-[:contains]->(A)-[:feeds]->(R) "
      + "WHERE B.$dtId = @b AND ABS(R.temperature - R.setpoint) > " + PortfolioSeries.DEVIATION + " "
      + "ORDER BY eta, ahu, room";
  static final String SPACE_USAGE = "SELECT B.$dtId AS b, F.$dtId AS f, R.$dtId AS r, "
      + "SERIES_TWMEAN(R, '" + PortfolioSeries.OCCUPIED + "', 'P7D') AS u "
      + "FROM DIGITALTWINS MATCH (B)-[:hasPart]->(F)-[:hasPart]->(R) "
      + "WHERE IS_OF_MODEL(B, '" + PeerPortfolio.Kind.BUILDING.model() + "') AND IS_OF_MODEL(R, '"
      + PeerPortfolio.Kind.ROOM.model() + "')";

  private final SeriesStore store = SeriesStore.create();
  private final QueryEngine query;

  TwinsAnalytics(Twins twins, PortfolioSeries s) {
    int[] ahus = s.airHandlers();
    PeerPortfolio p = s.portfolio();
    for (int a = 0; a < ahus.length; a++) {
      var series = store.doubles(p.id(ahus[a]), PortfolioSeries.SUPPLY);
      for (int k = 0; k < PortfolioSeries.SUPPLY_SAMPLES; k++) series.append(s.supplyTime(k), s.supply(a, k));
    }
    int[] rooms = s.rooms();
    for (int r = 0; r < rooms.length; r++) {
      var series = store.booleans(p.id(rooms[r]), PortfolioSeries.OCCUPIED);
      for (int k = 0; k < PortfolioSeries.OCCUPANCY_SAMPLES; k++) series.append(s.occupancyTime(k), s.occupied(r, k));
    }
    // strict(false): the series live beside the graph in a series store and are not declared as
    // Telemetry in the portfolio's models, which strict validation of the names would require
    query = QueryEngine.builder(twins).series(store).strict(false)
        .clock(Clock.fixed(Instant.ofEpochMilli(s.now()), ZoneOffset.UTC)).build();
  }

  @Override
  public String name() {
    return "twins";
  }

  @Override
  public List<PortfolioSeries.MaintenanceRow> maintenance(String buildingId) {
    List<PortfolioSeries.MaintenanceRow> out = new ArrayList<>();
    for (QueryRow row : query.query(MAINTENANCE, Map.of("b", buildingId))) {
      out.add(new PortfolioSeries.MaintenanceRow(row.string("ahu").orElseThrow(), row.number("mean").orElseThrow(),
          row.number("slope").orElseThrow(), Duration.parse(row.string("eta").orElseThrow()).toMillis(),
          row.string("room").orElseThrow(), row.number("deviation").orElseThrow()));
    }
    return out;
  }

  @Override
  public SpaceUsage spaceUsage() {
    List<String[]> rows = new ArrayList<>();
    Map<String, Double> usage = new HashMap<>();
    query.forEach(SPACE_USAGE, Map.of(), row -> {
      String r = row.string("r").orElseThrow();
      rows.add(new String[] {row.string("b").orElseThrow(), row.string("f").orElseThrow(), r});
      usage.put(r, row.number("u").orElseThrow());
    });
    return SpaceUsage.rollUp(rows, usage::get);
  }

  /** @return the series store */
  SeriesStore store() {
    return store;
  }

  @Override
  public void close() {
    // the graph belongs to Loaded; the series are on the heap
  }
}
