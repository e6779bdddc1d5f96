package dev.twins.bench.peers;

import dev.twins.bench.Folders;
import dev.twins.persistence.TwinStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.Configuration;

/**
 * Workload 7, reopen after a crash: the time from opening a store that a killed process left
 * behind to the first correct answer of the scoped threshold query (sensors above 30 °C under the
 * portfolio's first building).
 *
 * <p>For each store kind and size, a child JVM writes the portfolio ({@link PeerPortfolio}, seed
 * {@value PeerBenchmark#SEED}) and is then killed with SIGKILL ({@link Process#destroyForcibly}):
 * nothing is closed, flushed or snapshotted on the way out. Each run then copies the dead
 * process's files to a new directory (not timed) and starts a new child JVM on them, which times
 * the open (with whatever recovery it does) and the first query, prints both and its answer, then
 * checks the reopened engine against the portfolio ({@link Engines#check}: counts, sampled reads,
 * the query from every building and sampled floors and air handlers). The parent checks each
 * answer against the portfolio's. Lines {@code # reopen engine=... twins=...: ...} go to standard
 * output for {@code peers_summary.py}: wall-clock time of the open and the first query, the time
 * since the JVM's start, and the CPU time the whole JVM used for the open and the first query
 * (which a loaded machine inflates far less).
 *
 * <ul>
 *   <li>{@code twins}, {@code twins-query}: a {@link TwinStore} with its default settings (journal
 *       fsynced on every write, background snapshots every 1,000,000 records), written in one
 *       {@link TwinStore#batch}; the writer waits for a running background snapshot to end before it
 *       is killed, so every run recovers the same files. Reopen: {@code TwinStore.open} (newest
 *       snapshot plus the journal after it), then the query by hand ({@code twins}) or in the query
 *       language ({@code twins-query}, whose engine is made as part of the open);
 *   <li>{@code neo4j}, {@code cypher}: Neo4j embedded, loaded through its core API in transactions
 *       of 10,000 writes and killed after the last commit (no checkpoint on shutdown). Reopen: the
 *       database management service (Neo4j recovers from its transaction log as it starts), then
 *       the query through the core API ({@code neo4j}) or Cypher ({@code cypher});
 *   <li>{@code tinkergraph}: TinkerGraph keeps nothing across a crash: with a
 *       {@code graphLocation} it writes its whole graph to a file on {@code close()} and only then.
 *       Its writer loads the graph, closes it (so a Gryo file is written) and is then killed; its
 *       "reopen" is {@code TinkerGraph.open} reading that file back, a reload of an export rather
 *       than a recovery.
 * </ul>
 *
 * <p>The files lie where Neo4j's do in the other benchmarks ({@link Neo4jEngine#parent()}:
 * {@code /dev/shm} unless {@code -Dtwins.bench.neo4j.dir}); after a process crash they are in the
 * OS's page cache anyway. Each child gets the parent's JVM options (heap, Neo4j's opens), and the
 * opening of {@code java.util.concurrent.atomic} that TinkerGraph's Gryo writer needs.
 *
 * <pre>
 * java -Xmx8g [Neo4j's --add-opens] -cp twins-bench/target/benchmarks.jar dev.twins.bench.peers.ReopenAfterCrash \
 *     [--twins 100000,1000000] [--engines twins,twins-query,neo4j,cypher,tinkergraph] [--runs 3]
 * </pre>
 */
public final class ReopenAfterCrash {
  /** The engines this workload knows, Twins first. */
  public static final List<String> ENGINES = List.of("twins", "twins-query", "neo4j", "cypher", "tinkergraph");

  private static final String READY = "ready";
  private static final String ANSWER = "answer ";

  private ReopenAfterCrash() {}

