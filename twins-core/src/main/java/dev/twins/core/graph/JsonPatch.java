package dev.twins.core.graph;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Placeholder until the JSON Patch engine lands. */
public final class JsonPatch {
  /** Kinds. */
  public enum Op { ADD, REPLACE, REMOVE, TEST }

  /**
   * An operation.
   *
   * @param op op
   * @param path path
   * @param value value
   */
  public record Operation(Op op, String path, Optional<JsonNode> value) {}

  private final List<Operation> operations;

  private JsonPatch(List<Operation> operations) {
    this.operations = List.copyOf(operations);
  }

  /** @param ops ops @return patch */
  public static JsonPatch of(Operation... ops) {
    return new JsonPatch(List.of(ops));
  }

  /** @param ops ops @return patch */
  public static JsonPatch of(List<Operation> ops) {
    return new JsonPatch(ops);
  }

  /** @return ops */
  public List<Operation> operations() {
    return operations;
  }

  /** @return paths */
  public Set<String> paths() {
    Set<String> out = new LinkedHashSet<>();
    for (Operation o : operations) out.add(o.path());
    return out;
  }

  /** @return json */
  public JsonNode toJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Operation o : operations) {
      ObjectNode n = a.addObject();
      n.put("op", o.op().name().toLowerCase(java.util.Locale.ROOT));
      n.put("path", o.path());
      o.value().ifPresent(v -> n.set("value", v.deepCopy()));
    }
    return a;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
