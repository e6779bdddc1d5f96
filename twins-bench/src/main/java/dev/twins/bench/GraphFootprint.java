package dev.twins.bench;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Builds a {@link BuildingPortfolio} graph outside JMH and prints how long each build took, how
 * much of that was garbage collection, how many bytes it allocated, and how much heap the last graph retains; optionally the
 * heap's class histogram, to see where the bytes go.
 *
 * <pre>
 * java -Xmx4g -cp twins-bench/target/benchmarks.jar dev.twins.bench.GraphFootprint [twins] [rounds] [histogram lines]
 * </pre>
 *
 * <p>Retained heap is the bytes of live objects (the total of the class histogram) with the graph,
 * its input dropped, minus the same without the graph.
 */
public final class GraphFootprint {
  private GraphFootprint() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of twins (default 1,000,000); how many times to build (default 1; the
   *     heap is measured after the last); how many lines of the class histogram to print
   *     (default 0: none)
   * @throws Exception if the histogram cannot be taken
   */
  public static void main(String[] args) throws Exception {
    int twins = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int histogram = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Models models = BuildingPortfolio.models();
    for (int round = 1; round <= rounds; round++) {
      long base = HeapMeter.liveBytes();
      long t0 = System.nanoTime();
      BuildingPortfolio p = BuildingPortfolio.generate(twins, GraphBenchmark.SEED);
      long t1 = System.nanoTime();
      long withInput = HeapMeter.liveBytes();
      long gc0 = gcMillis();
      long n0 = gcCount();
      long a0 = allocatedBytes();
      long t2 = System.nanoTime();
      Twins graph = p.load(models);
      long t3 = System.nanoTime();
      long allocated = allocatedBytes() - a0;
      long gc = gcMillis() - gc0;
      long collections = gcCount() - n0;
      int expectedTwins = p.twinCount();
      long expectedRelations = p.relationshipCount();
      System.out.printf(Locale.ROOT, "round %d: %s generated in %,d ms (input %,.1f MB); built in %,d ms, "
          + "of which %,d ms in %d collections; allocated %,.1f MB: %s%n", round, p, (t1 - t0) / 1_000_000,
          (withInput - base) / 1e6, (t3 - t2) / 1_000_000, gc, collections, allocated / 1e6, graph);
      p = null;
      if (graph.twinCount() != expectedTwins || graph.relationCount() != expectedRelations) {
        throw new IllegalStateException("built " + graph + ", expected " + expectedTwins + " twins");
      }
      if (round < rounds) continue;
      long with = HeapMeter.liveBytes();
      if (histogram > 0) printHistogram(histogram);
      graph = null;
      long without = HeapMeter.liveBytes();
      System.out.println(HeapMeter.describe(with - without, expectedTwins, expectedRelations));
    }
  }

  /** The bytes this thread has allocated so far, or 0 when the JVM cannot tell. */
  private static long allocatedBytes() {
    java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
    if (b instanceof com.sun.management.ThreadMXBean) {
      return ((com.sun.management.ThreadMXBean) b).getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return 0;
  }

  private static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, b.getCollectionTime());
    return t;
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
    return n;
  }

  private static void printHistogram(int lines) throws Exception {
    String text = HeapMeter.histogram();
    String[] all = text.split("\n");
    for (int i = 0; i < Math.min(all.length, lines + 2); i++) System.out.println(all[i]);
    System.out.println(all[all.length - 1]);
  }
}
