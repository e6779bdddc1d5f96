package dev.twins.core.internal.graph;

import dev.twins.core.graph.JsonPatch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Patch that turns one document into another, member by member (for replace events). */
final class Diff {
  private Diff() {}

  static JsonPatch between(ObjectNode before, ObjectNode after) {
    List<JsonPatch.Operation> ops = new ArrayList<>();
    for (Iterator<String> it = before.propertyNames().iterator(); it.hasNext(); ) {
      String name = it.next();
      if (!after.has(name)) ops.add(new JsonPatch.Operation(JsonPatch.Op.REMOVE, path(name), Optional.empty()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = after.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode old = before.get(e.getKey());
      if (old == null) {
        ops.add(new JsonPatch.Operation(JsonPatch.Op.ADD, path(e.getKey()), Optional.of(e.getValue())));
      } else if (!old.equals(e.getValue())) {
        ops.add(new JsonPatch.Operation(JsonPatch.Op.REPLACE, path(e.getKey()), Optional.of(e.getValue())));
      }
    }
    return JsonPatch.of(ops.toArray(new JsonPatch.Operation[0]));
  }

  private static String path(String name) {
    return "/" + JsonPointers.escape(name);
  }
}
