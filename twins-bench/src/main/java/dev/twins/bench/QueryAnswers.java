package dev.twins.bench;

import dev.twins.bench.BuildingPortfolio.Kind;
import dev.twins.query.QueryResult;
import dev.twins.query.QueryRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tinkerpop.gremlin.structure.T;
import tools.jackson.databind.JsonNode;

/**
 * The answers of {@link QueryBenchmark}'s queries in one comparable form, computed three ways:
 * straight from the {@link BuildingPortfolio}'s arrays (the reference), from Twins' query results
 * and from the Gremlin traversals' results. A trial checks its engine against the reference before
 * anything is timed, so both engines of a run are known to give the same answers.
 */
final class QueryAnswers {
  private QueryAnswers() {}

  // ------------------------------------------------------------------------------- reference

  /** Out-adjacency of one relationship name, as compressed rows over twin indexes. */
  static final class Adjacency {
    final int[] start;
    final int[] targets;

    Adjacency(BuildingPortfolio p, String name) {
      start = new int[p.twinCount() + 1];
      for (int r = 0; r < p.relationshipCount(); r++) if (p.relationshipName(r).equals(name)) start[p.source(r) + 1]++;
      for (int i = 0; i < p.twinCount(); i++) start[i + 1] += start[i];
      targets = new int[start[p.twinCount()]];
      int[] fill = Arrays.copyOf(start, p.twinCount());
      for (int r = 0; r < p.relationshipCount(); r++) {
        if (p.relationshipName(r).equals(name)) targets[fill[p.source(r)]++] = p.target(r);
      }
    }
  }

  /**
   * @param p the portfolio
   * @param twin a twin index
   * @return its id, model and properties
   */
  static Map<String, String> lookup(BuildingPortfolio p, int twin) {
    Map<String, String> out = new TreeMap<>();
    out.put("$dtId", p.id(twin));
    out.put("$model", p.kind(twin).model());
    for (Map.Entry<String, Object> e : p.properties(twin).entrySet()) out.put(e.getKey(), scalar(e.getValue()));
    return out;
  }

  /**
   * @param p the portfolio
   * @param hasPart its {@code hasPart} adjacency
   * @param contains its {@code contains} adjacency
   * @param building a building's index
   * @return the temperature sensors above 22 under it, as sorted {@code id=value}
   */
  static List<String> sensors(BuildingPortfolio p, Adjacency hasPart, Adjacency contains, int building) {
    List<String> out = new ArrayList<>();
    for (int a = hasPart.start[building]; a < hasPart.start[building + 1]; a++) {
      int floor = hasPart.targets[a];
      for (int b = hasPart.start[floor]; b < hasPart.start[floor + 1]; b++) {
        int room = hasPart.targets[b];
        for (int c = contains.start[room]; c < contains.start[room + 1]; c++) {
          Map<String, Object> s = p.properties(contains.targets[c]);
          if ("temperature".equals(s.get("kind")) && s.get("value") instanceof Double && (Double) s.get("value") > 22) {
            out.add(p.id(contains.targets[c]) + "=" + scalar(s.get("value")));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * @param p the portfolio
   * @param hasPart its {@code hasPart} adjacency
   * @return by floor with at least one room: the room count and mean room temperature
   */
  static Map<String, double[]> roomsPerFloor(BuildingPortfolio p, Adjacency hasPart) {
    Map<String, double[]> out = new TreeMap<>();
    for (int f = 0; f < p.twinCount(); f++) {
      if (p.kind(f) != Kind.FLOOR) continue;
      long n = 0;
      double sum = 0;
      for (int a = hasPart.start[f]; a < hasPart.start[f + 1]; a++) {
        int room = hasPart.targets[a];
        if (p.kind(room) != Kind.ROOM) continue;
        n++;
        sum += (Double) p.properties(room).get("temperature");
      }
      if (n > 0) out.put(p.id(f), new double[] {n, sum / n});
    }
    return out;
  }

  /**
   * @param p the portfolio
   * @param samples per twin, its samples (all in the window)
   * @return the sorted ids of the twins whose mean sample exceeds 22
   */
  static List<String> seriesMean(BuildingPortfolio p, double[][] samples) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < p.twinCount(); i++) {
      double sum = 0;
      for (double v : samples[i]) sum += v;
      if (sum / samples[i].length > 22) out.add(p.id(i));
    }
    out.sort(null);
    return out;
  }

  // ------------------------------------------------------------------------------- normalising

  private static String scalar(Object v) {
    if (v instanceof Number) return Double.toString(((Number) v).doubleValue());
    return String.valueOf(v);
  }

  private static String scalar(JsonNode v) {
    if (v.isNumber()) return Double.toString(v.doubleValue());
    if (v.isString()) return v.stringValue();
    return v.toString();
  }

  /**
   * @param r a Twins {@code SELECT *} result
   * @return its one twin's id, model and properties, or an empty map
   */
  static Map<String, String> lookup(QueryResult r) {
    Map<String, String> out = new TreeMap<>();
    if (r.size() != 1) return out;
    JsonNode doc = r.rows().get(0).toJson();
    out.put("$dtId", doc.get("$dtId").stringValue());
    out.put("$model", doc.get("$metadata").get("$model").stringValue());
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      if (!e.getKey().startsWith("$")) out.put(e.getKey(), scalar(e.getValue()));
    }
    return out;
  }

  /**
   * @param r a Gremlin {@code elementMap()} result
   * @return its one vertex's id, label and properties, or an empty map
   */
  static Map<String, String> lookup(List<Map<Object, Object>> r) {
    Map<String, String> out = new TreeMap<>();
    if (r.size() != 1) return out;
    for (Map.Entry<Object, Object> e : r.get(0).entrySet()) {
      if (e.getKey() == T.id) out.put("$dtId", (String) e.getValue());
      else if (e.getKey() == T.label) out.put("$model", (String) e.getValue());
      else out.put((String) e.getKey(), scalar(e.getValue()));
    }
    return out;
  }

  /**
   * @param r a Twins result of {@code S.$dtId, S.value} rows
   * @return sorted {@code id=value}
   */
  static List<String> sensors(QueryResult r) {
    List<String> out = new ArrayList<>();
    for (QueryRow row : r) out.add(row.string("$dtId").orElseThrow() + "=" + row.number("value").orElseThrow());
    out.sort(null);
    return out;
  }

  /**
   * @param r a Gremlin result of {@code $dtId, value} maps
   * @return sorted {@code id=value}
   */
  static List<String> sensors(List<Map<String, Object>> r) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> m : r) out.add(m.get("$dtId") + "=" + scalar(m.get("value")));
    out.sort(null);
    return out;
  }