  /**
   * Runs the workload, or one of its child processes.
   *
   * @param args {@code [--twins N,M] [--engines a,b] [--runs R]}, or (children)
   *     {@code write KIND TWINS DIR} and {@code open ENGINE TWINS DIR START}
   * @throws Exception if a child fails or an answer is wrong
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("write")) {
      write(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
      return;
    }
    if (args.length > 0 && args[0].equals("open")) {
      open(args[1], Integer.parseInt(args[2]), Path.of(args[3]), args[4]);
      return;
    }
    List<Integer> sizes = List.of(100_000, 1_000_000);
    List<String> engines = ENGINES;
    int runs = 3;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--twins" -> sizes = Arrays.stream(args[++k].split(",")).map(Integer::valueOf).toList();
        case "--engines" -> engines = List.of(args[++k].split(","));
        case "--runs" -> runs = Integer.parseInt(args[++k]);
        default -> throw new IllegalArgumentException(
            "unknown option " + args[k] + " (expected --twins N,M, --engines a,b, --runs R)");
      }
    }
    for (String e : engines) {
      if (!ENGINES.contains(e)) throw new IllegalArgumentException("unknown engine '" + e + "', expected one of " + ENGINES);
    }
    for (int twins : sizes) run(twins, engines, runs);
  }

  /** The kind of store (and writer) an engine reopens. */
  static String kind(String engine) {
    switch (engine) {
      case "twins", "twins-query": return "twins";
      case "neo4j", "cypher": return "neo4j";
      default: return engine;
    }
  }

