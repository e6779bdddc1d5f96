package dev.twins.cli.internal;

import dev.twins.core.telemetry.DeadLetter;
import dev.twins.core.telemetry.IngestReport;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twins ingest --store DIR FILE...}: telemetry files into a store. */
@Command(
    name = "ingest",
    sortOptions = false,
    headerHeading = "",
    header = "Ingest telemetry files into a store.",
    descriptionHeading = "%n",
    description = {
      "Ingests telemetry messages from NDJSON files (one message per line:"
          + " {\"twinId\":…,\"sourceTime\":…,\"values\":{…},\"messageId\":…}) and CSV files (*.csv) into"
          + " the store in DIR. Every accepted message is journaled; the ingest is durable when the"
          + " command returns.",
      "",
      "Rejected messages are printed as `FILE:LINE: reason` on standard error."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every message was accepted (duplicates and late ones included)",
      "1:some messages were rejected, or the store is damaged",
      "2:usage error, a FILE that cannot be read, or a store that is open elsewhere",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class IngestCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
  private String store;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Telemetry NDJSON or CSV files.")
  private List<String> files = new ArrayList<>();

  /** Creates the command; picocli sets its options. */
  public IngestCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> paths = new ArrayList<>();
    if (!StoreOptions.readable(files, paths, err)) return ExitStatus.USAGE;
    TwinStore s = StoreOptions.open(store, true, err);
    if (s == null) return ExitStatus.USAGE;
    int status = ExitStatus.OK;
    try (TwinStore st = s) {
      for (Path p : paths) {
        IngestReport[] report = new IngestReport[1];
        boolean csv = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        st.batch(() -> report[0] = csv ? st.telemetry().ingestCsv(p) : st.telemetry().ingestNdjson(p));
        for (DeadLetter d : report[0].rejections()) err.println(p + ": " + d);
        if (report[0].rejected() > report[0].rejections().size()) {
          err.println(p + ": " + (report[0].rejected() - report[0].rejections().size()) + " more rejected");
        }
        out.println(report[0]);
        if (report[0].rejected() > 0) status = ExitStatus.INVALID;
      }
      return status;
    } catch (UncheckedIOException e) {
      err.println("twins ingest: " + e.getMessage());
      return ExitStatus.USAGE;
    } catch (StoreException e) {
      err.println("twins: " + e.getMessage());
      return StoreOptions.status(e);
    }
  }
}
