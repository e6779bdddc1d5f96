package dev.twins.bench;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.util.Optional;
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
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The live twin graph ({@link Twins}) on a {@link BuildingPortfolio}, single-threaded:
 *
 * <ul>
 *   <li>{@link #buildGraph}: one operation creates every twin and relationship of a portfolio in a
 *       new graph (single shot, ms); each iteration also prints the heap the built graph retains;
 *   <li>{@link #patchOneProperty}: a JSON Patch replacing the numeric {@link
 *       BuildingPortfolio.Kind#hotProperty() hot property} of a random twin of a prebuilt graph
 *       (throughput, ops/s); {@link #setOneProperty} does the same through {@link Twins#set},
 *       which converts a boxed {@code Double} to JSON on every call;
 *   <li>{@link #readById}: {@link Twins#twin(String)} of a random existing id (ns/op).
 * </ul>
 *
 * <p>Random choices are drawn before the measurement (seeded arrays walked in order), and the ids
 * looked up are copies of the graph's ids, as ids arriving from outside would be. See
 * BENCHMARKS.md at the repository root for the commands and figures.
 */
@Threads(1)
public class GraphBenchmark {
  /** The seed of every portfolio and random choice. */
  public static final long SEED = 42;

  /** Creates the benchmark; JMH calls it. */
  public GraphBenchmark() {}

  /**
   * Builds a whole graph from a portfolio generated before the iteration.
   *
   * @param s the state with the portfolio
   * @return the graph, consumed by JMH so that the work is not optimised away
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
  public Twins buildGraph(BuildState s) {
    s.graph = s.portfolio.load(s.models);
    return s.graph;
  }

  /**
   * Replaces the hot property of a random twin with a precomputed JSON Patch.
   *
   * @param s the prebuilt graph and the precomputed patches
   * @return the twin after the patch
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
  public Twin patchOneProperty(PatchState s) {
    int i = s.next();
    return s.graph.patch(s.patchIds[i], s.patches[i]);
  }

  /**
   * Replaces the hot property of one and the same twin again and again (with precomputed patches
   * of different values): the patch path's own cost, without the cache misses of reaching a random
   * twin and a random precomputed patch, for comparison with {@link #patchOneProperty}.
   *
   * @param s the prebuilt graph and the precomputed patches
   * @return the twin after the patch
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
  public Twin patchOneTwin(PatchState s) {
    return s.graph.patch(s.patchIds[0], s.oneTwinPatches[s.next() & (ONE_TWIN_PATCHES - 1)]);
  }

  /** How many patches {@link #patchOneTwin} cycles through (a power of two). */
  static final int ONE_TWIN_PATCHES = 16;

  /**
   * Sets the hot property of a random twin with {@link Twins#set}, from a boxed value.
   *
   * @param s the prebuilt graph and the precomputed values
   * @return the twin after the update
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
  public Twin setOneProperty(PatchState s) {
    int i = s.next();
    return s.graph.set(s.patchIds[i], s.patchProperties[i], s.patchValues[i]);
  }

  /**
   * Reads a random twin by id.
   *
   * @param s the prebuilt graph and the ids to read
   * @return the twin, consumed by JMH
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
  public Optional<Twin> readById(ReadState s) {
    return s.graph.twin(s.readIds[s.next()]);
  }

  /**
   * Walks from a random floor over {@code hasPart} to its rooms and over {@code contains} to their
   * sensors, reading each sensor's state, by ids: {@link Twins#forEachOutgoing(String, String,
   * java.util.function.Consumer)} from each room's id and {@link Twins#twin(String)} of each
   * sensor's id, an id lookup per room and per sensor.
   *
   * @param s the prebuilt graph and the floors to start from
   * @return the sum of the sensors' versions, so that the walk is not optimised away
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
  public long walkFloorByIds(WalkState s) {
    s.sum = 0;
    s.graph.forEachOutgoing(s.floorIds[s.next()], BuildingPortfolio.HAS_PART, s.roomById);
    return s.sum;
  }

  /**
   * The same walk with {@link Twins#forEachOutgoingTwin(Twin, String, dev.twins.core.graph.RelationVisitor)}:
   * each relationship comes with its target twin's state, and the walk goes on from that twin,
   * without an id lookup after the floor's.
   *
   * @param s the prebuilt graph and the floors to start from
   * @return the sum of the sensors' versions
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
  public long walkFloorByTwins(WalkState s) {
    s.sum = 0;
    s.graph.forEachOutgoingTwin(s.floorIds[s.next()], BuildingPortfolio.HAS_PART, s.roomByTwin);
    return s.sum;
  }

  /** The portfolio to build, regenerated for every iteration, and the heap the built graph retains. */
  @State(Scope.Benchmark)
  public static class BuildState {
    /** The number of twins of the portfolio. */
    @Param({"100000", "1000000"})
    public int twins;

    Models models;
    BuildingPortfolio portfolio;
    Twins graph;

    /** Creates the state; JMH calls it. */
    public BuildState() {}

    /** Parses the models once per fork. */
    @Setup(Level.Trial)
    public void models() {
      models = BuildingPortfolio.models();
    }

    /** Generates the portfolio, outside the measured build. */
    @Setup(Level.Iteration)
    public void generate() {
      portfolio = BuildingPortfolio.generate(twins, SEED);
      graph = null;
    }

    /**
     * Checks the build and prints the heap it retains: the bytes of live objects with the graph
     * minus those without it (the portfolio dropped first, so strings shared with it count for
     * the graph).
     *
     * @throws IllegalStateException if the graph lacks a twin or relationship of the portfolio
     */
    @TearDown(Level.Iteration)
    public void measure() {
      Twins g = graph;
      graph = null;
      int expectedTwins = portfolio.twinCount();
      long expectedRelations = portfolio.relationshipCount();
      portfolio = null;
      if (g == null) return;
      if (g.twinCount() != expectedTwins || g.relationCount() != expectedRelations) {
        throw new IllegalStateException("built " + g + ", expected " + expectedTwins + " twins and "
            + expectedRelations + " relationships");
      }
      long with = HeapMeter.liveBytes();
      String text = g.toString();
      g = null;
      long without = HeapMeter.liveBytes();
      System.out.println();
      System.out.println("# " + HeapMeter.describe(with - without, expectedTwins, expectedRelations) + " (" + text + ")");
    }
  }

  /** A prebuilt graph; subclasses add the random choices that a benchmark walks in order. */
  @State(Scope.Benchmark)
  public abstract static class GraphState {
    /** The number of twins of the prebuilt graph. */
    @Param({"100000"})
    public int graphTwins;

    /** How many precomputed choices (a power of two); walked in order, round and round. */
    static final int CHOICES = 1 << 16;

    Twins graph;
    private int cursor;

    /** Creates the state; JMH calls it. */
    protected GraphState() {}

    /** Builds the graph, then draws the random choices. */
    @Setup(Level.Trial)
    public void build() {
      BuildingPortfolio p = BuildingPortfolio.generate(graphTwins, SEED);
      graph = p.load(BuildingPortfolio.models());
      choose(p, new SplittableRandom(SEED));
    }

    /**
     * Draws the random choices.
     *
     * @param p the portfolio in the graph
     * @param random the seeded random source
     */
    abstract void choose(BuildingPortfolio p, SplittableRandom random);

    int next() {
      return cursor++ & (CHOICES - 1);
    }
  }

  /** Random twins to update, with their new values as JSON Patches and as boxed values. */
  public static class PatchState extends GraphState {
    String[] patchIds;
    String[] patchProperties;
    Double[] patchValues;
    JsonPatch[] patches;
    JsonPatch[] oneTwinPatches;

    /** Creates the state; JMH calls it. */
    public PatchState() {}

    /** Draws the twins and values, then patches one twin to check that patching works. */
    @Override
    void choose(BuildingPortfolio p, SplittableRandom random) {
      patchIds = new String[CHOICES];
      patchProperties = new String[CHOICES];
      patchValues = new Double[CHOICES];
      patches = new JsonPatch[CHOICES];
      for (int k = 0; k < CHOICES; k++) {
        int i = random.nextInt(p.twinCount());
        String property = p.kind(i).hotProperty();
        double value = Math.round(random.nextDouble(10, 30) * 100) / 100.0;
        patchIds[k] = new String(p.id(i));
        patchProperties[k] = property;
        patchValues[k] = value;
        patches[k] = JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.REPLACE, "/" + property,
            Optional.of(JsonNodeFactory.instance.numberNode(value))));
      }
      oneTwinPatches = new JsonPatch[ONE_TWIN_PATCHES];
      for (int k = 0; k < ONE_TWIN_PATCHES; k++) {
        oneTwinPatches[k] = JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.REPLACE, "/" + patchProperties[0],
            Optional.of(JsonNodeFactory.instance.numberNode(patchValues[k]))));
      }
      Twin t = graph.patch(patchIds[0], patches[0]);
      if (t.number(patchProperties[0]).orElse(Double.NaN) != patchValues[0]) {
        throw new IllegalStateException("the patch did not apply: " + t + " " + patches[0]);
      }
    }
  }

  /** Random ids of existing twins, as copies of the graph's id strings. */
  public static class ReadState extends GraphState {
    String[] readIds;

    /** Creates the state; JMH calls it. */
    public ReadState() {}

    @Override
    void choose(BuildingPortfolio p, SplittableRandom random) {
      readIds = new String[CHOICES];
      for (int k = 0; k < CHOICES; k++) readIds[k] = new String(p.id(random.nextInt(p.twinCount())));
      if (graph.twin(readIds[0]).isEmpty()) throw new IllegalStateException("no twin " + readIds[0]);
    }
  }

  /**
   * Random floors (ids as copies of the graph's) and the visitors of the two walks, made once so
   * that a walk allocates nothing of its own.
   */
  public static class WalkState extends GraphState {
    String[] floorIds;
    long sum;
    java.util.function.Consumer<dev.twins.core.graph.Relation> roomById;
    dev.twins.core.graph.RelationVisitor roomByTwin;

    /** Creates the state; JMH calls it. */
    public WalkState() {}

    @Override
    void choose(BuildingPortfolio p, SplittableRandom random) {
      java.util.List<String> floors = new java.util.ArrayList<>();
      for (int i = 0; i < p.twinCount(); i++) if (p.kind(i) == BuildingPortfolio.Kind.FLOOR) floors.add(p.id(i));
      floorIds = new String[CHOICES];
      for (int k = 0; k < CHOICES; k++) floorIds[k] = new String(floors.get(random.nextInt(floors.size())));
      java.util.function.Consumer<dev.twins.core.graph.Relation> sensorById =
          r -> sum += graph.twin(r.targetId()).orElseThrow().version();
      roomById = r -> graph.forEachOutgoing(r.targetId(), BuildingPortfolio.CONTAINS, sensorById);
      dev.twins.core.graph.RelationVisitor sensorByTwin = (r, sensor) -> {
        sum += sensor.version();
        return true;
      };
      roomByTwin = (r, room) -> graph.forEachOutgoingTwin(room, BuildingPortfolio.CONTAINS, sensorByTwin);
      sum = 0;
      graph.forEachOutgoing(floorIds[0], BuildingPortfolio.HAS_PART, roomById);
      long byIds = sum;
      sum = 0;
      graph.forEachOutgoingTwin(floorIds[0], BuildingPortfolio.HAS_PART, roomByTwin);
      if (sum != byIds || sum == 0) throw new IllegalStateException("the walks disagree: " + byIds + " and " + sum);
    }
  }
}
