package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Makes the engines by name and checks that an engine gives the portfolio's answers. */
public final class Engines {
  /** The engines' names, Twins first. */
  public static final List<String> NAMES =
      List.of("twins", "twins-query", "jgrapht", "tinkergraph", "gremlin", "neo4j", "cypher");
  /** The threshold of the scoped query, in °C. */
  public static final double THRESHOLD = 30.0;

  private Engines() {}

  /**
   * Makes an empty engine.
   *
   * @param name one of {@link #NAMES}
   * @return the engine
   * @throws IllegalArgumentException for an unknown name
   */
  public static Engine create(String name) {
    switch (name) {
      case "twins": return new TwinsEngine(PeerPortfolio.models());
      case "twins-query": return new TwinsQueryEngine(PeerPortfolio.models());
      case "jgrapht": return new JGraphTEngine();
      case "tinkergraph": return new TinkerGraphEngine();
      case "gremlin": return new GremlinEngine();
      case "neo4j": return new Neo4jEngine();
      case "cypher": return new CypherEngine();
      default: throw new IllegalArgumentException("unknown engine '" + name + "', expected one of " + NAMES);
    }
  }

  /**
   * Checks that an engine holding the portfolio gives its answers: the twin and relationship
   * counts, the hot property of sampled twins (as generated, or as the given updates left it is
   * not checked), and the scoped query for every building and a sample of floors and air
   * handlers. Updates that {@link PeerPortfolio#nudge} made do not change the query's answers.
   *
   * @param engine the engine, loaded with the portfolio
   * @param p the portfolio
   * @param samples how many floors and air handlers to check
   * @return how many scopes were checked
   * @throws IllegalStateException naming the engine, the scope and both answers on a mismatch
   */
  public static int check(Engine engine, PeerPortfolio p, int samples) {
    if (engine.twinCount() != p.twinCount() || engine.relationshipCount() != p.relationshipCount()) {
      throw new IllegalStateException(engine.name() + " holds " + engine.twinCount() + " twins and "
          + engine.relationshipCount() + " relationships, expected " + p.twinCount() + " and " + p.relationshipCount());
    }
    SplittableRandom random = new SplittableRandom(p.seed());
    for (int k = 0; k < samples; k++) {
      int i = random.nextInt(p.twinCount());
      String hot = p.hotProperty(i);
      if (hot == null) continue;
      double v = engine.read(p.id(i), hot);
      if (Math.abs(v - p.hotValue(i)) > 0.5) {
        throw new IllegalStateException(engine.name() + " reads " + hot + " = " + v + " of " + p.id(i)
            + ", expected " + p.hotValue(i) + " (± 0.5 after updates)");
      }
    }
    int checked = 0;
    for (Scope scope : Scope.values()) {
      int[] starts = p.indexesOf(scope.start());
      int n = scope == Scope.BUILDING ? starts.length : Math.min(samples, starts.length);
      for (int k = 0; k < n; k++) {
        int start = scope == Scope.BUILDING ? starts[k] : starts[random.nextInt(starts.length)];
        List<String> expected = p.hotSensors(start, scope, THRESHOLD);
        List<String> got = new ArrayList<>(engine.hotSensors(p.id(start), scope, THRESHOLD));
        got.sort(null);
        if (!got.equals(expected)) {
          throw new IllegalStateException(String.format(Locale.ROOT,
              "%s answers the %s query from %s with %s, expected %s", engine.name(), scope, p.id(start), got, expected));
        }
        checked++;
      }
    }
    return checked;
  }

  /**
   * Loads a portfolio into every engine, checks each, and prints the load times: a quick check
   * that the peers run from the benchmarks jar.
   *
   * @param args the number of twins (default 10,000), then engine names (default all)
   */
  public static void main(String[] args) {
    int twins = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : NAMES;
    PeerPortfolio p = PeerPortfolio.generate(twins, 42);
    System.out.println(p);
    for (String name : names) {
      long t0 = System.nanoTime();
      try (Engine e = create(name)) {
        long t1 = System.nanoTime();
        e.load(p);
        long t2 = System.nanoTime();
        int scopes = check(e, p, 200);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-12s open %,8.1f ms  load %,9.1f ms  check of %d scopes %,8.1f ms%n",
            name, (t1 - t0) / 1e6, (t2 - t1) / 1e6, scopes, (t3 - t2) / 1e6);
      }
    }
  }
}
