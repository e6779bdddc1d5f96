package dev.twins.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Measures used heap after full collections, for the retained size of a graph. */
final class HeapMeter {
  private HeapMeter() {}

  /**
   * Runs a full collection (two when the heap is small, to catch what the first left) and reads
   * the used heap. With the Serial and G1 collectors {@code System.gc()} is a full, stop-the-world
   * collection, so one is exact for a large live set; the second is cheap when the heap is small.
   *
   * @return the used heap in bytes
   */
  static long usedAfterFullGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      if (used > (256L << 20)) break;
    }
    return used;
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
