package dev.twins.cli;

import static dev.twins.cli.Run.twins;
import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.cli.internal.ExitStatus;
import dev.twins.cli.internal.InternalErrorHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class TwinsCommandTest {

  @Test
  void helpListsTheCommandsAndExitStatuses() {
    Run run = twins("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: twins", "validate", "Exit status:", "70");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpSubcommandShowsTheHelpOfAnotherCommand() {
    Run run = twins("help", "validate");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: twins validate", "--each");
  }

  @Test
  void versionNamesTwinsAndJava() {
    Run run = twins("--version");

    assertThat(run.status()).isZero();
    assertThat(run.outLines().get(0)).matches("twins \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run.out()).contains("Java " + Runtime.version());
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = twins();

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("missing command", "Usage: twins");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run run = twins("frobnicate");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("frobnicate");
  }

  @Test
  void debugIsAcceptedAfterTheSubcommand(@TempDir Path dir) {
    Dtdl.write(dir, "space.json", Dtdl.SPACE);

    Run run = twins("validate", "--debug", dir.toString());

    assertThat(run.status()).as(run.toString()).isZero();
  }

  @Test
  void executeWritesToTheGivenStreams(@TempDir Path dir) {
    Dtdl.write(dir, "space.json", Dtdl.SPACE);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status = TwinsCommand.execute(new PrintWriter(out), new PrintWriter(err), "validate",
        dir.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("OK ");
  }

  /** A command that fails the way a bug would. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Option(names = "--debug")
    boolean debug;

    @Override
    public Integer call() {
      throw new IllegalStateException("kaput");
    }
  }

  private static Run runBoom(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Boom());
    cl.setExecutionExceptionHandler(new InternalErrorHandler());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void internalErrorIsOneLineAndStatus70WithoutStackTrace() {
    Run run = runBoom();

    assertThat(run.status()).isEqualTo(ExitStatus.SOFTWARE).isEqualTo(70);
    assertThat(run.err())
        .startsWith("twins: internal error: java.lang.IllegalStateException: kaput")
        .contains("--debug")
        .doesNotContain("\tat ");
  }

  @Test
  void internalErrorShowsTheStackTraceWithDebug() {
    Run run = runBoom("--debug");

    assertThat(run.status()).isEqualTo(70);
    assertThat(run.err()).contains("kaput").contains("\tat ").contains(Boom.class.getName() + ".call(");
  }

  @Test
  void worstStatusWins() {
    assertThat(ExitStatus.worst(0, 1)).isEqualTo(1);
    assertThat(ExitStatus.worst(2, 1)).isEqualTo(2);
    assertThat(ExitStatus.worst(1, 2)).isEqualTo(2);
    assertThat(ExitStatus.worst(70, 2)).isEqualTo(70);
    assertThat(ExitStatus.worst(0, 0)).isZero();
  }
}
