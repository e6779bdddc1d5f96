package dev.twins.cli.internal;

import dev.twins.persistence.ExportFormat;
import dev.twins.persistence.GraphFiles;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code twins export --store DIR --format F}: a store's graph as NDJSON, JSON, DOT or GraphML. */
@Command(
    name = "export",
    sortOptions = false,
    headerHeading = "",
    header = "Export the graph of a store.",
    descriptionHeading = "%n",
    description = {
      "Writes the models, twins and relationships of the store in DIR to standard output (or"
          + " --output FILE): ndjson (ADT bulk import), json (ADT Explorer), dot (Graphviz) or"
          + " graphml. Twins come in id order, so the same graph gives the same bytes; ndjson and"
          + " json leave out ETags and last-update times, which an import makes anew."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:the store is damaged",
      "2:usage error, no such store, a store open elsewhere, or an output that cannot be written",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
  private String store;

  @Option(names = "--format", defaultValue = "ndjson", paramLabel = "FORMAT",
      description = "ndjson, json, dot or graphml (default ${DEFAULT-VALUE}).")
  private String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  private String output;

  /** Creates the command; picocli sets its options. */
  public ExportCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExportFormat f;
    switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "ndjson":
        f = ExportFormat.NDJSON;
        break;
      case "json":
        f = ExportFormat.JSON;
        break;
      case "dot":
        f = ExportFormat.DOT;
        break;
      case "graphml":
        f = ExportFormat.GRAPHML;
        break;
      default:
        err.println("twins export: unknown --format '" + format + "' (expected ndjson, json, dot or graphml)");
        return ExitStatus.USAGE;
    }
    TwinStore s = StoreOptions.open(store, true, err);
    if (s == null) return ExitStatus.USAGE;
    try (TwinStore st = s) {
      if (output == null) {
        GraphFiles.export(st.twins(), f, out);
        out.flush();
      } else {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(output)),
            StandardCharsets.UTF_8))) {
          GraphFiles.export(st.twins(), f, w);
        }
      }
      return ExitStatus.OK;
    } catch (IOException | UncheckedIOException e) {
      err.println("twins export: cannot write " + (output == null ? "the output" : output) + ": " + e.getMessage());
      return ExitStatus.USAGE;
    } catch (StoreException e) {
      err.println("twins: " + e.getMessage());
      return StoreOptions.status(e);
    }
  }
}
