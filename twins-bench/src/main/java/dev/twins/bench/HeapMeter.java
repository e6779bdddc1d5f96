package dev.twins.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/** Measures the live objects on the heap, for the retained size of a graph. */
final class HeapMeter {
  private HeapMeter() {}

  /**
   * Returns the bytes of the live objects: the heap's class histogram, which the JVM takes after
   * a full collection, summed over every class except {@code int[]}.
   *
   * <p>Why not the used heap after {@code System.gc()}: the Serial and G1 full collections leave
   * up to {@code MarkSweepDeadRatio} (5%) of the old generation as dead space rather than move
   * the objects above it, which on a multi-gigabyte heap is hundreds of MB, and the amount varies
   * from one collection to the next. The JVM fills such dead space with {@code int[]} filler
   * objects, which the histogram lists like any array; the graph holds no {@code int[]}, so
   * leaving them out leaves out the fillers. Falls back to the used heap after a full collection
   * when the diagnostic command is unavailable.
   *
   * @return the live bytes
   */
  static long liveBytes() {
    try {
      long total = 0;
      for (String line : histogram().split("\n")) {
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

  /**
   * Takes the heap's class histogram (after a full collection), as {@code jcmd <pid>
   * GC.class_histogram} prints it.
   *
   * @return the histogram text: a header, one line per class by bytes, and a {@code Total} line
   * @throws JMException if the JVM has no diagnostic command bean
   */
  static String histogram() throws JMException {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
  }

  /**
   * Describes a retained size.
   *
   * @param bytes the bytes retained
   * @param twins the number of twins
   * @param relationships the number of relationships
   * @return e.g. {@code retained heap: 1,234.5 MB for 1,000,000 twins and 2,950,000 relationships = 1,234 bytes per twin}
   */
  static String describe(long bytes, int twins, long relationships) {
    return String.format(Locale.ROOT,
        "retained heap: %,.1f MB for %,d twins and %,d relationships = %,d bytes per twin (relationships included)",
        bytes / 1e6, twins, relationships, bytes / Math.max(1, twins));
  }
}
