package dev.twins.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md runs, so the README cannot rot.
 *
 * <p>Each block runs in a fresh JShell with the imports of {@code twins shell}, from the
 * repository root (surefire's working directory for this module), statement by statement. A
 * statement that fails to compile or throws fails the block. A statement whose line ends with
 * {@code // → value} must have that value ({@code String.valueOf} of the expression, or of the
 * variable it declares). A {@code // →} on a line of its own belongs to the statement above it, and
 * the comment lines right below it ({@code // } followed by the text) continue a value of several
 * lines. {@code …} stands for any text within a line; trailing white space does not count. A block
 * whose info string is {@code java no-run} is skipped; the README says why next to it.
 *
 * <p>Every query of the tables of the section "The query language" (a code span that starts
 * with {@code SELECT} or {@code EXPLAIN}) runs on the demo graph, with a few minutes of readings
 * on {@code sensor-101} and the parameters the README names.
 */
class ReadmeExamplesTest {
  private static final String ARROW = "// → ";

  /** The imports of JShell's DEFAULT startup, which {@code twins shell} keeps. */
  static final List<String> JSHELL_DEFAULT_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*",
      "java.nio.file.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*",
      "java.util.regex.*", "java.util.stream.*");

  /** One {@code ```java} block: its first line in README.md and its text. */
  record Block(int line, String text, boolean run) {}

  /** One statement's expected value, by the line of the block it ends on (0-based). */
  record Expectation(int line, String value) {}

  static Path readme() {
    Path repo = Path.of(System.getProperty("twins.repo.dir", ".."));
    Path readme = repo.resolve("README.md");
    assertThat(readme).as("README.md at the repository root").isRegularFile();
    return readme;
  }

  static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (fence.startsWith("```java")) {
        String info = fence.substring(3).strip();
        int indent = lines.get(i).indexOf('`');
        int start = i + 1;
        StringBuilder text = new StringBuilder();
        i++;
        while (i < lines.size() && !lines.get(i).strip().equals("```")) {
          String l = lines.get(i);
          text.append(l.length() >= indent && l.substring(0, indent).isBlank() ? l.substring(indent) : l.strip()).append('\n');
          i++;
        }
        blocks.add(new Block(start + 1, text.toString(), !info.contains("no-run")));
      }
    }
    return blocks;
  }

  /** Takes the expectations out of a block's text; the code keeps its line numbers. */
  static String strip(String text, List<Expectation> expectations) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int at = lines[i].indexOf(ARROW);
      if (at >= 0) {
        StringBuilder value = new StringBuilder(lines[i].substring(at + ARROW.length()));
        lines[i] = lines[i].substring(0, at);
        boolean ownLine = lines[i].isBlank();
        int code = i;
        while (code > 0 && lines[code].isBlank()) {
          code--;  // a `// →` line of its own belongs to the statement above it
        }
        while (ownLine && i + 1 < lines.length && lines[i + 1].startsWith("// ") && !lines[i + 1].contains(ARROW)) {
          i++;
          value.append('\n').append(lines[i].substring(3));
          lines[i] = "";
        }
        expectations.add(new Expectation(code, value.toString().stripTrailing()));
      }
    }
    return String.join("\n", lines);
  }

  static boolean matches(String expected, String actual) {
    String regex = Stream.of(expected.split("…", -1)).map(Pattern::quote).collect(Collectors.joining("[^\\n]*?"));
    return Pattern.compile(regex).matcher(actual.stripTrailing()).matches();
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadmeRuns() throws IOException {
    List<Block> blocks = blocks(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    assertThat(blocks).as("java blocks in README.md").hasSizeGreaterThan(3);
    return blocks.stream().filter(Block::run)
        .map(b -> DynamicTest.dynamicTest("README.md line " + b.line(), () -> runWithin(b, BLOCK_LIMIT)));
  }

  /** The code spans of the query tables that are queries, by their README line. */
  static Map<Integer, String> referenceQueries(List<String> lines) {
    Map<Integer, String> queries = new TreeMap<>();
    boolean inSection = false;
    Pattern span = Pattern.compile("`((?:SELECT|EXPLAIN) (?:[^`\\\\]|\\\\.)*)`");
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("## ")) {
        inSection = l.equals("## The query language");
      } else if (inSection && l.startsWith("|")) {
        var m = span.matcher(l);
        while (m.find()) {
          queries.put(i + 1, m.group(1).replace("\\|", "|"));
        }
      }
    }
    return queries;
  }

  @TestFactory
  Stream<DynamicTest> everyQueryOfTheReferenceRuns() throws IOException {
    Map<Integer, String> queries = referenceQueries(Files.readAllLines(readme(), StandardCharsets.UTF_8));
    assertThat(queries).as("queries in the tables of \"## The query language\"").hasSizeGreaterThan(30);
    dev.twins.core.graph.Twins twins = dev.twins.core.graph.Twins.demo();
    dev.twins.core.telemetry.TelemetryHub hub = dev.twins.core.telemetry.TelemetryHub.attach(twins);
    long now = System.currentTimeMillis();
    for (int m = 10; m >= 0; m--) {
      hub.ingest("sensor-101", "temperature", now - m * 60_000L, 20.0 + m * 0.5);
    }
    dev.twins.query.QueryEngine engine = dev.twins.query.QueryEngine.builder(twins)
        .series(hub.seriesStore().orElseThrow())
        .history(dev.twins.core.history.PropertyHistory.builder().trackAll().attach(twins)).build();
    Map<String, Object> params = Map.of("t", 22, "ids", List.of("room-101", "room-202"),
        "here", Map.of("type", "Point", "coordinates", List.of(4.9, 52.37)),
        "there", Map.of("type", "Point", "coordinates", List.of(13.4, 52.52)),
        "site", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(4, 52), List.of(5, 52),
            List.of(5, 53), List.of(4, 53), List.of(4, 52)))));
    return queries.entrySet().stream().map(q -> DynamicTest.dynamicTest("README.md line " + q.getKey(), () -> {
      Map<String, Object> used = new TreeMap<>();
      params.forEach((k, v) -> {
        if (Pattern.compile("@" + k + "\\b").matcher(q.getValue()).find()) {
          used.put(k, v);
        }
      });
      try {
        if (q.getValue().startsWith("EXPLAIN ")) {
          assertThat(engine.explain(q.getValue().substring("EXPLAIN ".length()))).isNotBlank();
        } else {
          assertThat(engine.query(q.getValue(), used).isEmpty()).as("%s answers nothing on the demo", q.getValue()).isFalse();
        }
      } catch (RuntimeException e) {
        throw new AssertionError("README.md line " + q.getKey() + ": " + q.getValue() + "\n" + e.getMessage(), e);
      }
    }));
  }

  /** How long one README block may run before the test fails with every thread's stack. */
  static final java.time.Duration BLOCK_LIMIT = java.time.Duration.ofMinutes(3);

  /**
   * Runs a block on a thread of its own and fails, naming the block and showing every thread's
   * stack, if it has not finished within the limit: a block that blocks forever (an example whose
   * threads wait on each other) fails the build quickly instead of holding it up.
   */
  static void runWithin(Block block, java.time.Duration limit) throws Throwable {
    Throwable[] failure = new Throwable[1];
    Thread runner = new Thread(() -> {
      try {
        run(block);
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "readme-block-" + block.line());
    runner.setDaemon(true);
    runner.start();
    runner.join(limit.toMillis());
    if (runner.isAlive()) {
      StringBuilder stacks = new StringBuilder();
      Thread.getAllStackTraces().forEach((t, frames) -> {
        stacks.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
        for (StackTraceElement f : frames) {
          stacks.append("    at ").append(f).append('\n');
        }
      });
      throw new AssertionError("README.md line " + block.line() + ": the block did not finish within "
          + limit + "; threads:\n" + stacks);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  static void run(Block block) {
    List<Expectation> expectations = new ArrayList<>();
    String code = strip(block.text(), expectations);
    Map<Integer, String> expected = new TreeMap<>();
    expectations.forEach(e -> expected.put(e.line(), e.value()));
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(ShellCommand.classPath());
      for (String p : JSHELL_DEFAULT_IMPORTS) {
        evalOrFail(shell, "import " + p + ";", block, -1);
      }
      for (String line : ShellCommand.startup().split("\n")) {
        evalOrFail(shell, line, block, -1);
      }
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = code;
      int checked = 0;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        assertThat(info.completeness().isComplete())
            .as("README.md line %d: an incomplete statement: %s", block.line(), rest.strip()).isTrue();
        String remaining = info.remaining();
        int end = code.length() - remaining.length();
        int endLine = (int) code.substring(0, end).stripTrailing().chars().filter(c -> c == '\n').count();
        String snippet = info.source();
        List<SnippetEvent> events = evalOrFail(shell, snippet, block, endLine);
        String want = expected.get(endLine);
        if (want != null && !events.isEmpty()) {
          Snippet s = events.get(0).snippet();
          String name = s instanceof VarSnippet v ? v.name() : s instanceof ExpressionSnippet x ? x.name() : null;
          assertThat(name).as("README.md line %d: `// →` after a statement without a value", block.line() + endLine)
              .isNotNull();
          List<SnippetEvent> shown = evalOrFail(shell, "java.util.Base64.getEncoder().encodeToString(String.valueOf("
              + name + ").getBytes(java.nio.charset.StandardCharsets.UTF_8))", block, endLine);
          String b64 = shown.get(0).value();
          String actual = new String(Base64.getDecoder().decode(b64.substring(1, b64.length() - 1)), StandardCharsets.UTF_8);
          assertThat(matches(want, actual))
              .as("README.md line %d: expected%n%s%nbut the statement's value is%n%s", block.line() + endLine, want, actual)
              .isTrue();
          checked++;
        }
        rest = remaining;
      }
      assertThat(checked).as("README.md line %d: every `// →` was checked", block.line()).isEqualTo(expected.size());
    }
  }

  static List<SnippetEvent> evalOrFail(JShell shell, String source, Block block, int line) {
    List<SnippetEvent> events = shell.eval(source);
    String where = "README.md line " + (block.line() + Math.max(line, 0));
    for (SnippetEvent e : events) {
      if (e.status() == Snippet.Status.REJECTED || e.status() == Snippet.Status.RECOVERABLE_DEFINED
          || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        String problems = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
        String unresolved = e.snippet() instanceof jdk.jshell.DeclarationSnippet d
            ? shell.unresolvedDependencies(d).collect(Collectors.joining(", ")) : "";
        throw new AssertionError(where + ": does not compile (" + e.status() + "): " + source.strip() + "\n"
            + problems + (unresolved.isEmpty() ? "" : " unresolved: " + unresolved));
      }
      if (e.exception() != null) {
        String detail = e.exception() instanceof EvalException x ? x.getExceptionClassName() + ": " + x.getMessage()
            : e.exception().toString();
        AssertionError error = new AssertionError(where + ": throws " + detail + "\n" + source.strip());
        error.initCause(e.exception());
        throw error;
      }
    }
    return events;
  }
}