  private static void run(int twins, List<String> engines, int runs) throws Exception {
    PeerPortfolio p = PeerPortfolio.generate(twins, PeerBenchmark.SEED);
    int start = p.indexesOf(PeerPortfolio.Kind.BUILDING)[0];
    List<String> expected = p.hotSensors(start, Scope.BUILDING, Engines.THRESHOLD);
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (String e : engines) byKind.computeIfAbsent(kind(e), k -> new ArrayList<>()).add(e);
    for (Map.Entry<String, List<String>> kind : byKind.entrySet()) {
      Path written = Files.createTempDirectory(Neo4jEngine.parent(), "twins-bench-crashed-" + kind.getKey());
      try {
        long t0 = System.nanoTime();
        List<String> ready = child(List.of("write", kind.getKey(), Integer.toString(twins), written.toString()), true);
        System.out.printf(Locale.ROOT, "# crashed kind=%s twins=%d: killed after writing for %.1f s; %s; %.1f MB of files%n",
            kind.getKey(), twins, (System.nanoTime() - t0) / 1e9, ready.get(ready.size() - 1), Folders.bytes(written) / 1e6);
        for (String engine : kind.getValue()) {
          for (int r = 0; r < runs; r++) {
            Path copy = Files.createTempDirectory(Neo4jEngine.parent(), "twins-bench-reopen-" + engine);
            try {
              copy(written, copy);
              List<String> out = child(List.of("open", engine, Integer.toString(twins), copy.toString(), p.id(start)), false);
              List<String> answer = out.stream().filter(l -> l.startsWith(ANSWER)).findFirst()
                  .map(l -> sorted(l.substring(ANSWER.length()))).orElseThrow(
                      () -> new IllegalStateException(engine + " printed no answer"));
              if (!answer.equals(expected)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s reopened at %d twins answers the building query from %s with %s, expected %s", engine, twins,
                    p.id(start), answer, expected));
              }
            } finally {
              Folders.delete(copy);
            }
          }
        }
      } finally {
        Folders.delete(written);
      }
    }
  }

  private static List<String> sorted(String ids) {
    List<String> out = new ArrayList<>(ids.isEmpty() ? List.of() : List.of(ids.split(",")));
    out.sort(null);
    return out;
  }

  /**
   * Starts a child JVM with this one's options and class path, echoes its output and collects its
   * lines; a writer is killed (SIGKILL) once it prints {@value #READY}, any other child must exit
   * normally.
   */
  private static List<String> child(List<String> args, boolean killWhenReady) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    // TinkerGraph's Gryo writer reaches into AtomicLong
    command.add("--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ReopenAfterCrash.class.getName());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        if (!line.startsWith(ANSWER)) System.out.println(line);
        if (killWhenReady && line.startsWith(READY)) {
          process.destroyForcibly();
          int code = process.waitFor();
          System.out.println("# writer killed: exit code " + code + (code == 137 ? " (SIGKILL)" : ""));
          return lines;
        }
      }
    }
    int code = process.waitFor();
    if (code != 0 || killWhenReady) {
      throw new IllegalStateException("child " + args + " exited with " + code + (killWhenReady ? " before it was ready" : ""));
    }
    return lines;
  }

  // ---- the writer child ----

  private static void write(String kind, int twins, Path dir) throws InterruptedException, IOException {
    PeerPortfolio p = PeerPortfolio.generate(twins, PeerBenchmark.SEED);
    String done;
    switch (kind) {
      case "twins" -> {
        TwinStore store = TwinStore.builder(dir).models(PeerPortfolio.models()).open();
        store.batch(() -> TwinsEngine.loadInto(store.twins(), p));
        awaitSnapshots(dir);
        done = "Twins store " + store.fileStats();
      }
      case "neo4j" -> {
        Neo4jEngine e = new Neo4jEngine(dir);
        e.load(p);
        done = "Neo4j database";
      }
      case "tinkergraph" -> {
        TinkerGraphEngine e = new TinkerGraphEngine(tinkerGraphFile(dir));
        e.load(p);
        e.graph.close();
        done = "TinkerGraph closed, its Gryo file written";
      }
      default -> throw new IllegalArgumentException("unknown store kind " + kind);
    }
    System.out.println(READY + ": " + done);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Waits until no snapshot file has been in the making for a second. */
  private static void awaitSnapshots(Path dir) throws InterruptedException, IOException {
    int quiet = 0;
    while (quiet < 10) {
      Thread.sleep(100);
      try (Stream<Path> files = Files.list(dir)) {
        quiet = files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")) ? 0 : quiet + 1;
      }
    }
  }

  static Configuration tinkerGraphFile(Path dir) {
    Configuration c = new BaseConfiguration();
    c.setProperty("gremlin.tinkergraph.graphLocation", dir.resolve("graph.kryo").toString());
    c.setProperty("gremlin.tinkergraph.graphFormat", "gryo");
    return c;
  }

  // ---- the reopening child ----

  private static void open(String engine, int twins, Path dir, String startId) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    TwinStore store = null;
    Engine e;
    switch (engine) {
      case "twins" -> {
        store = TwinStore.open(dir);
        e = new TwinsEngine(store.twins());
      }
      case "twins-query" -> {
        store = TwinStore.open(dir);
        e = new TwinsQueryEngine(store.twins());
      }
      case "neo4j" -> e = new Neo4jEngine(dir);
      case "cypher" -> e = new CypherEngine(dir);
      case "tinkergraph" -> e = new TinkerGraphEngine(tinkerGraphFile(dir));
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    }
    long t1 = System.nanoTime();
    List<String> answer = e.hotSensors(startId, Scope.BUILDING, Engines.THRESHOLD);
    long t2 = System.nanoTime();
    long cpu2 = os.getProcessCpuTime();
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.println(ANSWER + String.join(",", answer));
    System.out.printf(Locale.ROOT,
        "# reopen engine=%s twins=%d: total %.1f ms (open %.1f ms, first query %.1f ms, %d sensors); "
            + "since the JVM's start %d ms (%d before main); CPU %.0f ms (the whole JVM, open and first query)%s%n",
        engine, twins, (t2 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6, answer.size(), uptime, sinceStart,
        (cpu2 - cpu0) / 1e6,
        store == null ? "" : "; " + store.recovery());
    PeerPortfolio p = PeerPortfolio.generate(twins, PeerBenchmark.SEED);
    int scopes = Engines.check(e, p, 100);
    System.out.println("# reopened " + engine + " gives the portfolio's answers: " + scopes + " scopes, " + p);
    if (store != null) store.close();
    e.close();
  }

  // ---- files ----

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
