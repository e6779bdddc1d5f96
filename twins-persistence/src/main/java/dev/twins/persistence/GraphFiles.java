package dev.twins.persistence;

import dev.twins.core.adt.AdtFileException;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.graph.Twins;
import dev.twins.persistence.internal.Exporter;
import dev.twins.persistence.internal.Importer;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Twin graphs in and out of files: DTDL model files, ADT bulk-import NDJSON and ADT Explorer JSON
 * in (streaming, through {@link dev.twins.core.adt.AdtImport}); NDJSON, JSON, DOT and GraphML out.
 *
 * <pre>{@code
 * try (TwinStore store = TwinStore.open(dir)) {
 *   GraphFiles.importFiles(store, List.of(Path.of("models"), Path.of("twins.ndjson")), ErrorPolicy.CONTINUE);
 *   try (Writer out = Files.newBufferedWriter(Path.of("building.dot"))) {
 *     GraphFiles.export(store.twins(), ExportFormat.DOT, out);
 *   }
 * }
 * }</pre>
 */
public final class GraphFiles {
  private GraphFiles() {}

  /**
   * Imports files into a store: first the models (model files, folders of them, and the Models
   * sections of data files), added to the store's; then the twins and relationships of the data
   * files, in file order, as one {@link TwinStore#batch batch}.
   *
   * @param store the store
   * @param paths DTDL model files or folders, bulk-import NDJSON files, ADT Explorer JSON files
   * @param policy go on after a refused record, or stop
   * @return what was imported and refused
   * @throws dev.twins.core.model.ModelException if the models do not parse
   * @throws AdtFileException with {@link ErrorPolicy#STOP}, at the first refused record
   * @throws StoreException if the store failed
   */
  public static ImportSummary importFiles(TwinStore store, List<Path> paths, ErrorPolicy policy) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(policy, "policy");
    return Importer.importFiles(store::models, store::addModels, store::twins, store::batch, List.copyOf(paths), policy);
  }

  /**
   * Writes a graph. Twins come in id order and relationships by source and id, so that the same
   * graph always gives the same bytes. NDJSON and JSON leave out what an import makes anew (ETags
   * and last-update times; source times stay), so export, import and export again give the same
   * bytes.
   *
   * @param twins the graph
   * @param format the format
   * @param out where to write (not closed)
   * @throws java.io.UncheckedIOException if writing fails
   */
  public static void export(Twins twins, ExportFormat format, Writer out) {
    Objects.requireNonNull(twins, "twins");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    Exporter.export(twins, format, out);
  }
}
