package dev.twins.cli.internal;

import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryException;
import dev.twins.query.QueryResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twins query --store DIR QUERY}: an ADT query over the graph of a store. */
@Command(
    name = "query",
    sortOptions = false,
    headerHeading = "",
    header = "Run a query on the graph of a store.",
    descriptionHeading = "%n",
    description = {
      "Runs an Azure Digital Twins query (SELECT … FROM DIGITALTWINS …) on the graph of the store"
          + " in DIR and prints the rows as a table, or with --json one JSON object per line."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:the query is invalid, or the store is damaged",
      "2:usage error, no such store, or a store that is open elsewhere",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class QueryCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
  private String store;

  @Option(names = "--json", description = "Write one JSON object per row.")
  private boolean json;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query text.")
  private String query;

  /** Creates the command; picocli sets its options. */
  public QueryCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TwinStore s = StoreOptions.open(store, true, err);
    if (s == null) return ExitStatus.USAGE;
    try (TwinStore st = s) {
      QueryResult r = QueryEngine.of(st.twins()).query(query);
      if (json) {
        String lines = r.toJsonLines();
        out.print(lines);
        if (!lines.isEmpty() && !lines.endsWith("\n")) out.println();
      } else {
        out.println(r);
      }
      out.flush();
      return ExitStatus.OK;
    } catch (QueryException e) {
      err.println("twins query: " + e.getMessage());
      return ExitStatus.INVALID;
    } catch (StoreException e) {
      err.println("twins: " + e.getMessage());
      return StoreOptions.status(e);
    }
  }
}
