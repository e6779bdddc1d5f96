package dev.twins.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Measures used heap after full collections, for the retained size of a graph. */
final class HeapMeter {
  private HeapMeter() {}

  /**
   * Runs full collections until the used heap stops shrinking (at most five), then reads it.
   *
   * @return the used heap in bytes
   */
  static long usedAfterFullGc() {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (used >= last - (1 << 20)) return Math.min(used, last);
      last = used;
    }
    return last;
  }

  /**
   * Describes a retained size.
   *
   * @param bytes the bytes retained
   * @param twins the number of twins
   * @param relationships the number of relationships
   * @return e.g. {@code retained heap: 1,234.5 MB for 1,000,000 twins and 2,950,000 relationships = 1,295 bytes per twin}
   */
  static String describe(long bytes, int twins, long relationships) {
    return String.format(Locale.ROOT,
        "retained heap: %,.1f MB for %,d twins and %,d relationships = %,d bytes per twin (relationships included)",
        bytes / 1e6, twins, relationships, bytes / Math.max(1, twins));
  }
}
