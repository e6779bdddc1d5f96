package dev.twins.bench.peers;

import java.util.List;

/**
 * One way of answering the analytics workloads over the portfolio's graph and its
 * {@link PortfolioSeries}: Twins (its query language over the graph and its series store) or a
 * graph engine joined in Java with QuestDB.
 */
interface Analytics extends AutoCloseable {
  /** The engine names, as in the benchmarks' {@code engine} parameter. */
  List<String> NAMES = List.of("twins", "gremlin", "cypher");

  /** @return the name */
  String name();

  /**
   * Workload 5: for every air handler of a building, the 15-minute mean and slope of its supply
   * temperature and the rooms it feeds that deviate from their setpoint, ranked by the forecast
   * time until the supply temperature reaches {@value PortfolioSeries#SUPPLY_LIMIT} °C.
   *
   * @param buildingId the building
   * @return the rows, ranked ({@link PortfolioSeries.MaintenanceRow#RANKING})
   */
  List<PortfolioSeries.MaintenanceRow> maintenance(String buildingId);

  /**
   * Workload 6: the week's usage of every room rolled up to floors and buildings, and the least-used
   * rooms of every building.
   *
   * @return the answer
   */
  SpaceUsage spaceUsage();

  @Override
  void close();

  /**
   * Opens an engine over the portfolio's graph (loaded through {@link Loaded}) and the series.
   *
   * @param name the engine's name
   * @param series the series
   * @return the engine, holding the series
   */
  static Analytics open(String name, PortfolioSeries series) {
    int twins = series.portfolio().twinCount();
    switch (name) {
      case "twins": return new TwinsAnalytics(((TwinsEngine) Loaded.engine("twins", twins)).twins(), series);
      case "gremlin": return new GremlinAnalytics((TinkerGraphEngine) Loaded.engine("gremlin", twins), series);
      case "cypher": return new CypherAnalytics((Neo4jEngine) Loaded.engine("cypher", twins), series);
      default: throw new IllegalArgumentException("unknown analytics engine '" + name + "', expected one of " + NAMES);
    }
  }
}
