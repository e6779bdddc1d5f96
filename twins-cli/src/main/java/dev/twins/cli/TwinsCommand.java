package dev.twins.cli;

import dev.twins.cli.internal.ExitStatus;
import dev.twins.cli.internal.ExportCommand;
import dev.twins.cli.internal.ImportCommand;
import dev.twins.cli.internal.IngestCommand;
import dev.twins.cli.internal.QueryCommand;
import dev.twins.cli.internal.InternalErrorHandler;
import dev.twins.cli.internal.ShellCommand;
import dev.twins.cli.internal.StatsCommand;
import dev.twins.cli.internal.UsageErrorHandler;
import dev.twins.cli.internal.ValidateCommand;
import dev.twins.cli.internal.VersionProvider;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code twins} command: the root of every subcommand ({@code twins validate}, and later
 * {@code import}, {@code ingest}, {@code query}, {@code export}, {@code stats}, {@code shell}).
 *
 * <pre>{@code
 * $ twins validate ontology/
 * OK ontology/ (767 interfaces)
 * }</pre>
 *
 * <p>Exit statuses: 0 success, 1 invalid input, 2 usage or I/O error, 70 internal error.
 */
@Command(
    name = "twins",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Digital twins described by DTDL models.",
    subcommands = {ValidateCommand.class, ImportCommand.class, IngestCommand.class, QueryCommand.class,
        ExportCommand.class, StatsCommand.class, ShellCommand.class, HelpCommand.class},
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:the input is invalid",
      "2:usage error, or a file that does not exist or cannot be read",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class TwinsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error (or set TWINS_DEBUG=1).")
  private boolean debug;

  private TwinsCommand() {}

  /**
   * Runs the command and exits the JVM with its status.
   *
   * @param args the command line, e.g. {@code validate --json ontology/}
   */
  public static void main(String... args) {
    Charset cs = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, cs), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, cs), true);
    System.exit(execute(out, err, args));
  }

  /**
   * Runs the command in this process, writing its output to {@code out} and diagnostics to
   * {@code err}. Never throws for bad input or a failing command: every problem is reported on
   * {@code err} and in the status.
   *
   * @param out where results go
   * @param err where usage errors and diagnostics go
   * @param args the command line without the program name
   * @return the exit status: 0 success, 1 invalid input, 2 usage or I/O error, 70 internal error
   * @throws NullPointerException if an argument is null
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(args, "args");
    try {
      CommandLine cl = commandLine();
      cl.setOut(out);
      cl.setErr(err);
      return cl.execute(args);
    } catch (RuntimeException | Error e) {
      // picocli hands exceptions of the commands to InternalErrorHandler; this is for the rest.
      boolean debug = InternalErrorHandler.debugFromEnvironment() || Arrays.asList(args).contains("--debug");
      return InternalErrorHandler.report(e, err, debug);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Makes the configured command line: subcommands, exit statuses and error handling. Tests set
   * its out and err and call {@link CommandLine#execute(String...)}.
   */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TwinsCommand());
    cl.setExecutionExceptionHandler(new InternalErrorHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    return cl;
  }

  /** Without a subcommand, prints the synopsis to the error stream: a usage error. */
  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    cl.getErr().println("twins: missing command");
    cl.getErr().print(cl.getHelp().fullSynopsis());
    cl.getErr().println("Try 'twins --help' for more information.");
    return ExitStatus.USAGE;
  }
}
