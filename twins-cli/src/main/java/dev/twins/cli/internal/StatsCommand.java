package dev.twins.cli.internal;

import dev.twins.core.adt.AdtImport;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code twins stats}: loads models and twin graph files in memory (or opens a store) and counts what
 * is in them.
 */
@Command(
    name = "stats",
    sortOptions = false,
    headerHeading = "",
    header = "Count the twins and relationships of graph files or of a store.",
    descriptionHeading = "%n",
    description = {
      "Loads DTDL model files and directories, ADT bulk-import NDJSON files and ADT Explorer JSON"
          + " files into one twin graph in memory (every twin and relationship validated against"
          + " the models, embedded ones included) and prints the number of models, twins and"
          + " relationships, twins per model and relationships per name.",
      "",
      "With --store DIR, counts the graph of that store instead, and shows its journal,"
          + " snapshots and what opening it recovered.",
      "",
      "Lines the graph refuses are printed as `FILE:LINE: message` on standard error; the counts"
          + " are those of what loaded.",
      "With --json, one JSON object: {\"models\": K, \"twins\": N, \"relationships\": M,"
          + " \"twinsByModel\": {...}, \"relationshipsByName\": {...}, \"errors\": E}."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:everything loaded",
      "1:some lines were refused, or the models are invalid",
      "2:usage error, or a FILE that does not exist or cannot be read",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class StatsCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--json", description = "Write the counts as one JSON object.")
  private boolean json;

  @Option(names = "--store", paramLabel = "DIR", description = "Count the graph of the store in DIR instead of"
      + " files (and show its journal and snapshots).")
  private String store;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "DTDL files or directories, bulk-import NDJSON,"
      + " Explorer JSON.")
  private List<String> files = new ArrayList<>();

  /** Creates the command; picocli sets its options. */
  public StatsCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((store == null) == files.isEmpty()) {
      err.println("twins stats: give either FILEs or --store DIR");
      return ExitStatus.USAGE;
    }
    if (store != null) return storeStats(out, err);
    int[] status = new int[1];
    AdtImport.Result result = StoreOptions.load(files, err, status);
    if (result == null) return status[0];
    print(out, result.twins(), result.errors().size(), Map.of());
    return result.errors().isEmpty() ? ExitStatus.OK : ExitStatus.INVALID;
  }

  private int storeStats(PrintWriter out, PrintWriter err) {
    TwinStore s = StoreOptions.open(store, true, err);
    if (s == null) return ExitStatus.USAGE;
    try (TwinStore st = s) {
      Map<String, Object> files = new java.util.LinkedHashMap<>(st.fileStats());
      files.put("recovery", st.recovery().toString());
      print(out, st.twins(), 0, files);
      return ExitStatus.OK;
    } catch (StoreException e) {
      err.println("twins: " + e.getMessage());
      return StoreOptions.status(e);
    }
  }

  private void print(PrintWriter out, Twins twins, int errors, Map<String, Object> storeFiles) {
    Map<String, Integer> byModel = new TreeMap<>();
    Map<String, Integer> byName = new TreeMap<>();
    for (Twin t : twins.twins()) {
      byModel.merge(t.model().value(), 1, Integer::sum);
      for (Relation r : twins.outgoing(t.id())) byName.merge(r.name(), 1, Integer::sum);
    }
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("models", twins.models().size());
      o.put("twins", twins.twinCount());
      o.put("relationships", twins.relationCount());
      ObjectNode m = o.putObject("twinsByModel");
      byModel.forEach(m::put);
      ObjectNode n = o.putObject("relationshipsByName");
      byName.forEach(n::put);
      o.put("errors", errors);
      if (!storeFiles.isEmpty()) {
        ObjectNode f = o.putObject("store");
        storeFiles.forEach((k, v) -> f.set(k, JSON.valueToTree(v)));
      }
      out.println(JSON.writeValueAsString(o));
    } else {
      out.println("models         " + twins.models().size());
      out.println("twins          " + twins.twinCount());
      out.println("relationships  " + twins.relationCount());
      if (!byModel.isEmpty()) out.println();
      byModel.forEach((k, v) -> out.printf("%8d  %s%n", v, k));
      if (!byName.isEmpty()) out.println();
      byName.forEach((k, v) -> out.printf("%8d  %s%n", v, k));
      if (errors > 0) out.println(errors + " lines refused (see standard error)");
      if (!storeFiles.isEmpty()) out.println();
      storeFiles.forEach((k, v) -> out.printf("%-16s %s%n", k, v));
    }
    out.flush();
  }
}
