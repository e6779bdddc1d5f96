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
  /** The session shown in the README's "Notebooks" section. */
  static final String SESSION = String.join("\n",
      "var twins = Twins.demo()",
      "twins.set(\"room-101\", \"temperature\", 26.0)",
      "query(twins, \"SELECT R.$dtId, R.temperature FROM DIGITALTWINS R WHERE R.temperature > 22\")",
      "/exit", "");

  @Test
  void aDemoGraphAndAQueryAreOneLineEach() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ShellCommand.run(new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        List.of("--execution", "local", "--feedback", "normal"));
    String shown = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(shown + err).isZero();
    assertThat(shown).as(err.toString(StandardCharsets.UTF_8))
        .contains("Twins[twins=9, relationships=8, models=4")
        .contains("Twin[room-101, model=dtmi:twins:demo:Room;1")
        .contains("Result[3 rows]")
        .containsPattern("room-101 \\| 26\\.0")
        .doesNotContain("Error");
  }

  @Test
  void theStartupImportsEveryApiPackage() {
    assertThat(ShellCommand.startup()).contains("import dev.twins.core.graph.*;", "import dev.twins.query.*;",
        "QueryResult query(Twins twins, String text)");
  }
}