  /**
   * @param r a Twins result of {@code floor, rooms, temperature} rows
   * @return by floor: room count and mean temperature
   */
  static Map<String, double[]> roomsPerFloor(QueryResult r) {
    Map<String, double[]> out = new TreeMap<>();
    for (QueryRow row : r) {
      out.put(row.string("floor").orElseThrow(),
          new double[] {row.integer("rooms").orElseThrow(), row.number("temperature").orElseThrow()});
    }
    return out;
  }

  /**
   * @param r a Gremlin result: by floor id, a map of {@code rooms} and {@code temperature}
   * @return by floor: room count and mean temperature
   */
  static Map<String, double[]> roomsPerFloor(Map<Object, Object> r) {
    Map<String, double[]> out = new TreeMap<>();
    for (Map.Entry<Object, Object> e : r.entrySet()) {
      Map<?, ?> m = (Map<?, ?>) e.getValue();
      out.put((String) e.getKey(), new double[] {((Number) m.get("rooms")).doubleValue(),
          ((Number) m.get("temperature")).doubleValue()});
    }
    return out;
  }

  /**
   * @param r a Twins result of {@code $dtId} rows, or Gremlin's list of ids
   * @return the sorted ids
   */
  static List<String> ids(Iterable<?> r) {
    List<String> out = new ArrayList<>();
    for (Object o : r) out.add(o instanceof QueryRow ? ((QueryRow) o).string("$dtId").orElseThrow() : (String) o);
    out.sort(null);
    return out;
  }

  /**
   * Checks that an engine's answer equals the reference.
   *
   * @param what the query
   * @param expected the reference
   * @param actual the engine's answer
   * @throws IllegalStateException if they differ
   */
  static void same(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException("the " + what + " query gave " + shorten(actual) + ", expected " + shorten(expected));
    }
  }

  /**
   * Checks grouped answers: the same floors, the same counts, means within 1e-9.
   *
   * @param expected the reference
   * @param actual the engine's answer
   * @throws IllegalStateException if they differ
   */
  static void sameGroups(Map<String, double[]> expected, Map<String, double[]> actual) {
    if (!expected.keySet().equals(actual.keySet())) {
      throw new IllegalStateException("the rooms-per-floor query gave " + actual.size() + " floors, expected "
          + expected.size());
    }
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      double[] a = actual.get(e.getKey());
      if (a[0] != e.getValue()[0] || Math.abs(a[1] - e.getValue()[1]) > 1e-9) {
        throw new IllegalStateException("the rooms-per-floor query gave " + Arrays.toString(a) + " for "
            + e.getKey() + ", expected " + Arrays.toString(e.getValue()));
      }
    }
  }

  private static String shorten(Object o) {
    String s = o instanceof Collection ? ((Collection<?>) o).size() + " items " + o : String.valueOf(o);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
