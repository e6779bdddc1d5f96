package dev.twins.bench;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.SeriesStore;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The query language ({@link QueryEngine}) on a {@link BuildingPortfolio} of 1,000,000 twins,
 * single-threaded, each query given as text and its plan taken from the engine's cache:
 *
 * <ul>
 *   <li>{@link #pointLookup}: {@code SELECT * ... WHERE T.$dtId = 'id'}, the same text each time
 *       (parse from the cache, look up, render the twin document) (ns/op);
 *   <li>{@link #pointLookupParameter}: the same with {@code @id} bound to a random id;
 *   <li>{@link #countByModel}: {@code SELECT COUNT()} of the rooms, from the model index (µs/op);
 *   <li>{@link #sensorsOfBuilding}: a 3-hop MATCH from a random building to its temperature sensors
 *       reading more than 22 °C (µs/op);
 *   <li>{@link #roomsPerFloor}: GROUP BY every floor of the portfolio with its room count and mean
 *       room temperature (ms/op);
 *   <li>{@link #seriesMeanOver10000Twins}: on a separate 10,000-twin portfolio whose every twin has
 *       a series of 60 samples, the twins whose last-hour mean exceeds 22 (ms/op).
 * </ul>
 *
 * <p>See BENCHMARKS.md, section "Query", for the commands and figures.
 */
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx5g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryBenchmark {
  static final String POINT = "SELECT * FROM DIGITALTWINS T WHERE T.$dtId = '%s'";
  static final String POINT_PARAM = "SELECT * FROM DIGITALTWINS T WHERE T.$dtId = @id";
  static final String COUNT_ROOMS = "SELECT COUNT() FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, 'dtmi:twins:bench:Room;1')";
  static final String SENSORS_OF_BUILDING = "SELECT S.$dtId, S.value FROM DIGITALTWINS MATCH (B)-[:hasPart]->(F)"
      + "-[:hasPart]->(R)-[:contains]->(S) WHERE B.$dtId = @building AND S.kind = 'temperature' AND S.value > 22";
  static final String ROOMS_PER_FLOOR = "SELECT F.$dtId AS floor, COUNT() AS rooms, AVG(R.temperature) AS temperature "
      + "FROM DIGITALTWINS MATCH (F)-[:hasPart]->(R) WHERE IS_OF_MODEL(F, 'dtmi:twins:bench:Floor;1') "
      + "AND IS_OF_MODEL(R, 'dtmi:twins:bench:Room;1') GROUP BY F.$dtId";
  static final String SERIES_MEAN = "SELECT T.$dtId FROM DIGITALTWINS T WHERE SERIES_MEAN(T, 'value', 'PT1H') > 22";

  /** Creates the benchmark; JMH calls it. */
  public QueryBenchmark() {}

  /** The 1,000,000-twin portfolio with a query engine. */
  @State(Scope.Benchmark)
  public static class GraphState {
    /** The number of twins. */
    @Param("1000000")
    public int twins;

    Twins graph;
    QueryEngine engine;
    String pointText;
    String[] ids;
    String[] buildings;
    int next;

    /** Builds the graph and warms the plan cache. */
    @Setup(Level.Trial)
    public void setUp() {
      BuildingPortfolio p = BuildingPortfolio.generate(twins, GraphBenchmark.SEED);
      graph = p.load(BuildingPortfolio.models());
      engine = QueryEngine.of(graph);
      SplittableRandom random = new SplittableRandom(GraphBenchmark.SEED);
      ids = new String[4096];
      for (int i = 0; i < ids.length; i++) ids[i] = new String(p.id(random.nextInt(p.twinCount())));
      List<String> b = new ArrayList<>();
      for (int i = 0; i < p.twinCount(); i++) if (p.kind(i) == BuildingPortfolio.Kind.BUILDING) b.add(p.id(i));
      buildings = b.toArray(new String[0]);
      pointText = String.format(POINT, ids[0]);
      check(engine.query(pointText).size() == 1, "point lookup");
      check(engine.query(COUNT_ROOMS).rows().get(0).integer("COUNT").getAsLong() == p.count(BuildingPortfolio.Kind.ROOM),
          "count by model");
      check(!engine.query(SENSORS_OF_BUILDING, Map.of("building", buildings[0])).isEmpty(), "3-hop match");
      check(engine.query(ROOMS_PER_FLOOR).size() > 0, "group by");
    }
  }

  /** A 10,000-twin portfolio whose every twin has a series of 60 samples, one a minute up to now. */
  @State(Scope.Benchmark)
  public static class SeriesState {
    QueryEngine engine;

    /** Builds the graph and the series. */
    @Setup(Level.Trial)
    public void setUp() {
      BuildingPortfolio p = BuildingPortfolio.generate(10_000, GraphBenchmark.SEED);
      Twins graph = p.load(BuildingPortfolio.models());
      SeriesStore store = SeriesStore.create();
      Instant now = Instant.parse("2026-11-26T12:00:00Z");
      SplittableRandom random = new SplittableRandom(GraphBenchmark.SEED);
      for (int i = 0; i < p.twinCount(); i++) {
        DoubleSeries s = store.doubles(p.id(i), "value");
        for (int k = 59; k >= 0; k--) s.append(now.toEpochMilli() - k * 60_000L, 18 + random.nextDouble(0, 8));
      }
      engine = QueryEngine.builder(graph).series(store).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
      check(engine.query(SERIES_MEAN).size() > 0, "series mean");
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new IllegalStateException("the " + what + " query gave an unexpected result");
  }

  /**
   * Looks up one twin by id with a query text whose plan is cached.
   *
   * @param s the graph
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public QueryResult pointLookup(GraphState s) {
    return s.engine.query(s.pointText);
  }

  /**
   * Looks up a random twin by id, bound as a parameter.
   *
   * @param s the graph
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public QueryResult pointLookupParameter(GraphState s) {
    return s.engine.query(POINT_PARAM, Map.of("id", s.ids[s.next++ & (s.ids.length - 1)]));
  }

  /**
   * Counts the rooms.
   *
   * @param s the graph
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public QueryResult countByModel(GraphState s) {
    return s.engine.query(COUNT_ROOMS);
  }

  /**
   * Finds the temperature sensors above 22 °C of a random building.
   *
   * @param s the graph
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public QueryResult sensorsOfBuilding(GraphState s) {
    return s.engine.query(SENSORS_OF_BUILDING, Map.of("building", s.buildings[s.next++ % s.buildings.length]));
  }

  /**
   * Groups every room by floor with its mean temperature.
   *
   * @param s the graph
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public QueryResult roomsPerFloor(GraphState s) {
    return s.engine.query(ROOMS_PER_FLOOR);
  }

  /**
   * Evaluates a one-hour mean over the series of 10,000 twins.
   *
   * @param s the graph with series
   * @return the result
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public QueryResult seriesMeanOver10000Twins(SeriesState s) {
    return s.engine.query(SERIES_MEAN);
  }
}
