package dev.twins.core.model;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The definition of a schema for {@link ModelBuilder}: a primitive or geospatial term, a
 * reference to a schema by DTMI, or an inline complex schema. Made by {@link Schemas}; immutable.
 *
 * <pre>{@code
 * SchemaSpec mode = Schemas.enumOf(PrimitiveSchema.STRING, "on", "off").withDisplayName("Mode");
 * }</pre>
 */
public final class SchemaSpec {
  private final JsonNode json;

  SchemaSpec(JsonNode json) {
    this.json = json;
  }

  /** @return the DTDL JSON of this schema: a string, or an object for a complex schema; a copy the caller owns */
  public JsonNode toJson() {
    return json.deepCopy();
  }

  /** @return whether this is an inline complex schema (Array, Enum, Map or Object) */
  public boolean isComplex() {
    return json.isObject();
  }

  /**
   * Gives the complex schema an explicit {@code @id}, so it can be referenced by
   * {@link Schemas#ref(String)} elsewhere in the same Interface.
   *
   * @param dtmi the identifier, a user DTMI
   * @return a copy with the identifier
   * @throws IllegalArgumentException if this is not a complex schema or {@code dtmi} is not a user DTMI
   */
  public SchemaSpec withId(String dtmi) {
    ModelBuilder.checkDtmi(dtmi);
    return with("@id", dtmi);
  }

  /**
   * Sets the complex schema's {@code displayName} in English.
   *
   * @param text the display name
   * @return a copy with the display name
   * @throws IllegalArgumentException if this is not a complex schema
   */
  public SchemaSpec withDisplayName(String text) {
    return with("displayName", text);
  }

  /**
   * Sets the complex schema's {@code description} in English.
   *
   * @param text the description
   * @return a copy with the description
   * @throws IllegalArgumentException if this is not a complex schema
   */
  public SchemaSpec withDescription(String text) {
    return with("description", text);
  }

  /**
   * Sets the complex schema's {@code comment}.
   *
   * @param text the comment
   * @return a copy with the comment
   * @throws IllegalArgumentException if this is not a complex schema
   */
  public SchemaSpec withComment(String text) {
    return with("comment", text);
  }

  private SchemaSpec with(String member, String value) {
    Objects.requireNonNull(value, member);
    if (!isComplex()) {
      throw new IllegalArgumentException("only complex schemas have a " + member + "; " + this + " is a term or reference");
    }
    ObjectNode copy = ModelBuilder.NODES.objectNode();
    if (member.equals("@id")) {
      copy.put("@id", value);
      for (var e : json.properties()) if (!e.getKey().equals("@id")) copy.set(e.getKey(), e.getValue().deepCopy());
    } else {
      copy.setAll(((ObjectNode) json).deepCopy());
      copy.put(member, value);
    }
    return new SchemaSpec(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchemaSpec && ((SchemaSpec) o).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** Renders the schema as one line of JSON, cut after 200 characters. */
  @Override
  public String toString() {
    String text = ModelBuilder.compact(json);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
