package dev.twins.persistence.internal;

import dev.twins.core.adt.AdtFiles;
import dev.twins.core.adt.AdtWriter;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelWriter;
import dev.twins.persistence.ExportFormat;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ExportException;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes graphs in the {@link ExportFormat}s. */
public final class Exporter {
  private Exporter() {}

  /**
   * Writes a graph.
   *
   * @param twins the graph
   * @param format the format
   * @param out where to (not closed)
   */
  public static void export(Twins twins, ExportFormat format, Writer out) {
    switch (format) {
      case NDJSON:
        adt(twins, AdtFiles.bulkImportWriter(unclosed(out)));
        break;
      case JSON:
        adt(twins, AdtFiles.explorerWriter(unclosed(out), true));
        break;
      case DOT:
        dot(twins, out);
        break;
      default:
        graphml(twins, out);
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the caller's writer open when an ADT writer closes its output. */
  private static Writer unclosed(Writer out) {
    return new FilterWriter(out) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  private static List<Twin> sortedTwins(Twins twins) {
    List<Twin> all = new ArrayList<>(twins.twins());
    all.sort(Comparator.comparing(Twin::id));
    return all;
  }

  private static void adt(Twins twins, AdtWriter w) {
    for (String text : ModelWriter.toJsonDocuments(twins.models())) w.model(text);
    List<Twin> all = sortedTwins(twins);
    for (Twin t : all) w.twin(portable(t.toJson()));
    for (Twin t : all) {
      for (Relation r : twins.outgoing(t.id())) {
        ObjectNode o = r.toJson();
        o.remove("$etag");
        w.relationship(o);
      }
    }
    w.close();
  }

  /** Removes what an import makes anew: the ETag and last-update times (source times stay). */
  static ObjectNode portable(ObjectNode twin) {
    twin.remove("$etag");
    stripTimes((ObjectNode) twin.get("$metadata"));
    for (Iterator<Map.Entry<String, JsonNode>> it = twin.properties().iterator(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (v.isObject() && v.get("$metadata") != null && v.get("$metadata").isObject()) {
        stripTimes((ObjectNode) v.get("$metadata"));
      }
    }
    return twin;
  }

  private static void stripTimes(ObjectNode meta) {
    if (meta == null) return;
    meta.remove("$lastUpdateTime");
    List<String> empty = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject() && !e.getKey().startsWith("$")) {
        ObjectNode p = (ObjectNode) e.getValue();
        p.remove("lastUpdateTime");
        if (p.isEmpty()) empty.add(e.getKey());
      }
    }
    for (String k : empty) meta.remove(k);
  }

  /** A sorted copy of the graph, so that the picture formats come out the same every time. */
  private static Graph<String, Relation> sortedGraph(Twins twins) {
    Graph<String, Relation> view = twins.asGraph();
    Graph<String, Relation> g = new DirectedPseudograph<>(null, null, false);
    List<String> ids = new ArrayList<>(view.vertexSet());
    ids.sort(Comparator.naturalOrder());
    for (String id : ids) g.addVertex(id);
    for (String id : ids) {
      List<Relation> out = new ArrayList<>(view.outgoingEdgesOf(id));
      out.sort(Comparator.comparing(Relation::id));
      for (Relation r : out) {
        if (g.containsVertex(r.targetId())) g.addEdge(r.sourceId(), r.targetId(), r);
      }
    }
    return g;
  }

  private static Map<String, Twin> byId(Twins twins) {
    Map<String, Twin> m = new LinkedHashMap<>();
    for (Twin t : twins.twins()) m.put(t.id(), t);
    return m;
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
  }

  private static void dot(Twins twins, Writer out) {
    Map<String, Twin> byId = byId(twins);
    DOTExporter<String, Relation> ex = new DOTExporter<>(Exporter::quoted);
    ex.setGraphIdProvider(() -> "twins");
    ex.setVertexAttributeProvider(id -> {
      Map<String, Attribute> a = new LinkedHashMap<>();
      a.put("label", DefaultAttribute.createAttribute(id));
      Twin t = byId.get(id);
      if (t != null) a.put("model", DefaultAttribute.createAttribute(t.model().value()));
      return a;
    });
    ex.setEdgeAttributeProvider(r -> {
      Map<String, Attribute> a = new LinkedHashMap<>();
      a.put("label", DefaultAttribute.createAttribute(r.name()));
      a.put("id", DefaultAttribute.createAttribute(r.id()));
      return a;
    });
    try {
      ex.exportGraph(sortedGraph(twins), out);
    } catch (ExportException e) {
      throw new UncheckedIOException(new IOException("DOT export failed: " + e.getMessage(), e));
    }
  }

  private static void graphml(Twins twins, Writer out) {
    Map<String, Twin> byId = byId(twins);
    GraphMLExporter<String, Relation> ex = new GraphMLExporter<>(id -> id);
    ex.setEdgeIdProvider(r -> r.sourceId() + "/" + r.id());
    ex.registerAttribute("model", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
    ex.registerAttribute("properties", GraphMLExporter.AttributeCategory.ALL, AttributeType.STRING);
    ex.registerAttribute("name", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
    ex.registerAttribute("relationshipId", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
    ex.setVertexAttributeProvider(id -> {
      Map<String, Attribute> a = new LinkedHashMap<>();
      Twin t = byId.get(id);
      if (t != null) {
        a.put("model", DefaultAttribute.createAttribute(t.model().value()));
        a.put("properties", DefaultAttribute.createAttribute(t.document().toString()));
      }
      return a;
    });
    ex.setEdgeAttributeProvider(r -> {
      Map<String, Attribute> a = new LinkedHashMap<>();
      a.put("name", DefaultAttribute.createAttribute(r.name()));
      a.put("relationshipId", DefaultAttribute.createAttribute(r.id()));
      a.put("properties", DefaultAttribute.createAttribute(r.properties().toString()));
      return a;
    });
    try {
      ex.exportGraph(sortedGraph(twins), out);
    } catch (ExportException e) {
      throw new UncheckedIOException(new IOException("GraphML export failed: " + e.getMessage(), e));
    }
  }
}
