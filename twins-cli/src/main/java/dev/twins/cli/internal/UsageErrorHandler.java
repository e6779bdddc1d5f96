package dev.twins.cli.internal;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error briefly on the error stream: what is wrong, the synopsis of the command,
 * and where to find its help; status 2.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
  /** Creates the handler. */
  public UsageErrorHandler() {}

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.print(cmd.getHelp().fullSynopsis());
    err.println("Try '" + name + " --help' for more information.");
    err.flush();
    return ExitStatus.USAGE;
  }
}
