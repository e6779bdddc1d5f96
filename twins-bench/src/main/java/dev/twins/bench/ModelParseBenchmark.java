package dev.twins.bench;

import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelSource;
import dev.twins.core.model.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long {@link ModelParser} takes to parse, validate and resolve a real ontology as one model
 * set: the Willow building ontology (3,700 DTDL v3 files, about 2 MB of JSON) and, for
 * comparison, RealEstateCore building v3 (767 files).
 *
 * <p>{@link #parseFromMemory} is the headline figure: the texts are read once in {@link #setUp},
 * so it measures the parser alone. {@link #parseFromDisk} adds walking the directory and reading
 * the files (from the page cache after the first iteration).
 *
 * <p>The ontologies are read from {@code <shared>/ontologies/<ontology>}, where {@code <shared>}
 * is the {@code sharedDir} parameter ({@code -p sharedDir=...}), else the system property
 * {@code twins.shared.dir}, else the {@code shared} folder beside the repository that holds this
 * module. See BENCHMARKS.md at the repository root for the commands and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class ModelParseBenchmark {
  /** The system property naming the shared data folder (the one beside the repository). */
  public static final String SHARED_DIR_PROPERTY = "twins.shared.dir";

  /** The ontology folder below {@code <shared>/ontologies}. */
  @Param({"willow-building", "rec-building-v3"})
  public String ontology;

  /** The shared data folder; empty for the system property or the default. */
  @Param({""})
  public String sharedDir;

  private Path dir;
  private List<ModelSource> sources;
  private int interfaces;

  /** Creates the benchmark state; JMH calls it. */
  public ModelParseBenchmark() {}

  /**
   * Finds the ontology, reads its texts for {@link #parseFromMemory}, and parses them once so
   * that a failing parser stops the run before any measurement.
   *
   * @throws IllegalStateException if the shared folder or the ontology is missing
   */
  @Setup(Level.Trial)
  public void setUp() {
    dir = ontologyDir(sharedDir, ontology);
    sources = readSources(dir);
    interfaces = ModelParser.defaults().parse(sources).size();
    if (interfaces < sources.size()) {
      throw new IllegalStateException(
          dir + ": " + sources.size() + " files gave only " + interfaces + " Interfaces");
    }
  }

  /**
   * Parses the ontology's texts, already in memory.
   *
   * @return the model set, consumed by JMH so that the work is not optimised away
   */
  @Benchmark
  public Models parseFromMemory() {
    return ModelParser.defaults().parse(sources);
  }

  /**
   * Reads the ontology's directory and parses it.
   *
   * @return the model set, consumed by JMH so that the work is not optimised away
   */
  @Benchmark
  public Models parseFromDisk() {
    return ModelParser.defaults().parsePaths(List.of(dir));
  }

  /** Prints what was parsed, once per fork, so that a run's log shows the size of the work. */
  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.println();
    System.out.println(
        "# " + ontology + ": " + sources.size() + " files, " + interfaces + " Interfaces, from " + dir);
  }

  /**
   * Resolves {@code <shared>/ontologies/<ontology>}.
   *
   * @param sharedDir the shared folder, or empty for the system property or the default
   * @param ontology the ontology folder name
   * @return the ontology folder
   * @throws IllegalStateException if it does not exist, naming the folders tried
   */
  static Path ontologyDir(String sharedDir, String ontology) {
    List<Path> tried = new ArrayList<>();
    if (!sharedDir.isEmpty()) {
      tried.add(Path.of(sharedDir));
    } else if (System.getProperty(SHARED_DIR_PROPERTY) != null) {
      tried.add(Path.of(System.getProperty(SHARED_DIR_PROPERTY)));
    } else {
      repositoryRoot().ifPresent(repo -> tried.add(repo.resolveSibling("shared")));
      tried.add(Path.of("..", "shared"));
    }
    for (Path shared : tried) {
      Path d = shared.resolve("ontologies").resolve(ontology).toAbsolutePath().normalize();
      if (Files.isDirectory(d)) return d;
    }
    throw new IllegalStateException(
        "ontology '" + ontology + "' not found: no directory ontologies/" + ontology + " in "
            + tried.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(" or "))
            + ". Give the shared data folder with -p sharedDir=/path/to/shared or"
            + " -jvmArgsAppend -D" + SHARED_DIR_PROPERTY + "=/path/to/shared");
  }

  /**
   * Finds the repository from where this class was loaded: {@code <repo>/twins-bench/target/}
   * holds both {@code classes/} and {@code benchmarks.jar}.
   */
  private static Optional<Path> repositoryRoot() {
    try {
      Path p = Path.of(ModelParseBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (int i = 0; i < 3 && p != null; i++) p = p.getParent();
      return Optional.ofNullable(p);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads every {@code .json} file below a folder, in path order, as the parser's own file
   * reading would.
   */
  static List<ModelSource> readSources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      List<ModelSource> out = new ArrayList<>();
      for (Path f : files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
        out.add(new ModelSource(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
      }
      if (out.isEmpty()) throw new IllegalStateException(dir + " holds no .json file");
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}
