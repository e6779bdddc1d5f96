package dev.twins.bench.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The workload {@link SideBySideBuilds} runs in each build: an engine loaded with a portfolio and
 * the random choices of {@link PeerBenchmark} (copied ids, the hot property, nudged values). Each
 * method runs a number of operations and returns the benchmark thread's CPU time per operation.
 * Loaded once per build, by that build's class loader, so it must use only what every build of
 * the peers package has.
 */
public final class SideBySideWork {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int CHOICES = 1 << 14;

  private final String engineName;
  private final PeerPortfolio portfolio;
  private final Engine engine;
  private final String[] readIds = new String[CHOICES];
  private final String[] readProperties = new String[CHOICES];
  private final String[] updateIds = new String[CHOICES];
  private final String[] updateProperties = new String[CHOICES];
  private final double[] updateValues = new double[CHOICES];
  private final Object[] prepared = new Object[CHOICES];
  private final Object[] sameTwin = new Object[CHOICES];
  private final double[] sameValues = new double[CHOICES];
  private int cursor;

  /**
   * Loads an engine and draws the choices.
   *
   * @param engineName the engine, as in {@link Engines#create}
   * @param twins the portfolio's size
   */
  public SideBySideWork(String engineName, int twins) {
    this.engineName = engineName;
    portfolio = PeerPortfolio.generate(twins, 42);
    engine = Engines.create(engineName);
    engine.load(portfolio);
    SplittableRandom random = new SplittableRandom(42);
    int[] updatable = PeerBenchmark.GraphState.updatable(portfolio);
    for (int k = 0; k < CHOICES; k++) {
      int i = updatable[random.nextInt(updatable.length)];
      readIds[k] = new String(portfolio.id(i).toCharArray());
      readProperties[k] = portfolio.hotProperty(i);
      int u = updatable[random.nextInt(updatable.length)];
      updateIds[k] = new String(portfolio.id(u).toCharArray());
      updateProperties[k] = portfolio.hotProperty(u);
      updateValues[k] = portfolio.nudge(u, random);
      prepared[k] = engine.prepare(updateProperties[k], updateValues[k]);
      sameValues[k] = 20 + (k % 97) * 0.01;
    }
    for (int k = 0; k < CHOICES; k++) sameTwin[k] = engine.prepare(updateProperties[0], sameValues[k]);
  }

  /**
   * Sets the hot property of random twins, as {@code PeerBenchmark.updateOne}.
   *
   * @param ops how many
   * @return CPU ns per operation
   */
  public double update(int ops) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int k = 0; k < ops; k++) {
      int i = cursor++ & (CHOICES - 1);
      engine.update(updateIds[i], updateProperties[i], updateValues[i], prepared[i]);
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / ops;
  }

  /**
   * Sets the hot property of one and the same twin: the write path's own cost, without the cache
   * misses of reaching a random twin.
   *
   * @param ops how many
   * @return CPU ns per operation
   */
  public double same(int ops) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int k = 0; k < ops; k++) {
      int i = cursor++ & (CHOICES - 1);
      engine.update(updateIds[0], updateProperties[0], sameValues[i], sameTwin[i]);
    }
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / ops;
  }

  /**
   * Reads the hot property of random twins, as {@code PeerBenchmark.readById}.
   *
   * @param ops how many
   * @return CPU ns per operation
   */
  public double read(int ops) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    double sum = 0;
    for (int k = 0; k < ops; k++) {
      int i = cursor++ & (CHOICES - 1);
      sum += engine.read(readIds[i], readProperties[i]);
    }
    if (Double.isNaN(sum)) throw new AssertionError("a read gave NaN");
    return (double) (THREADS.getCurrentThreadCpuTime() - t0) / ops;
  }

  /**
   * Loads the portfolio into new engines, as {@code PeerBenchmark.load}.
   *
   * @param loads how many
   * @return CPU ms per load
   */
  public double load(int loads) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int k = 0; k < loads; k++) {
      Engine e = Engines.create(engineName);
      e.load(portfolio);
      if (e.twinCount() != portfolio.twinCount()) throw new AssertionError("loaded " + e.twinCount() + " twins");
      e.close();
    }
    return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6 / loads;
  }
}
