package dev.twins.core.internal.adt;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mappers of the ADT readers and writers, and the checks of twin and relationship JSON. */
public final class AdtFileJson {
  /** Source id key of relationships in the ADT API and in Explorer files. */
  public static final String SOURCE_ID = "$sourceId";
  /** Key of a twin's id; in bulk-import relationship lines, the source twin's id. */
  public static final String DT_ID = "$dtId";
  /** Key of a relationship's id. */
  public static final String RELATIONSHIP_ID = "$relationshipId";
  /** Key of a relationship's target twin id. */
  public static final String TARGET_ID = "$targetId";
  /** Key of a relationship's name. */
  public static final String RELATIONSHIP_NAME = "$relationshipName";
  /** Key of the service-assigned entity tag. */
  public static final String ETAG = "$etag";
  /** Key of a twin's metadata object. */
  public static final String METADATA = "$metadata";
  /** Key of the model DTMI inside {@code $metadata}. */
  public static final String MODEL = "$model";

  /**
   * Reads trees (duplicate keys are errors, as a second value would silently replace the first)
   * and writes compact JSON with no separator between root values.
   */
  public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().rootValueSeparator((String) null).build())
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** Like {@link #MAPPER}, but writes indented JSON. */
  public static final JsonMapper PRETTY = MAPPER.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();

  private AdtFileJson() {}

  /**
   * Returns the string value of a member, or null when it is absent or not a string.
   *
   * @param node an object
   * @param key the member name
   * @return the string or null
   */
  public static String string(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v != null && v.isString() ? v.asString() : null;
  }

  /**
   * Checks twin JSON: a non-empty string {@code $dtId} and a {@code $metadata} object with a
   * non-empty string {@code $model}.
   *
   * @param twin the JSON
   * @return what is wrong, or {@code ""}
   */
  public static String twinProblem(JsonNode twin) {
    if (!twin.isObject()) return "a twin must be a JSON object, found " + describe(twin);
    List<String> problems = new ArrayList<>(2);
    String idProblem = requiredString(twin, DT_ID);
    if (!idProblem.isEmpty()) problems.add(idProblem);
    JsonNode metadata = twin.get(METADATA);
    if (metadata == null) {
      problems.add("has no $metadata.$model (the DTMI of its model)");
    } else if (!metadata.isObject()) {
      problems.add("$metadata must be an object holding $model, found " + describe(metadata));
    } else {
      JsonNode model = metadata.get(MODEL);
      if (model == null) {
        problems.add("has no $metadata.$model (the DTMI of its model)");
      } else if (!model.isString() || model.asString().isEmpty()) {
        problems.add("$metadata.$model must be a non-empty string (a DTMI), found " + describe(model));
      }
    }
    return problems.isEmpty() ? "" : "twin " + label(twin, DT_ID) + String.join("; ", problems);
  }

  /**
   * Checks relationship JSON: non-empty strings for the source key, {@code $relationshipId},
   * {@code $targetId} and {@code $relationshipName}.
   *
   * @param relationship the JSON
   * @param sourceKey {@code $sourceId} (API and Explorer form) or {@code $dtId} (bulk-import form)
   * @return what is wrong, or {@code ""}
   */
  public static String relationshipProblem(JsonNode relationship, String sourceKey) {
    if (!relationship.isObject()) return "a relationship must be a JSON object, found " + describe(relationship);
    List<String> problems = new ArrayList<>(4);
    for (String key : new String[] {sourceKey, RELATIONSHIP_ID, TARGET_ID, RELATIONSHIP_NAME}) {
      String p = requiredString(relationship, key);
      if (!p.isEmpty()) problems.add(p);
    }
    if (problems.isEmpty()) return "";
    String other = sourceKey.equals(DT_ID) ? SOURCE_ID : DT_ID;
    if (!relationship.has(sourceKey) && relationship.has(other)) {
      problems.add(sourceKey.equals(DT_ID)
          ? "bulk-import files name the source twin in $dtId, not $sourceId"
          : "this format names the source twin in $sourceId; $dtId is the source only in bulk-import files");
    }
    return "relationship " + label(relationship, RELATIONSHIP_ID) + String.join("; ", problems);
  }

  private static String requiredString(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null) return "has no " + key;
    if (!v.isString() || v.asString().isEmpty()) return key + " must be a non-empty string, found " + describe(v);
    return "";
  }

  private static String label(JsonNode node, String idKey) {
    String id = string(node, idKey);
    return id == null || id.isEmpty() ? "" : "'" + shorten(id) + "' ";
  }

  /**
   * Names the kind of a JSON value for messages, with a short excerpt of scalars.
   *
   * @param node the value
   * @return e.g. {@code an array}, {@code the number 42}
   */
  public static String describe(JsonNode node) {
    if (node.isObject()) return "an object";
    if (node.isArray()) return "an array";
    if (node.isString()) return "the string \"" + shorten(node.asString()) + "\"";
    if (node.isNumber()) return "the number " + node.toString();
    if (node.isBoolean()) return "the boolean " + node.toString();
    if (node.isNull()) return "null";
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /**
   * Renders a Jackson failure as a one-line message, without the location Jackson appends (the
   * error record carries line and column).
   *
   * @param e the failure
   * @return the message
   */
  public static String message(JacksonException e) {
    String m = e.getOriginalMessage();
    if (m == null) m = e.getClass().getSimpleName();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * Returns the line of a Jackson failure, or the fallback when it has no location.
   *
   * @param e the failure
   * @param fallback the line to use otherwise
   * @return a 1-based line, or {@code fallback}
   */
  public static int line(JacksonException e, int fallback) {
    TokenStreamLocation loc = e.getLocation();
    return loc == null || loc.getLineNr() <= 0 ? fallback : loc.getLineNr();
  }

  /**
   * Returns the column of a Jackson failure, or 0.
   *
   * @param e the failure
   * @return a 1-based column, or 0
   */
  public static int column(JacksonException e) {
    TokenStreamLocation loc = e.getLocation();
    return loc == null || loc.getColumnNr() <= 0 ? 0 : loc.getColumnNr();
  }

  /**
   * Returns a copy of an object without its {@code $}-keys: the properties of a twin or
   * relationship.
   *
   * @param json the object
   * @return a new object
   */
  public static ObjectNode withoutSystemKeys(ObjectNode json) {
    ObjectNode out = MAPPER.createObjectNode();
    for (var e : json.properties()) {
      if (!e.getKey().startsWith("$")) out.set(e.getKey(), e.getValue());
    }
    return out;
  }
}
