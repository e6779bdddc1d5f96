// Single-file program (not compiled by Maven), run with the benchmarks jar on the class path:
//   taskset -c 0,1 java -Xmx8g -cp twins-bench/target/benchmarks.jar twins-bench/tools/OpenCpu.java ...
// See BENCHMARKS.md, "Relationship records by twin position".
import dev.twins.persistence.TwinStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

public class OpenCpu {
  public static void main(String[] a) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int n = Integer.parseInt(a[1]);
    StringBuilder out = new StringBuilder(a[2]);
    for (int i = 0; i < n; i++) {
      System.gc();
      long gc0 = gcMillis();
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      TwinStore s = TwinStore.builder(Path.of(a[0])).snapshotEvery(0).open();
      long wall = (System.nanoTime() - t0) / 1_000_000;
      long cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
      long gc = gcMillis() - gc0;
      out.append(String.format(" [wall %d cpu %d gc %d]", wall, cpu, gc));
      s.close();
      s = null;
    }
    System.out.println(out);
  }

  static long gcMillis() {
    long t = 0;
    for (var b : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, b.getCollectionTime());
    return t;
  }
}
