package dev.twins.persistence;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link CrashTest}: opens the store with fsync on every write, goes on with
 * the deterministic workload where the store stands, and prints {@code ack <i>} after write
 * {@code i} returned, until it is killed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /**
   * Runs the writer.
   *
   * @param args the store directory
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    try (TwinStore store = TwinStore.builder(Path.of(args[0])).models(Graphs.MODELS).durability(Durability.everyWrite())
        .snapshotEvery(Long.parseLong(args[1])).segmentBytes(16 * 1024).open()) {
      long start = store.twins().version();
      out.println("ready " + start);
      out.flush();
      for (long i = start; ; i++) {
        Graphs.write(store.twins(), (int) i);
        out.println("ack " + i);
        out.flush();
      }
    }
  }
}
