package dev.twins.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped data folder, as the tests see it (they run in the module's folder). */
final class ExampleData {
  private ExampleData() {}

  static Path dir() {
    Path p = Path.of("data");
    if (!Files.isDirectory(p.resolve("nasa-cmapss-fd001"))) {
      p = Path.of("examples", "data");
    }
    return p;
  }
}
