package dev.twins.core.internal.adt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Argument checks and error translation shared by the two writers. */
final class WriterSupport {
  private WriterSupport() {}

  /** Splits a DTDL text into its Interface objects, or throws IllegalArgumentException. */
  static List<ObjectNode> interfaces(String json) {
    JsonNode node;
    try {
      node = AdtFileJson.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the model text is not valid JSON: " + AdtFileJson.message(e), e);
    }
    return interfaces(node);
  }

  /** Splits a DTDL tree into its Interface objects, or throws IllegalArgumentException. */
  static List<ObjectNode> interfaces(JsonNode node) {
    List<ObjectNode> out = new ArrayList<>();
    if (node.isObject()) {
      out.add((ObjectNode) node);
    } else if (node.isArray()) {
      for (JsonNode e : node) {
        if (!e.isObject()) {
          throw new IllegalArgumentException("a model array must hold Interface objects, found " + AdtFileJson.describe(e));
        }
        out.add((ObjectNode) e);
      }
    } else {
      throw new IllegalArgumentException("a model must be an Interface object or an array of them, found "
          + AdtFileJson.describe(node));
    }
    return out;
  }

  static void checkTwin(ObjectNode twin) {
    String problem = AdtFileJson.twinProblem(twin);
    if (!problem.isEmpty()) throw new IllegalArgumentException(problem);
  }

  static void checkRelationship(ObjectNode relationship) {
    String problem = AdtFileJson.relationshipProblem(relationship, AdtFileJson.SOURCE_ID);
    if (!problem.isEmpty()) throw new IllegalArgumentException(problem);
    if (relationship.has(AdtFileJson.DT_ID)) {
      throw new IllegalArgumentException("relationship '" + relationship.get(AdtFileJson.RELATIONSHIP_ID).asString()
          + "' has $dtId besides $sourceId; give the ADT API form, where $sourceId names the source twin");
    }
  }

  /** Runs a write, turning Jackson's I/O failure into the JDK's. */
  static void io(Runnable write) {
    try {
      write.run();
    } catch (JacksonIOException e) {
      Throwable cause = e.getCause();
      throw new UncheckedIOException(cause instanceof IOException ? (IOException) cause : new IOException(e));
    }
  }
}
