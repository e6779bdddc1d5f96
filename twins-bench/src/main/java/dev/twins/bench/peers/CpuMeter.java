package dev.twins.bench.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * CPU time per operation, beside JMH's wall-clock figures: on a shared machine a descheduled
 * benchmark thread inflates wall-clock time by the machine's load, while the CPU time it and the
 * JVM (collector, JIT, background writer) use does not. Marked at the start of an iteration and
 * reported at its end, as a {@code # cpu ...} log line that {@code peers_summary.py} reads.
 */
public final class CpuMeter {
  /** Creates a meter; {@link #mark} starts it. */
  public CpuMeter() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private long thread0;
  private long process0;
  private long ops0;

  /**
   * Marks the start of an iteration; call on the benchmark thread.
   *
   * @param ops the operations counted so far
   */
  public void mark(long ops) {
    thread0 = THREADS.getCurrentThreadCpuTime();
    process0 = OS.getProcessCpuTime();
    ops0 = ops;
  }

  /**
   * Prints the CPU time per operation since {@link #mark}: of the benchmark thread, and of the
   * whole JVM; call on the benchmark thread at the end of a measured iteration.
   *
   * @param b the benchmark
   * @param i the iteration
   * @param engine the engine
   * @param twins the twins
   * @param ops the operations counted so far
   */
  public void report(BenchmarkParams b, IterationParams i, String engine, int twins, long ops) {
    long thread = THREADS.getCurrentThreadCpuTime() - thread0;
    long process = OS.getProcessCpuTime() - process0;
    long n = ops - ops0;
    if (n <= 0 || i.getType() != IterationType.MEASUREMENT) return;
    String name = b.getBenchmark().substring(b.getBenchmark().lastIndexOf('.') + 1);
    System.out.println();
    System.out.printf(Locale.ROOT, "# cpu bench=%s engine=%s twins=%d: thread %.1f ns/op, process %.1f ns/op (%d ops)%n",
        name, engine, twins, (double) thread / n, (double) process / n, n);
  }
}
