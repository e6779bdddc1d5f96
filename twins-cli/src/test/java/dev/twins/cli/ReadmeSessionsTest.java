package dev.twins.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command-line sessions are real: in every code block that follows a
 * {@code <!-- twins-session -->} line, each {@code $ bin/twins ...} line runs in process and
 * must exit with status 0 and print the lines below it, in this order ({@code ...} stands where
 * the README leaves lines out). Store
 * directories ({@code --store DIR}) are made in a temporary folder, whose path is left out of the
 * output; every other path is relative to the repository root, this module's working directory
 * for tests (see its pom).
 */
class ReadmeSessionsTest {
  private static final String MARK = "<!-- twins-session -->";

  @TempDir Path tmp;

  /** One command of a session: its README line, its arguments and the lines it must print. */
  record Step(int line, List<String> args, List<String> expected) {}

  static List<Step> steps(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals(MARK)) {
        continue;
      }
      i += 2;  // the fence
      Step current = null;
      for (; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        String l = lines.get(i);
        if (l.startsWith("$ bin/twins ")) {
          current = new Step(i + 1, words(l.substring("$ bin/twins ".length())), new ArrayList<>());
          steps.add(current);
        } else if (current != null) {
          current.expected().add(l);
        }
      }
    }
    return steps;
  }

  /** Splits a command line as a POSIX shell would for the quoting the README uses. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        w = w == null ? new StringBuilder() : w;
      } else if (c == '\\' && i + 1 < text.length()) {
        w = w == null ? new StringBuilder() : w;
        w.append(text.charAt(++i));
      } else if (c == ' ' && !quoted) {
        if (w != null) {
          words.add(w.toString());
        }
        w = null;
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeSessionRuns() throws IOException {
    Path repo = Path.of(System.getProperty("twins.repo.dir", "..")).toAbsolutePath();
    List<Step> steps = steps(Files.readAllLines(repo.resolve("README.md"), StandardCharsets.UTF_8));
    assertThat(steps).as("`$ bin/twins` lines after %s in README.md", MARK).hasSizeGreaterThan(2);
    // One test: the steps of a session depend on each other (an import, then a query of the store).
    return Stream.of(DynamicTest.dynamicTest("README.md sessions", () -> {
      for (Step step : steps) {
        List<String> args = new ArrayList<>();
        for (int k = 0; k < step.args().size(); k++) {
          String a = step.args().get(k);
          boolean storeDir = k > 0 && step.args().get(k - 1).equals("--store");
          args.add(storeDir ? tmp.resolve(a).toString() : a);
        }
        Run run = Run.twins(args.toArray(new String[0]));
        assertThat(run.status()).as("README.md line %d: %s", step.line(), run).isZero();
        List<String> shown = run.outLines().stream().map(l -> l.replace(tmp + "/", "")).toList();
        int at = 0;
        for (String want : step.expected()) {
          if (want.equals("...")) {
            continue;
          }
          int found = shown.subList(at, shown.size()).indexOf(want);
          assertThat(found).as("README.md line %d: the line%n%s%nin this order in the output%n%s", step.line(), want,
              String.join("\n", shown)).isNotNegative();
          at += found + 1;
        }
      }
    }));
  }
}
