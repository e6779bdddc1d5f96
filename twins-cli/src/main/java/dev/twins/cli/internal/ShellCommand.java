package dev.twins.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code twins shell}: JShell with Twins on the class path and its packages imported, so that a
 * graph is one call away ({@code var twins = Twins.demo()}).
 */
@Command(
    name = "shell",
    sortOptions = false,
    headerHeading = "",
    header = "Start JShell with Twins loaded.",
    descriptionHeading = "%n",
    description = {
      "Starts the JShell tool of the running Java with the Twins library and its dependencies on"
          + " the class path and these packages imported: " + ShellCommand.IMPORT_LIST + ".",
      "",
      "Try:  var twins = Twins.demo()",
      "      query(twins, \"SELECT R.$dtId, R.temperature FROM DIGITALTWINS R WHERE IS_OF_MODEL(R,"
          + " 'dtmi:twins:demo:Room;1')\")",
      "",
      "`query(twins, text)` runs a query with a new QueryEngine; /exit leaves. JSHELL-OPTIONs"
          + " are passed to jshell as they are, e.g. --feedback verbose or a script file."
    },
    customSynopsis = "twins shell [-h] [--debug] [JSHELL-OPTION | FILE]...",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the shell ended",
      "2:usage error",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class ShellCommand implements Callable<Integer> {
  /** The packages the shell imports. */
  static final List<String> IMPORTS = List.of(
      "dev.twins.core.model.*", "dev.twins.core.graph.*", "dev.twins.core.series.*", "dev.twins.core.history.*",
      "dev.twins.core.telemetry.*", "dev.twins.core.device.*", "dev.twins.core.adt.*",
      "dev.twins.query.*", "dev.twins.persistence.*", "java.time.*", "java.nio.file.*");
  static final String IMPORT_LIST = "dev.twins.core.{model, graph, series, history, telemetry, device, adt},"
      + " dev.twins.query, dev.twins.persistence, java.time, java.nio.file";

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  /** Everything else goes to jshell as it is. */
  @Unmatched private List<String> jshellArgs = new ArrayList<>();

  /** Called by picocli. */
  public ShellCommand() {}

  @Override
  public Integer call() throws Exception {
    return run(System.in, System.out, System.err, jshellArgs);
  }

  /**
   * The startup script: the imports and a {@code query} helper.
   *
   * @return the script text
   */
  static String startup() {
    StringBuilder sb = new StringBuilder();
    for (String p : IMPORTS) {
      sb.append("import ").append(p).append(";\n");
    }
    sb.append("QueryResult query(Twins twins, String text) { return QueryEngine.of(twins).query(text); }\n");
    return sb.toString();
  }

  /** The class path of this JVM, with its module path (where the Twins modules sit when run as modules). */
  static String classPath() {
    List<String> parts = new ArrayList<>();
    for (String key : new String[] {"java.class.path", "jdk.module.path"}) {
      String v = System.getProperty(key);
      if (v != null && !v.isBlank()) {
        parts.add(v);
      }
    }
    return String.join(java.io.File.pathSeparator, parts);
  }

  /**
   * Runs JShell with the Twins class path, the default startup and the Twins imports.
   *
   * @param in where commands are read
   * @param out where results go
   * @param err where errors go
   * @param extra further jshell options and files
   * @return jshell's exit status
   * @throws Exception if the tool cannot start
   */
  static int run(InputStream in, PrintStream out, PrintStream err, List<String> extra) throws Exception {
    Path script = Files.createTempFile("twins-shell-", ".jsh");
    try {
      Files.writeString(script, startup(), StandardCharsets.UTF_8);
      List<String> args = new ArrayList<>(List.of("--class-path", classPath(),
          "--startup", "DEFAULT", "--startup", script.toString()));
      args.addAll(extra);
      return JavaShellToolBuilder.builder().in(in, null).out(out).err(err).start(args.toArray(new String[0]));
    } finally {
      try {
        Files.deleteIfExists(script);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
