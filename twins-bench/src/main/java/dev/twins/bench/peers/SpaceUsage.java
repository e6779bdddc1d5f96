package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The answer of the space usage roll-up (workload 6): the share of the week each floor and each
 * building was in use (the mean over its rooms of each room's time-weighted occupancy, i.e. the
 * occupied hours per hour of the week), and the {@value PortfolioSeries#LEAST_USED} least-used
 * rooms of every building (least first, ties by id).
 *
 * @param floors usage by floor id
 * @param buildings usage by building id
 * @param leastUsed the least-used room ids by building id
 */
public record SpaceUsage(Map<String, Double> floors, Map<String, Double> buildings, Map<String, List<String>> leastUsed) {
  /** Copies the maps. */
  public SpaceUsage {
    floors = Map.copyOf(floors);
    buildings = Map.copyOf(buildings);
    leastUsed = Map.copyOf(leastUsed);
  }

  /**
   * Rolls rooms' usage up to floors and buildings, as every engine does in Java after its query.
   *
   * @param rows (building id, floor id, room id) for every room
   * @param usage a room's usage by its id
   * @return the answer
   */
  static SpaceUsage rollUp(List<String[]> rows, ToDoubleFunction<String> usage) {
    Map<String, double[]> floors = new TreeMap<>();
    Map<String, double[]> buildings = new TreeMap<>();
    Map<String, List<String>> roomsOf = new TreeMap<>();
    Map<String, Double> u = new TreeMap<>();
    for (String[] row : rows) {
      double x = usage.applyAsDouble(row[2]);
      u.put(row[2], x);
      add(floors, row[1], x);
      add(buildings, row[0], x);
      roomsOf.computeIfAbsent(row[0], b -> new ArrayList<>()).add(row[2]);
    }
    Map<String, List<String>> least = new TreeMap<>();
    Comparator<String> byUsage = Comparator.<String>comparingDouble(u::get).thenComparing(Comparator.naturalOrder());
    roomsOf.forEach((b, rooms) -> {
      rooms.sort(byUsage);
      least.put(b, List.copyOf(rooms.subList(0, Math.min(PortfolioSeries.LEAST_USED, rooms.size()))));
    });
    return new SpaceUsage(means(floors), means(buildings), least);
  }

  private static void add(Map<String, double[]> sums, String id, double x) {
    double[] s = sums.computeIfAbsent(id, k -> new double[2]);
    s[0] += x;
    s[1]++;
  }

  private static Map<String, Double> means(Map<String, double[]> sums) {
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((id, s) -> out.put(id, s[0] / s[1]));
    return out;
  }

  /**
   * Checks an engine's answer against the expected one: the same floors and buildings with usages
   * equal within rounding (1e-9), and the same least-used rooms in the same order.
   *
   * @param engine the engine's name
   * @param expected the expected answer
   * @throws IllegalStateException naming the first floor, building or list that differs
   */
  void check(String engine, SpaceUsage expected) {
    compare(engine, "floor", expected.floors, floors);
    compare(engine, "building", expected.buildings, buildings);
    if (!expected.leastUsed.keySet().equals(leastUsed.keySet())) {
      throw new IllegalStateException(engine + " lists the least-used rooms of buildings " + new TreeMap<>(leastUsed).keySet()
          + ", expected " + new TreeMap<>(expected.leastUsed).keySet());
    }
    expected.leastUsed.forEach((b, rooms) -> {
      if (!rooms.equals(leastUsed.get(b))) {
        throw new IllegalStateException(engine + " lists the least-used rooms of " + b + " as " + leastUsed.get(b)
            + ", expected " + rooms);
      }
    });
  }

  private static void compare(String engine, String what, Map<String, Double> expected, Map<String, Double> got) {
    if (!expected.keySet().equals(got.keySet())) {
      throw new IllegalStateException(engine + " gives the usage of " + got.size() + " " + what + "s, expected "
          + expected.size());
    }
    expected.forEach((id, x) -> {
      double y = got.get(id);
      if (!(Math.abs(x - y) <= 1e-9)) {
        throw new IllegalStateException(engine + " gives the usage of " + what + " " + id + " as " + y + ", expected " + x);
      }
    });
  }

  /** Renders the counts. */
  @Override
  public String toString() {
    return "SpaceUsage[floors=" + floors.size() + ", buildings=" + buildings.size() + "]";
  }
}
