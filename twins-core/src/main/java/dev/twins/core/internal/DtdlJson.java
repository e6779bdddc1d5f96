package dev.twins.core.internal;

import dev.twins.core.model.DtdlVersion;
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

  /** Co-types defined by the feature extensions other than QuantitativeTypes, with their extension names. */
  private static final Map<String, String> ADJUNCT_EXTENSIONS = Map.of(
      "Historized", "historization",
      "ValueAnnotation", "annotation",
      "Override", "overriding",
      "Required", "requirement");

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
   * followed by the feature-extension contexts its elements use (semantic types with units, and
   * the co-types {@code Historized}, {@code ValueAnnotation}, {@code Override}, {@code Required}),
   * followed by the extra contexts given. In DTDL v2 semantic types are part of the language and
   * the adjunct types are open-world co-types, so only the extra contexts are added.
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
      Set<String> used = new LinkedHashSet<>();
      collectExtensions(body, used);
      String extensionVersion = version == DtdlVersion.V3 ? "1" : "2";
      for (String name : List.of("quantitativeTypes", "historization", "annotation", "overriding", "requirement")) {
        if (used.contains(name)) {
          contexts.add("dtmi:dtdl:extension:" + name + ";" + (name.equals("requirement") ? "1" : extensionVersion));
        }
      }
    }
    contexts.addAll(extra);
    if (contexts.size() == 1) return NODES.stringNode(version.context());
    ArrayNode array = NODES.arrayNode();
    for (String c : contexts) array.add(c);
    return array;
  }

  private static void collectExtensions(JsonNode node, Set<String> used) {
    if (node.isArray()) {
      for (JsonNode child : node) collectExtensions(child, used);
      return;
    }
    if (!node.isObject()) return;
    JsonNode type = node.get("@type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.isString()) continue;
        String name = t.stringValue();
        if (CLASSES.contains(name)) continue;
        String extension = ADJUNCT_EXTENSIONS.get(name);
        used.add(extension != null ? extension : "quantitativeTypes");
      }
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      if (!member.getKey().equals("@type")) collectExtensions(member.getValue(), used);
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
