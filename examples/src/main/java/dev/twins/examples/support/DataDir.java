package dev.twins.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the examples' data folder ({@code examples/data} of the repository) and the folder their
 * pictures are written to.
 */
public final class DataDir {
  private DataDir() {}

  /**
   * Returns the data folder: the system property {@code twins.examples.data} if set, else
   * {@code examples/data} or {@code data} below the working directory, whichever holds the
   * examples' data.
   *
   * @return the folder
   * @throws IllegalStateException if none is found
   */
  public static Path find() {
    String prop = System.getProperty("twins.examples.data");
    if (prop != null) {
      return Path.of(prop);
    }
    for (String candidate : new String[] {"examples/data", "data", "../examples/data"}) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p.resolve("nasa-cmapss-fd001"))) {
        return p;
      }
    }
    throw new IllegalStateException("examples data folder not found below "
        + Path.of("").toAbsolutePath() + "; run from the repository root or set -Dtwins.examples.data=DIR");
  }

  /**
   * Returns the folder pictures are written to, {@code target/output} beside the data folder,
   * creating it.
   *
   * @param data the data folder
   * @return the output folder
   */
  public static Path output(Path data) {
    Path out = data.toAbsolutePath().getParent().resolve("target").resolve("output");
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
