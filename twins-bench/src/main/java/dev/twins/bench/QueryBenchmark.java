package dev.twins.bench;

import dev.twins.bench.peers.CpuMeter;
import dev.twins.core.graph.Twins;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.SeriesStore;
import dev.twins.query.QueryEngine;
import java.time.Clock;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The query language ({@link QueryEngine}) on a {@link BuildingPortfolio} of 1,000,000 twins,
 * single-threaded, each query given as text and its plan taken from the engine's cache, against
 * the same queries as Gremlin traversals on TinkerGraph loaded with the same portfolio ({@link
 * GremlinQueries}); the parameter {@code engine} ({@code twins} or {@code gremlin}) picks the
 * engine, one per fork:
 *
 * <ul>
 *   <li>{@link #pointLookup}: {@code SELECT * ... WHERE T.$dtId = 'id'}, the same text each time
 *       (parse from the cache, look up, render the twin document) (ns/op); Gremlin:
 *       {@code g.V(id).elementMap()};
 *   <li>{@link #pointLookupParameter}: the same with {@code @id} bound to a random id;
 *   <li>{@link #countByModel}: {@code SELECT COUNT()} of the rooms, from the model index (µs/op);
 *       Gremlin: {@code g.V().hasLabel(room).count()};
 *   <li>{@link #sensorsOfBuilding}: a 3-hop MATCH from a random building to its temperature sensors
 *       reading more than 22 °C (µs/op); Gremlin: {@code g.V(b).out().out().out().has().has()};
 *   <li>{@link #roomsPerFloor}: GROUP BY every floor of the portfolio with its room count and mean
 *       room temperature (ms/op); Gremlin: {@code group().by(floor).by(count, mean)};
 *   <li>{@link #seriesMeanOver10000Twins}: on a separate 10,000-twin portfolio whose every twin has
 *       a series of 60 samples, the twins whose last-hour mean exceeds 22 (ms/op); Gremlin: the
 *       mean of a list-cardinality property's values whose time meta-property is in the window.
 * </ul>
 *
 * <p>Each trial's setup checks its engine's answers against the portfolio's own (computed from the
 * generator's arrays, {@link QueryAnswers}) before anything is timed: the looked-up twin's
 * properties, the room count, the sensors of 64 buildings, every floor's count and mean, and the
 * series query's twins. So both engines of a run give the same answers. Each measured iteration
 * also prints the benchmark thread's CPU time per operation ({@code # cpu ...}), the figure to
 * compare on a loaded machine. See BENCHMARKS.md, section "Query", for the commands and figures.
 */
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
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

  /** The engine that answers through the query language. */
  static final String TWINS = "twins";
  /** The engine that answers through Gremlin on TinkerGraph. */
  static final String GREMLIN = "gremlin";

  /** Creates the benchmark; JMH calls it. */
  public QueryBenchmark() {}

  /** What both states share: the engine choice and the CPU meter. */
  @State(Scope.Benchmark)
  public abstract static class EngineState {
    /** The engine: {@code twins} or {@code gremlin}. */
    @Param({TWINS, GREMLIN})
    public String engine;

    final CpuMeter cpu = new CpuMeter();
    long ops;

    /** Marks the iteration's start for the CPU meter. */
    @Setup(Level.Iteration)
    public void mark() {
      cpu.mark(ops);
    }

    /**
     * Prints the iteration's CPU time per operation.
     *
     * @param b the benchmark
     * @param it the iteration
     */
    @TearDown(Level.Iteration)
    public void report(BenchmarkParams b, IterationParams it) {
      cpu.report(b, it, engine, twinCount(), ops);
    }

    abstract int twinCount();

    boolean gremlin() {
      if (!engine.equals(TWINS) && !engine.equals(GREMLIN)) {
        throw new IllegalArgumentException("engine must be " + TWINS + " or " + GREMLIN + ", not " + engine);
      }
      return engine.equals(GREMLIN);
    }
  }

  /** The 1,000,000-twin portfolio in one engine. */
  @State(Scope.Benchmark)
  public static class GraphState extends EngineState {
    /** The number of twins. */
    @Param("1000000")
    public int twins;

    QueryEngine query;
    GremlinQueries g;
    String pointText;
    String[] ids;
    String[] buildings;
    int next;

    @Override
    int twinCount() {
      return twins;
    }

    /** Builds the graph, warms the plan cache and checks the engine's answers. */
    @Setup(Level.Trial)
    public void setUp() {
      BuildingPortfolio p = BuildingPortfolio.generate(twins, GraphBenchmark.SEED);
      SplittableRandom random = new SplittableRandom(GraphBenchmark.SEED);
      ids = new String[4096];
      int[] idIndex = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        idIndex[i] = random.nextInt(p.twinCount());
        ids[i] = new String(p.id(idIndex[i]));
      }
      List<Integer> b = new ArrayList<>();
      for (int i = 0; i < p.twinCount(); i++) if (p.kind(i) == BuildingPortfolio.Kind.BUILDING) b.add(i);
      buildings = new String[b.size()];
      for (int i = 0; i < buildings.length; i++) buildings[i] = p.id(b.get(i));
      pointText = String.format(POINT, ids[0]);

      QueryAnswers.Adjacency hasPart = new QueryAnswers.Adjacency(p, BuildingPortfolio.HAS_PART);
      QueryAnswers.Adjacency contains = new QueryAnswers.Adjacency(p, BuildingPortfolio.CONTAINS);
      Map<String, double[]> groups = QueryAnswers.roomsPerFloor(p, hasPart);
      if (gremlin()) {
        g = new GremlinQueries(p, null, null);
      } else {
        query = QueryEngine.of(p.load(BuildingPortfolio.models()));
      }
      for (int i = 0; i < 4; i++) {
        Map<String, String> expected = QueryAnswers.lookup(p, idIndex[i]);
        QueryAnswers.same("point lookup", expected, g != null ? QueryAnswers.lookup(g.lookup(ids[i]))
            : QueryAnswers.lookup(query.query(String.format(POINT, ids[i]))));
        if (g == null) QueryAnswers.same("point lookup", expected, QueryAnswers.lookup(query.query(POINT_PARAM,
            Map.of("id", ids[i]))));
      }
      QueryAnswers.same("count by model", (long) p.count(BuildingPortfolio.Kind.ROOM),
          g != null ? g.countRooms() : query.query(COUNT_ROOMS).rows().get(0).integer("COUNT").getAsLong());
      int step = Math.max(1, buildings.length / 64);
      for (int i = 0; i < buildings.length; i += step) {
        List<String> expected = QueryAnswers.sensors(p, hasPart, contains, b.get(i));
        QueryAnswers.same("3-hop match", expected, g != null ? QueryAnswers.sensors(g.sensorsOfBuilding(buildings[i]))
            : QueryAnswers.sensors(query.query(SENSORS_OF_BUILDING, Map.of("building", buildings[i]))));
      }
      QueryAnswers.sameGroups(groups, g != null ? QueryAnswers.roomsPerFloor(g.roomsPerFloor())
          : QueryAnswers.roomsPerFloor(query.query(ROOMS_PER_FLOOR)));
    }
  }

  /** A 10,000-twin portfolio whose every twin has a series of 60 samples, one a minute up to now. */
  @State(Scope.Benchmark)
  public static class SeriesState extends EngineState {
    static final int SIZE = 10_000;
    static final int SAMPLES = 60;

    QueryEngine query;
    GremlinQueries g;
    long from;
    long to;

    @Override
    int twinCount() {
      return SIZE;
    }

    /** Builds the graph and the series and checks the engine's answer. */
    @Setup(Level.Trial)
    public void setUp() {
      BuildingPortfolio p = BuildingPortfolio.generate(SIZE, GraphBenchmark.SEED);
      Instant now = Instant.parse("2026-11-26T12:00:00Z");
      SplittableRandom random = new SplittableRandom(GraphBenchmark.SEED);
      long[] times = new long[SAMPLES];
      for (int k = 0; k < SAMPLES; k++) times[k] = now.toEpochMilli() - (SAMPLES - 1 - k) * 60_000L;
      double[][] samples = new double[p.twinCount()][SAMPLES];
      for (int i = 0; i < p.twinCount(); i++) for (int k = 0; k < SAMPLES; k++) samples[i][k] = 18 + random.nextDouble(0, 8);
      // the query's window: the hour up to and including now, [now - 1 h + 1 ms, now + 1 ms)
      to = now.toEpochMilli() + 1;
      from = to - Duration.ofHours(1).toMillis();
      List<String> expected = QueryAnswers.seriesMean(p, samples);
      if (gremlin()) {
        g = new GremlinQueries(p, samples, times);
        QueryAnswers.same("series mean", expected, QueryAnswers.ids(g.seriesMean(from, to)));
      } else {
        Twins graph = p.load(BuildingPortfolio.models());
        SeriesStore store = SeriesStore.create();
        for (int i = 0; i < p.twinCount(); i++) {
          DoubleSeries s = store.doubles(p.id(i), "value");
          for (int k = 0; k < SAMPLES; k++) s.append(times[k], samples[i][k]);
        }
        query = QueryEngine.builder(graph).series(store).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        QueryAnswers.same("series mean", expected, QueryAnswers.ids(query.query(SERIES_MEAN)));
      }
    }
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
  public Object pointLookup(GraphState s) {
    s.ops++;
    return s.g != null ? s.g.lookup(s.ids[0]) : s.query.query(s.pointText);
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
  public Object pointLookupParameter(GraphState s) {
    s.ops++;
    String id = s.ids[s.next++ & (s.ids.length - 1)];
    return s.g != null ? s.g.lookup(id) : s.query.query(POINT_PARAM, Map.of("id", id));
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
  public Object countByModel(GraphState s) {
    s.ops++;
    return s.g != null ? (Object) s.g.countRooms() : s.query.query(COUNT_ROOMS);
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
  public Object sensorsOfBuilding(GraphState s) {
    s.ops++;
    String b = s.buildings[s.next++ % s.buildings.length];
    return s.g != null ? s.g.sensorsOfBuilding(b) : s.query.query(SENSORS_OF_BUILDING, Map.of("building", b));
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
  public Object roomsPerFloor(GraphState s) {
    s.ops++;
    return s.g != null ? s.g.roomsPerFloor() : s.query.query(ROOMS_PER_FLOOR);
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
  public Object seriesMeanOver10000Twins(SeriesState s) {
    s.ops++;
    return s.g != null ? s.g.seriesMean(s.from, s.to) : s.query.query(SERIES_MEAN);
  }
}
