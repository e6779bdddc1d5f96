package dev.twins.bench;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Builds a {@link BuildingPortfolio} graph once, outside JMH, and prints how long the build took
 * and how much heap the graph retains; optionally the heap's class histogram, to see where the
 * bytes go.
 *
 * <pre>
 * java -Xmx4g -cp twins-bench/target/benchmarks.jar dev.twins.bench.GraphFootprint [twins] [histogram lines]
 * </pre>
 *
 * <p>Retained heap is the used heap after full collections with the graph (its input dropped),
 * minus the same without the graph.
 */
public final class GraphFootprint {
  private GraphFootprint() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of twins (default 1,000,000), and how many lines of the class
   *     histogram to print (default 0: none)
   * @throws Exception if the histogram cannot be taken
   */
  public static void main(String[] args) throws Exception {
    int twins = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int histogram = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    Models models = BuildingPortfolio.models();
    long base = HeapMeter.usedAfterFullGc();
    long t0 = System.nanoTime();
    BuildingPortfolio p = BuildingPortfolio.generate(twins, GraphBenchmark.SEED);
    long t1 = System.nanoTime();
    long withInput = HeapMeter.usedAfterFullGc();
    long t2 = System.nanoTime();
    Twins graph = p.load(models);
    long t3 = System.nanoTime();
    int expectedTwins = p.twinCount();
    long expectedRelations = p.relationshipCount();
    System.out.printf(Locale.ROOT, "%s: generated in %,d ms (input %,.1f MB), built in %,d ms: %s%n", p,
        (t1 - t0) / 1_000_000, (withInput - base) / 1e6, (t3 - t2) / 1_000_000, graph);
    p = null;
    long with = HeapMeter.usedAfterFullGc();
    if (histogram > 0) printHistogram(histogram);
    if (graph.twinCount() != expectedTwins || graph.relationCount() != expectedRelations) {
      throw new IllegalStateException("built " + graph + ", expected " + expectedTwins + " twins");
    }
    graph = null;
    long without = HeapMeter.usedAfterFullGc();
    System.out.println(HeapMeter.describe(with - without, expectedTwins, expectedRelations));
  }

  private static void printHistogram(int lines) throws Exception {
    String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    String[] all = text.split("\n");
    for (int i = 0; i < Math.min(all.length, lines + 2); i++) System.out.println(all[i]);
    System.out.println(all[all.length - 1]);
  }
}
