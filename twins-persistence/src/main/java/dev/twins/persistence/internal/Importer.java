package dev.twins.persistence.internal;

import dev.twins.core.adt.AdtFileError;
import dev.twins.core.adt.AdtFiles;
import dev.twins.core.adt.AdtFormat;
import dev.twins.core.adt.AdtImport;
import dev.twins.core.adt.AdtRecordHandler;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Interface;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelSource;
import dev.twins.core.model.ModelWriter;
import dev.twins.core.model.Models;
import dev.twins.persistence.ImportSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Imports model and ADT files into a store (see {@code GraphFiles.importFiles}). */
public final class Importer {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Importer() {}

  /**
   * Imports files.
   *
   * @param storedModels the store's models
   * @param addModels adds models to the store, returning the graph
   * @param graph the store's current graph
   * @param batch runs writes as one batch
   * @param paths the files
   * @param policy the error policy
   * @return the summary
   */
  public static ImportSummary importFiles(Supplier<Models> storedModels, Function<Models, Twins> addModels,
      Supplier<Twins> graph, Consumer<Runnable> batch, List<Path> paths, ErrorPolicy policy) {
    List<ModelSource> sources = new ArrayList<>();
    List<Path> dataFiles = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        sources.addAll(modelFilesIn(p));
      } else if (AdtFiles.detect(p) == AdtFormat.MODELS) {
        sources.add(read(p));
      } else {
        dataFiles.add(p);
      }
    }
    for (Path f : dataFiles) {
      AdtFiles.read(f, new AdtRecordHandler() {
        @Override
        public void models(List<ModelSource> models) {
          sources.addAll(models);
        }
      }, ErrorPolicy.CONTINUE);
    }
    int added = 0;
    if (!sources.isEmpty()) {
      Models stored = storedModels.get();
      Models parsed = parseWith(stored, sources);
      Set<Interface> before = new HashSet<>(stored.interfaces());
      for (Interface i : parsed.interfaces()) if (!before.contains(i)) added++;
      if (added > 0) addModels.apply(parsed);
    }
    long[] counts = new long[2];
    List<AdtFileError> errors = new ArrayList<>();
    Twins twins = graph.get();
    batch.accept(() -> {
      for (Path f : dataFiles) {
        AdtImport.Result r = AdtImport.into(twins, f, policy);
        counts[0] += r.twinsCreated();
        counts[1] += r.relationshipsCreated();
        errors.addAll(r.errors());
      }
    });
    return new ImportSummary(added, counts[0], counts[1], errors);
  }

  /**
   * Parses new model sources together with the stored models they may extend; a stored model that
   * a source defines again is taken from the source (and must be the same).
   */
  private static Models parseWith(Models stored, List<ModelSource> sources) {
    Set<String> defined = new HashSet<>();
    for (ModelSource s : sources) collectIds(s, defined);
    List<ModelSource> all = new ArrayList<>();
    for (Interface i : stored.interfaces()) {
      if (!defined.contains(i.id().value())) all.add(new ModelSource("stored model " + i.id(), ModelWriter.toJson(i)));
    }
    all.addAll(sources);
    return ModelParser.defaults().parse(all);
  }

  private static void collectIds(ModelSource s, Set<String> ids) {
    JsonNode n;
    try {
      n = JSON.readTree(s.text());
    } catch (RuntimeException e) {
      return; // the parser reports it with its position
    }
    if (n.isArray()) {
      for (JsonNode e : n) if (e.has("@id")) ids.add(e.get("@id").asString());
    } else if (n.has("@id")) {
      ids.add(n.get("@id").asString());
    }
  }

  private static ModelSource read(Path p) {
    try {
      return new ModelSource(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    }
  }

  private static List<ModelSource> modelFilesIn(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().map(Importer::read)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
