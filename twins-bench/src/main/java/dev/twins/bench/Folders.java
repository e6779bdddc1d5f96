package dev.twins.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The folders the benchmarks make for stores and databases: their size on disk, and deleting them. */
public final class Folders {
  private Folders() {}

  /**
   * @param dir a folder
   * @return the bytes of the regular files in it and below
   * @throws UncheckedIOException if it cannot be read
   */
  public static long bytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a folder and everything in it; nothing when it does not exist.
   *
   * @param dir the folder
   * @throws UncheckedIOException if it cannot be listed
   */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
