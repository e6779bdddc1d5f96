package dev.twins.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception that escaped a command, which is a bug: one line {@code twins: internal
 * error: ...} on the error stream, the stack trace only with {@code --debug} or the environment
 * variable {@code TWINS_DEBUG}, and status 70.
 */
public final class InternalErrorHandler implements IExecutionExceptionHandler {
  /** The name of the environment variable that turns on stack traces. */
  public static final String DEBUG_VARIABLE = "TWINS_DEBUG";

  /** Creates the handler. */
  public InternalErrorHandler() {}

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    return report(ex, commandLine.getErr(), debugFromEnvironment() || debugOption(parseResult));
  }

  /**
   * Writes the report of an internal error.
   *
   * @param e the exception or error
   * @param err where to write
   * @param debug whether to add the stack trace
   * @return {@link ExitStatus#SOFTWARE}
   */
  public static int report(Throwable e, PrintWriter err, boolean debug) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    err.println("twins: internal error: " + e.getClass().getName() + message);
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("twins: this is a bug; run again with --debug (or " + DEBUG_VARIABLE
          + "=1) for the stack trace");
    }
    err.flush();
    return ExitStatus.SOFTWARE;
  }

  /** @return whether the environment variable {@value #DEBUG_VARIABLE} asks for stack traces */
  public static boolean debugFromEnvironment() {
    String v = System.getenv(DEBUG_VARIABLE);
    if (v == null) return false;
    String s = v.trim().toLowerCase(Locale.ROOT);
    return !s.isEmpty() && !s.equals("0") && !s.equals("false") && !s.equals("no");
  }

  private static boolean debugOption(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) return true;
    }
    return false;
  }
}
