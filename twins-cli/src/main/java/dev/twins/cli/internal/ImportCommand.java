package dev.twins.cli.internal;

import dev.twins.core.adt.AdtFileError;
import dev.twins.core.adt.AdtFileException;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.model.ModelError;
import dev.twins.core.model.ModelException;
import dev.twins.persistence.GraphFiles;
import dev.twins.persistence.ImportSummary;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twins import --store DIR FILE...}: models and twin graphs into a durable store. */
@Command(
    name = "import",
    sortOptions = false,
    headerHeading = "",
    header = "Import models and twin graphs into a store.",
    descriptionHeading = "%n",
    description = {
      "Adds DTDL model files and directories, and the twins and relationships of ADT bulk-import"
          + " NDJSON and ADT Explorer JSON files (with their embedded models), to the store in DIR"
          + " (created if missing). Models come first, then the data files in order; every write is"
          + " validated and journaled, and the import is durable when the command returns.",
      "",
      "Refused lines are printed as `FILE:LINE: message` on standard error; --stop stops at the"
          + " first (what was imported before it stays)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:everything was imported",
      "1:some lines were refused, the models are invalid, or the store is damaged",
      "2:usage error, a FILE that cannot be read, or a store that is open elsewhere",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
  private String store;

  @Option(names = "--stop", description = "Stop at the first refused line.")
  private boolean stop;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "DTDL files or directories, bulk-import NDJSON,"
      + " Explorer JSON.")
  private List<String> files = new ArrayList<>();

  /** Creates the command; picocli sets its options. */
  public ImportCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> paths = new ArrayList<>();
    if (!StoreOptions.readable(files, paths, err)) return ExitStatus.USAGE;
    TwinStore s = StoreOptions.open(store, false, err);
    if (s == null) return ExitStatus.USAGE;
    try (TwinStore st = s) {
      ImportSummary r = GraphFiles.importFiles(st, paths, stop ? ErrorPolicy.STOP : ErrorPolicy.CONTINUE);
      for (AdtFileError a : r.errors()) err.println(a);
      err.flush();
      out.println("imported " + r.modelsAdded() + " models, " + r.twinsCreated() + " twins, "
          + r.relationshipsCreated() + " relationships into " + store + " (now " + st.twins().twinCount()
          + " twins, " + st.twins().relationCount() + " relationships)");
      out.flush();
      return r.ok() ? ExitStatus.OK : ExitStatus.INVALID;
    } catch (ModelException e) {
      for (ModelError m : e.errors()) err.println(m);
      err.flush();
      return ExitStatus.INVALID;
    } catch (AdtFileException e) {
      for (AdtFileError a : e.errors()) err.println(a);
      err.flush();
      return ExitStatus.INVALID;
    } catch (StoreException e) {
      err.println("twins: " + e.getMessage());
      err.flush();
      return StoreOptions.status(e);
    }
  }
}
