package dev.twins.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared data folder beside the repository ({@code ../shared}) for corpus tests. */
public final class SharedData {
  private SharedData() {}

  /**
   * Returns the shared folder, or aborts the calling test (reported as skipped, with the reason)
   * when it is absent, as in a fresh clone.
   *
   * @return the folder
   */
  public static Path dir() {
    String prop = System.getProperty("twins.shared.dir");
    Path dir = prop == null ? Path.of("..", "..", "shared") : Path.of(prop);
    assumeTrue(Files.isDirectory(dir.resolve("ontologies")),
        () -> "corpus test skipped: the shared data folder " + dir.toAbsolutePath().normalize()
            + " is absent (it sits beside the repository in CI; a fresh clone does not have it)");
    return dir;
  }
}
