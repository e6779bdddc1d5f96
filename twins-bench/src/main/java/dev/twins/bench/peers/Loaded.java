package dev.twins.bench.peers;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The portfolio and the loaded engines that the benchmarks of one JVM share: with JMH's forks
 * each trial loads its own engine, and with {@code -f 0} (the quick mode: one JVM runs every
 * engine, so that the engines' figures for one benchmark are taken minutes, not quarters of an
 * hour, apart) each engine is loaded once and kept for the following benchmarks.
 */
final class Loaded {
  private static PeerPortfolio portfolio;
  private static final java.util.Map<String, Engine> ENGINES = new java.util.LinkedHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Loaded::drop, "close-engine"));
  }

  private Loaded() {}

  /**
   * @param twins the number of twins
   * @return the portfolio of that size (seed {@value PeerBenchmark#SEED}), generated once
   */
  static synchronized PeerPortfolio portfolio(int twins) {
    if (portfolio == null || portfolio.twinCount() != twins) {
      drop();
      portfolio = null;
      portfolio = PeerPortfolio.generate(twins, PeerBenchmark.SEED);
    }
    return portfolio;
  }

  /**
   * @param name the engine's name
   * @param twins the number of twins
   * @return the engine loaded with {@link #portfolio(int)}, loaded once
   */
  static synchronized Engine engine(String name, int twins) {
    PeerPortfolio p = portfolio(twins);
    Engine e = ENGINES.get(name);
    if (e == null) {
      e = Engines.create(name);
      e.load(p);
      ENGINES.put(name, e);
    }
    return e;
  }

  /** Closes and forgets the loaded engines, if any. */
  static synchronized void drop() {
    for (Engine e : ENGINES.values()) e.close();
    ENGINES.clear();
  }

  /**
   * The bytes of the live objects: the heap's class histogram (taken after a full collection)
   * without {@code int[]}, the fillers that full collections leave in uncompacted dead space; as
   * {@code dev.twins.bench.HeapMeter} does for the graph benchmarks. Falls back to the used heap.
   *
   * @return the live bytes
   */
  static long liveBytes() {
    try {
      String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      long total = 0;
      for (String line : histogram.split("\n")) {
        String[] cells = line.trim().split("\\s+");
        if (cells.length >= 4 && cells[0].endsWith(":") && !cells[3].equals("[I")) total += Long.parseLong(cells[2]);
      }
      if (total > 0) return total;
    } catch (JMException | RuntimeException e) {
      // fall through to the used heap
    }
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
