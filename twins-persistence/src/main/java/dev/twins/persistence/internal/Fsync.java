package dev.twins.persistence.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync of directories, so that created, renamed and deleted files survive a power loss. */
public final class Fsync {
  private Fsync() {}

  /**
   * fsyncs a directory (a no-op where the platform cannot open directories, like Windows).
   *
   * @param dir the directory
   * @throws dev.twins.persistence.StoreException if the fsync fails
   */
  public static void directory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (System.getProperty("os.name", "").startsWith("Windows")) return;
      throw Errors.io(dir, "fsync of the directory", e);
    }
  }
}
