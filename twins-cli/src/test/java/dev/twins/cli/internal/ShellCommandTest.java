package dev.twins.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code twins shell} runs JShell with the library loaded and imported. */
class ShellCommandTest {
  /** The README's session: its jshell> lines are typed in, every other line must be printed. */
  @Test
  void theReadmeSessionIsReal() throws Exception {
    java.nio.file.Path readme = java.nio.file.Path.of(System.getProperty("twins.repo.dir", ".."), "README.md");
    List<String> lines = java.nio.file.Files.readAllLines(readme);
    int start = lines.indexOf("<!-- shell-session -->") + 2;
    assertThat(start).as("README.md has a <!-- shell-session --> block").isGreaterThan(1);
    StringBuilder input = new StringBuilder();
    List<String> expected = new java.util.ArrayList<>();
    for (String line : lines.subList(start, lines.size())) {
      if (line.equals("```")) {
        break;
      }
      if (line.startsWith("jshell> ")) {
        input.append(line.substring("jshell> ".length())).append('\n');
      } else if (!line.isBlank() && !line.startsWith("$ ")) {
        expected.add(line);
      }
    }
    input.append("/exit\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = ShellCommand.run(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), List.of("--execution", "local", "--feedback", "normal"));
    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(status).isZero();
    assertThat(expected).hasSizeGreaterThan(3);
    for (String line : expected) {
      assertThat(shown).as("README line: " + line).contains(line);
    }
  }

  @Test
  void theStartupImportsEveryApiPackage() {
    assertThat(ShellCommand.startup()).contains("import dev.twins.core.graph.*;", "import dev.twins.query.*;",
        "QueryResult query(Twins twins, String text)");
  }
}
