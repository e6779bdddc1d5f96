package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peers' side of the analytics workloads: a graph engine answers the structural half (which
 * air handlers a building has and which deviating rooms they feed; every room's floor and
 * building), QuestDB the series half (15-minute sums per air handler; each room's weekly
 * occupancy), and Java joins them, fits the lines, ranks and rolls up.
 */
abstract class PeerAnalytics implements Analytics {
  final QuestDbSeries questdb;

  PeerAnalytics(PortfolioSeries s) {
    this.questdb = new QuestDbSeries(s);
  }

  /**
   * The graph half of the maintenance question.
   *
   * @param buildingId the building
   * @return (air handler id, room id, room temperature − setpoint) for every room an air handler of
   *     the building feeds whose temperature deviates from its setpoint
   */
  abstract List<Object[]> deviatingRooms(String buildingId);

  /** @return (building id, floor id, room id) for every room */
  abstract List<String[]> roomsByFloor();

  @Override
  public final List<PortfolioSeries.MaintenanceRow> maintenance(String buildingId) {
    List<Object[]> rooms = deviatingRooms(buildingId);
    Set<String> ahus = new LinkedHashSet<>();
    for (Object[] r : rooms) ahus.add((String) r[0]);
    Map<String, QuestDbSeries.Sums> sums = questdb.supplyStats(buildingId, List.copyOf(ahus));
    List<PortfolioSeries.MaintenanceRow> out = new ArrayList<>();
    for (Object[] r : rooms) {
      QuestDbSeries.Sums s = sums.get((String) r[0]);
      if (s == null || s.n() < 2) continue;
      PortfolioSeries.Fit fit = s.fit();
      long eta = fit.millisUntil(PortfolioSeries.SUPPLY_LIMIT, PortfolioSeries.SUPPLY_WINDOW);
      if (eta < 0) continue;
      out.add(new PortfolioSeries.MaintenanceRow((String) r[0], fit.mean(), fit.slopePerHour(), eta, (String) r[1],
          ((Number) r[2]).doubleValue()));
    }
    out.sort(PortfolioSeries.MaintenanceRow.RANKING);
    return out;
  }

  @Override
  public final SpaceUsage spaceUsage() {
    List<String[]> rooms = roomsByFloor();
    Map<String, Double> usage = questdb.usage();
    return SpaceUsage.rollUp(rooms, usage::get);
  }

  @Override
  public void close() {
    questdb.close();
  }
}
