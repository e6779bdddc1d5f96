package dev.twins.core.adt;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelException;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelSource;
import dev.twins.core.model.Models;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Loads twin graphs from the files Azure Digital Twins users hold: bulk-import NDJSON, ADT Explorer
 * JSON, and DTDL model files beside them. Every twin and relationship goes through the graph's one
 * write path, so it is validated like any other write; a record the graph refuses is reported with
 * its file and line and the graph's reason (which names the twin and the property).
 *
 * <pre>{@code
 * AdtImport.Result r = AdtImport.load(List.of(Path.of("models/"), Path.of("graph.ndjson")), ErrorPolicy.CONTINUE);
 * r.twins();    // the graph
 * r.errors();   // every refused line
 * }</pre>
 */
public final class AdtImport {
  private AdtImport() {}

  /**
   * What an import did.
   *
   * @param twins the graph
   * @param twinsCreated the twins created from the files
   * @param relationshipsCreated the relationships created
   * @param errors every line that could not be read or that the graph refused, in file order
   */
  public record Result(Twins twins, long twinsCreated, long relationshipsCreated, List<AdtFileError> errors) {
    /** Copies the errors. */
    public Result {
      Objects.requireNonNull(twins, "twins");
      errors = List.copyOf(errors);
    }

    /** @return whether every record was read and applied */
    public boolean ok() {
      return errors.isEmpty();
    }

    @Override
    public String toString() {
      return "AdtImport.Result[" + twins + ", created " + twinsCreated + " twins and " + relationshipsCreated
          + " relationships, errors=" + errors.size() + "]";
    }
  }

  /**
   * Loads files into a new graph with default options: the models of every model file, directory
   * and embedded {@code Models} section (parsed as one model set), then the twins and the
   * relationships of each data file, in order.
   *
   * @param paths DTDL files and directories, bulk-import NDJSON and Explorer JSON files
   * @param policy {@link ErrorPolicy#STOP} to stop at the first bad record, {@link ErrorPolicy#CONTINUE}
   *     to apply every good one and report the rest
   * @return the graph and the report
   * @throws ModelException if the models are invalid
   * @throws AdtFileException if a file cannot be read, or at the first bad record with {@code STOP}
   */
  public static Result load(List<Path> paths, ErrorPolicy policy) {
    return load(paths, policy, UnaryOperator.identity());
  }

  /**
   * Loads files into a new graph with options.
   *
   * @param paths DTDL files and directories, bulk-import NDJSON and Explorer JSON files
   * @param policy what to do with bad records
   * @param options sets the graph's options, e.g. {@code b -> b.cascadeDelete(true)}
   * @return the graph and the report
   * @throws ModelException if the models are invalid
   * @throws AdtFileException if a file cannot be read, or at the first bad record with {@code STOP}
   */
  public static Result load(List<Path> paths, ErrorPolicy policy, UnaryOperator<Twins.Builder> options) {
    List<Path> modelPaths = new ArrayList<>();
    List<Path> dataFiles = new ArrayList<>();
    for (Path p : paths) {
      if (java.nio.file.Files.isDirectory(p) || AdtFiles.detect(p) == AdtFormat.MODELS) modelPaths.add(p);
      else dataFiles.add(p);
    }
    List<ModelSource> sources = new ArrayList<>();
    if (!modelPaths.isEmpty()) {
      dev.twins.core.internal.SourceFiles.Read read = dev.twins.core.internal.SourceFiles.read(modelPaths);
      if (!read.errors().isEmpty()) throw new ModelException(read.errors());
      sources.addAll(read.sources());
    }
    for (Path f : dataFiles) {
      AdtFiles.read(f, new AdtRecordHandler() {
        @Override
        public void models(List<ModelSource> models) {
          sources.addAll(models);
        }
      }, ErrorPolicy.CONTINUE);
    }
    Models models = sources.isEmpty() ? Models.empty() : ModelParser.defaults().parse(sources);
    Twins twins = options.apply(Twins.builder(models)).build();
    long[] counts = new long[2];
    List<AdtFileError> errors = new ArrayList<>();
    for (Path f : dataFiles) {
      Result r = into(twins, f, policy);
      counts[0] += r.twinsCreated();
      counts[1] += r.relationshipsCreated();
      errors.addAll(r.errors());
    }
    return new Result(twins, counts[0], counts[1], errors);
  }

  /**
   * Loads the twins and relationships of one file into an existing graph. The file's embedded
   * models are not loaded: the graph's models must already hold every model its twins use.
   *
   * @param twins the graph
   * @param file a bulk-import NDJSON or Explorer JSON file
   * @param policy what to do with bad records
   * @return the report
   * @throws AdtFileException if the file cannot be read, or at the first bad record with {@code STOP}
   */
  public static Result into(Twins twins, Path file, ErrorPolicy policy) {
    Objects.requireNonNull(twins, "twins");
    List<AdtFileError> errors = new ArrayList<>();
    long[] counts = new long[2];
    String name = file.toString();
    AdtFiles.read(file, new AdtRecordHandler() {
      @Override
      public void twin(TwinRecord twin) {
        try {
          twins.createTwin(twin.json());
          counts[0]++;
        } catch (GraphException e) {
          refuse(new AdtFileError(name, twin.line(), 0, e.getMessage()));
        }
      }

      @Override
      public void relationship(RelationshipRecord r) {
        try {
          twins.createRelation(r.json());
          counts[1]++;
        } catch (GraphException e) {
          refuse(new AdtFileError(name, r.line(), 0, e.getMessage()));
        }
      }

      @Override
      public void error(AdtFileError error) {
        errors.add(error);
      }

      private void refuse(AdtFileError error) {
        errors.add(error);
        if (policy == ErrorPolicy.STOP) throw new AdtFileException(List.copyOf(errors));
      }
    }, policy);
    return new Result(twins, counts[0], counts[1], errors);
  }
}
