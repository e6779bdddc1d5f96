// Single-file program (not compiled by Maven), run with the benchmarks jar on the class path:
//   taskset -c 0,1 java -Xmx8g -cp twins-bench/target/benchmarks.jar twins-bench/tools/SnapCpu.java ...
// See BENCHMARKS.md, "Relationship records by twin position".
import dev.twins.bench.BuildingPortfolio;
import dev.twins.persistence.Durability;
import dev.twins.persistence.TwinStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

public class SnapCpu {
  public static void main(String[] a) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path dir = Path.of(a[0]);
    int n = Integer.parseInt(a[1]);
    BuildingPortfolio p = BuildingPortfolio.generate(Integer.parseInt(a[3]), 42);
    StringBuilder out = new StringBuilder(a[2]);
    try (TwinStore store = TwinStore.builder(dir).models(BuildingPortfolio.models()).durability(Durability.os())
        .snapshotEvery(0).open()) {
      store.batch(() -> p.loadInto(store.twins()));
      for (int i = 0; i < n; i++) {
        System.gc();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Path f = store.snapshot();
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
        out.append(String.format(" [wall %d cpu %d size %d]", wall, cpu, Files.size(f) >> 20));
      }
    }
    System.out.println(out);
  }
}
