package dev.twins.core.adt;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a twin graph in the files of Azure Digital Twins: bulk-import NDJSON or ADT Explorer JSON,
 * with its models, twins (sorted by id) and relationships (sorted by source and id). What
 * {@link AdtImport} reads back is the same graph.
 */
public final class AdtExport {
  private AdtExport() {}

  /**
   * Writes the graph as bulk-import NDJSON (Header, Models, Twins, Relationships), streaming.
   *
   * @param twins the graph
   * @param out where to write; closed when done
   */
  public static void bulkImport(Twins twins, Writer out) {
    write(twins, AdtFiles.bulkImportWriter(out));
  }

  /**
   * Writes the graph as ADT Explorer JSON.
   *
   * @param twins the graph
   * @param out where to write; closed when done
   * @param pretty whether to indent
   */
  public static void explorer(Twins twins, Writer out, boolean pretty) {
    write(twins, AdtFiles.explorerWriter(out, pretty));
  }

  private static void write(Twins twins, AdtWriter w) {
    for (String text : ModelWriter.toJsonDocuments(twins.models())) w.model(text);
    List<Twin> all = new ArrayList<>(twins.twins());
    all.sort(Comparator.comparing(Twin::id));
    for (Twin t : all) w.twin(t.toJson());
    for (Twin t : all) {
      for (Relation r : twins.outgoing(t.id())) w.relationship(r.toJson());
    }
    w.close();
  }
}
