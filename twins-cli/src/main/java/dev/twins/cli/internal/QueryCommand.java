package dev.twins.cli.internal;

import dev.twins.core.adt.AdtImport;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryException;
import dev.twins.query.QueryResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code twins query}: runs one query over the graph of a store ({@code --store DIR}) or over model
 * and twin graph files loaded in memory ({@code --load FILE...}).
 */
@Command(
    name = "query",
    sortOptions = false,
    headerHeading = "",
    header = "Run a query over a store or over twin graph files.",
    descriptionHeading = "%n",
    description = {
      "Runs QUERY over the graph of the store in DIR (--store), or loads DTDL model files and"
          + " directories, ADT bulk-import NDJSON files and ADT Explorer JSON files into one twin"
          + " graph in memory (--load) and runs QUERY over it, in the query language of Azure"
          + " Digital Twins with its extensions (ORDER BY, GROUP BY, aggregates, OPTIONAL, EXISTS,"
          + " EXPLAIN, ...).",
      "",
      "Output: a table (default); with --json one JSON object per row, one per line, in ADT's row"
          + " shape (SELECT COUNT() gives {\"COUNT\": N}); with --csv a header and one line per row.",
      "Lines the graph refuses are printed as `FILE:LINE: message` on standard error and left out."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the query ran",
      "1:a syntax or validation error in the query, a limit exceeded, invalid models, or a damaged store",
      "2:usage error, a FILE that does not exist or cannot be read, no such store, or a store open elsewhere",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class QueryCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @ArgGroup(exclusive = true)
  private Format format = new Format();

  /** The output format options. */
  static final class Format {
    @Option(names = "--json", description = "One JSON object per row, one per line.")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line.")
    boolean csv;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source = new Source();

  /** Where the graph comes from: a store or files. */
  static final class Source {
    @Option(names = "--store", paramLabel = "DIR", description = "The store directory.")
    String store;

    @Option(names = "--load", arity = "1", paramLabel = "FILE",
        description = "A DTDL file or directory, bulk-import NDJSON or Explorer JSON; repeat for several.")
    List<String> files = new ArrayList<>();
  }

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. \"SELECT COUNT() FROM DIGITALTWINS\".")
  private String query;

  /** Creates the command; picocli sets its options. */
  public QueryCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (source.store != null) return queryStore(out, err);
    int[] status = new int[1];
    AdtImport.Result result = StoreOptions.load(source.files, err, status);
    if (result == null) return status[0];
    try {
      print(QueryEngine.of(result.twins()).query(query), out);
      return ExitStatus.OK;
    } catch (QueryException e) {
      err.println("twins query: " + e.getMessage());
      err.flush();
      return ExitStatus.INVALID;
    }
  }

  private int queryStore(PrintWriter out, PrintWriter err) {
    TwinStore s = StoreOptions.open(source.store, true, err);
    if (s == null) return ExitStatus.USAGE;
    try (TwinStore st = s) {
      QueryEngine.Builder engine = QueryEngine.builder(st.twins());
      st.propertyHistory().ifPresent(engine::history); // PROPERTY_AT over the history the store keeps
      print(engine.build().query(query), out);
      return ExitStatus.OK;
    } catch (QueryException e) {
      err.println("twins query: " + e.getMessage());
      err.flush();
      return ExitStatus.INVALID;
    } catch (StoreException e) {
      err.println("twins: " + e.getMessage());
      err.flush();
      return StoreOptions.status(e);
    }
  }

  private void print(QueryResult rows, PrintWriter out) {
    if (format.json) {
      String lines = rows.toJsonLines();
      out.print(lines);
      if (!lines.isEmpty() && !lines.endsWith("\n")) out.println();
    } else if (format.csv) {
      out.print(rows.toCsv());
    } else {
      out.println(rows.table(Integer.MAX_VALUE));
    }
    out.flush();
  }
}
