package dev.twins.core.internal.graph;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads twin and relationship JSON in the format of Azure Digital Twins, and converts Java values. */
public final class AdtJson {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private AdtJson() {}

  /**
   * A twin as read from its JSON.
   *
   * @param id the twin id
   * @param model the model
   * @param document properties and components, without {@code $} members
   * @param sourceTimes source times by property key
   * @param deviceMembers the device members of property metadata ({@code desiredValue}, ...), as
   *     {@code add} operations on {@code /$metadata/<property>/<member>} for the graph to check
   */
  public record TwinInput(String id, Dtmi model, ObjectNode document, Map<String, Instant> sourceTimes,
      List<JsonPatch.Operation> deviceMembers) {
    /**
     * A twin without device members.
     *
     * @param id the twin id
     * @param model the model
     * @param document properties and components
     * @param sourceTimes source times by property key
     */
    public TwinInput(String id, Dtmi model, ObjectNode document, Map<String, Instant> sourceTimes) {
      this(id, model, document, sourceTimes, List.of());
    }
  }

  /**
   * A relationship as read from its JSON.
   *
   * @param sourceId the source twin
   * @param relationshipId the id
   * @param name the Relationship name
   * @param targetId the target twin
   * @param properties its properties
   */
  public record RelationInput(String sourceId, String relationshipId, String name, String targetId,
      ObjectNode properties) {}

  /**
   * Reads a twin's JSON.
   *
   * @param id the twin id, or null to take {@code $dtId}
   * @param json the JSON
   * @return the twin input
   * @throws GraphException with {@link Code#INVALID_DOCUMENT} when it is malformed
   */
  public static TwinInput twin(String id, ObjectNode json) {
    Objects.requireNonNull(json, "json");
    String twinId = id;
    if (twinId == null) twinId = text(json, "$dtId", "", "a twin needs \"$dtId\"");
    JsonNode meta = json.get("$metadata");
    if (meta == null || !meta.isObject()) throw invalid(twinId, "a twin needs \"$metadata\": {\"$model\": \"dtmi:...\"}");
    String model = text(meta, "$model", twinId, "a twin needs \"$metadata.$model\"");
    if (!Dtmi.isValid(model)) throw invalid(twinId, "\"$metadata.$model\" is not a DTMI: " + model);
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    Map<String, Instant> sourceTimes = new LinkedHashMap<>();
    List<JsonPatch.Operation> deviceMembers = new ArrayList<>();
    sourceTimes(twinId, "", meta, sourceTimes);
    deviceMembers("", meta, deviceMembers);
    for (Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.equals("$dtId") || k.equals("$etag") || k.equals("$metadata")) continue;
      if (k.startsWith("$")) throw invalid(twinId, "unknown member \"" + k + "\" in the twin");
      JsonNode v = e.getValue();
      if (v.isObject() && v.has("$metadata")) {
        ObjectNode comp = JsonNodeFactory.instance.objectNode();
        JsonNode cm = v.get("$metadata");
        if (cm.isObject()) {
          sourceTimes(twinId, k + "/", cm, sourceTimes);
          deviceMembers("/" + JsonPointers.escape(k), cm, deviceMembers);
        }
        for (Iterator<Map.Entry<String, JsonNode>> ci = v.properties().iterator(); ci.hasNext(); ) {
          Map.Entry<String, JsonNode> ce = ci.next();
          if (!ce.getKey().startsWith("$")) comp.set(ce.getKey(), ce.getValue().deepCopy());
        }
        doc.set(k, comp);
      } else {
        doc.set(k, v.deepCopy());
      }
    }
    return new TwinInput(twinId, Dtmi.of(model), doc, sourceTimes, deviceMembers);
  }

  /** Collects the device members of {@code $metadata.<property>} objects as add operations. */
  private static void deviceMembers(String prefix, JsonNode meta, List<JsonPatch.Operation> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("$") || !e.getValue().isObject()) continue;
      for (String member : DeviceMetadataPatch.MEMBERS) {
        JsonNode v = e.getValue().get(member);
        if (v == null) continue;
        out.add(new JsonPatch.Operation(JsonPatch.Op.ADD, prefix + "/$metadata/" + JsonPointers.escape(e.getKey())
            + "/" + member, Optional.of(v.deepCopy())));
      }
    }
  }

  private static void sourceTimes(String id, String prefix, JsonNode meta, Map<String, Instant> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("$") || !e.getValue().isObject()) continue;
      JsonNode st = e.getValue().get("sourceTime");
      if (st == null || st.isNull()) continue;
      try {
        out.put(prefix + e.getKey(), Instant.parse(st.asString()));
      } catch (DateTimeParseException ex) {
        throw invalid(id, "\"$metadata." + prefix.replace("/", ".") + e.getKey() + ".sourceTime\" is not an ISO 8601 "
            + "date-time: " + st);
      }
    }
  }

  /**
   * Reads a relationship's JSON.
   *
   * @param sourceId the source twin, or null to take {@code $sourceId} (or {@code $dtId})
   * @param relationshipId the id, or null to take {@code $relationshipId}
   * @param json the JSON
   * @return the relationship input
   * @throws GraphException with {@link Code#INVALID_DOCUMENT} when it is malformed
   */
  public static RelationInput relation(String sourceId, String relationshipId, ObjectNode json) {
    Objects.requireNonNull(json, "json");
    String src = sourceId;
    if (src == null) {
      src = json.has("$sourceId") ? text(json, "$sourceId", "", "") : text(json, "$dtId", "",
          "a relationship needs \"$sourceId\" (or \"$dtId\" in bulk-import files)");
    }
    String rid = relationshipId != null ? relationshipId : text(json, "$relationshipId", src,
        "a relationship needs \"$relationshipId\"");
    String key = src + "/" + rid;
    String target = text(json, "$targetId", key, "a relationship needs \"$targetId\"");
    String name = text(json, "$relationshipName", key, "a relationship needs \"$relationshipName\"");
    ObjectNode props = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().startsWith("$")) props.set(e.getKey(), e.getValue().deepCopy());
    }
    return new RelationInput(src, rid, name, target, props);
  }

  private static String text(JsonNode o, String member, String id, String missing) {
    JsonNode v = o.get(member);
    if (v == null || !v.isString()) throw invalid(id, missing.isEmpty() ? "\"" + member + "\" must be a string" : missing);
    return v.asString();
  }

  private static GraphException invalid(String id, String message) {
    return new GraphException(Code.INVALID_DOCUMENT, id, message);
  }

  /**
   * Converts Java values (numbers, strings, booleans, maps, lists, JSON nodes) to a JSON object.
   *
   * @param values the values by name
   * @return a new JSON object
   */
  public static ObjectNode toDocument(Map<String, ?> values) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, ?> e : values.entrySet()) doc.set(e.getKey(), toJson(e.getValue()));
    return doc;
  }

  /**
   * Converts a Java value to JSON.
   *
   * @param value the value
   * @return a new JSON value
   */
  public static JsonNode toJson(Object value) {
    if (value instanceof JsonNode) return ((JsonNode) value).deepCopy();
    // the common scalars directly, as valueToTree makes them (it serialises and reads back)
    if (value instanceof Double) return JsonNodeFactory.instance.numberNode(((Double) value).doubleValue());
    if (value instanceof Integer) return JsonNodeFactory.instance.numberNode(((Integer) value).intValue());
    if (value instanceof String) return JsonNodeFactory.instance.stringNode((String) value);
    if (value instanceof Boolean) return JsonNodeFactory.instance.booleanNode((Boolean) value);
    return MAPPER.valueToTree(value);
  }
}
