package dev.twins.core.internal;

import dev.twins.core.model.DtdlVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON helpers of the model writer: one pretty-printing mapper and the computation of the
 * {@code @context} an Interface document needs.
 */
public final class DtdlJson {
  /** The node factory for every tree built by the writer and the builder. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The DTDL classes an element may name as the first {@code @type} value. */
  private static final Set<String> CLASSES = Set.of(
      "Interface", "Telemetry", "Property", "Command", "Relationship", "Component", "Array", "Enum", "Map",
      "Object", "Field", "EnumValue", "MapKey", "MapValue", "CommandPayload", "CommandRequest", "CommandResponse");

  private DtdlJson() {}

  /**
   * Renders a tree as indented JSON text.
   *
   * @param node the tree
   * @return the text
   */
  public static String pretty(JsonNode node) {
    return PRETTY.writeValueAsString(node);
  }

  /**
   * Returns the {@code @context} an Interface document needs: the DTDL context of its version,
   * then, from DTDL v3 on, the contexts of the known extensions whose adjunct types, unit types or
   * schema terms its elements use (the lowest version of each extension usable in the DTDL
   * version, e.g. {@code dtmi:dtdl:extension:quantitativeTypes;1} for semantic types in v3), then
   * the extra contexts given. In DTDL v2 semantic types are part of the language and other
   * co-types are allowed undefined, so only the extra contexts are added.
   *
   * @param version the DTDL version of the Interface
   * @param body the Interface object (without {@code @context})
   * @param extra further context DTMIs to list, in order
   * @return a string when only the DTDL context is needed, else an array
   */
  public static JsonNode context(DtdlVersion version, JsonNode body, List<String> extra) {
    Set<String> contexts = new LinkedHashSet<>();
    contexts.add(version.context());
    if (version != DtdlVersion.V2) {
      Map<String, Boolean> used = new LinkedHashMap<>();
      collect(body, used);
      List<String> known = new ArrayList<>(Vocabulary.knownContexts());
      known.sort(Comparator.comparing((String c) -> c.substring(0, c.lastIndexOf(';')))
          .thenComparingInt(c -> Integer.parseInt(c.substring(c.lastIndexOf(';') + 1))));
      for (Map.Entry<String, Boolean> e : used.entrySet()) {
        for (String context : known) {
          Vocabulary.Extension extension = Vocabulary.extension(context).orElseThrow();
          if (!extension.dtdlVersions().contains(version.number())) continue;
          boolean defines = e.getValue()
              ? extension.unitTypes().containsKey(e.getKey()) || extension.extraSchemas().containsKey(e.getKey())
              : extension.adjunctTypes().containsKey(e.getKey());
          if (defines) {
            contexts.add(context);
            break;
          }
        }
      }
    }
    contexts.addAll(extra);
    if (contexts.size() == 1) return NODES.stringNode(version.context());
    ArrayNode array = NODES.arrayNode();
    for (String c : contexts) array.add(c);
    return array;
  }

  /**
   * Collects, in document order, the co-types of every element (value {@code false}) and the
   * schemas named by a string (value {@code true}).
   */
  private static void collect(JsonNode node, Map<String, Boolean> used) {
    if (node.isArray()) {
      for (JsonNode child : node) collect(child, used);
      return;
    }
    if (!node.isObject()) return;
    JsonNode type = node.get("@type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) if (t.isString() && !CLASSES.contains(t.stringValue())) used.putIfAbsent(t.stringValue(), false);
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      JsonNode value = member.getValue();
      if ((member.getKey().equals("schema") || member.getKey().equals("elementSchema")) && value.isString()) {
        used.putIfAbsent(value.stringValue(), true);
      } else if (!member.getKey().equals("@type")) {
        collect(value, used);
      }
    }
  }

  /**
   * Makes an {@code @type} value: the class alone, or an array of the class and the co-types.
   *
   * @param className the DTDL class
   * @param coTypes the co-types, in order
   * @return the value
   */
  public static JsonNode type(String className, Iterable<String> coTypes) {
    ArrayNode array = NODES.arrayNode();
    array.add(className);
    for (String t : coTypes) if (!t.equals(className)) array.add(t);
    return array.size() == 1 ? NODES.stringNode(className) : array;
  }

  /**
   * Makes a new object with {@code first} members first, then the rest of {@code body}.
   *
   * @param first the leading members
   * @param body the other members
   * @return the merged object
   */
  public static ObjectNode merge(ObjectNode first, ObjectNode body) {
    ObjectNode out = NODES.objectNode();
    out.setAll(first);
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
    }
    return out;
  }
}
