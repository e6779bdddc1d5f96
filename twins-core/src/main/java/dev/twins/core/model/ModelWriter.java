package dev.twins.core.model;

import dev.twins.core.internal.DtdlJson;
import dev.twins.core.internal.DtdlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes resolved models back out as DTDL JSON: the inverse of {@link ModelParser}.
 *
 * <pre>{@code
 * String json = ModelWriter.toJson(models.require("dtmi:com:example:Room;1"));
 * Models again = ModelParser.parseJson(ModelWriter.toJson(models));   // equals models
 * }</pre>
 *
 * <p>Each Interface becomes one top-level document with the {@code @context} it needs (its DTDL
 * version's context; from DTDL v3 on, the contexts of the extensions whose co-types or schemas its
 * elements use, such as QuantitativeTypes for semantic types, Historization, Annotation and
 * Overriding, in the lowest extension version the DTDL version allows; in DTDL v2, the IoT
 * Central context when its {@code vector} or {@code geopoint} schemas are used), its
 * {@code @id}, {@code @type}, {@code displayName} and {@code description} as language maps,
 * {@code comment}, {@code extends} (by DTMI), {@code contents} and {@code schemas}. Elements whose
 * identifier was written in the model keep it as {@code @id}; elements whose identifier was
 * assigned automatically are written without one, so parsing assigns the same identifier again.
 * Primitive and geospatial schemas are written as terms; complex schemas inline, or by
 * {@code @id} when they are entries of the Interface's {@code schemas} (or were already written
 * once in the same document). Components and {@code extends} name other Interfaces by DTMI, so a
 * document alone is complete only when those Interfaces are given beside it:
 * {@link #toJson(Models)} writes a whole model set.
 *
 * <p>Output is deterministic and indented. Co-types and extension or undefined members
 * ({@link ElementInfo#coTypes()}, {@link ElementInfo#otherProperties()}) are written back as
 * they were read. Parsing the output of a parsed model set gives an equal {@link Models}.
 */
public final class ModelWriter {
  private ModelWriter() {}

  /**
   * Writes one Interface as an indented DTDL document.
   *
   * @param anInterface the Interface
   * @return the JSON text
   * @throws NullPointerException if {@code anInterface} is null
   */
  public static String toJson(Interface anInterface) {
    return DtdlJson.pretty(toJsonNode(anInterface));
  }

  /**
   * Writes a whole model set as one indented JSON array document, one element per Interface, in
   * dependency order: an Interface comes after the Interfaces it extends or uses as components,
   * and otherwise in DTMI order. The array parses back to an equal model set with
   * {@link ModelParser#parseJson(String...)}.
   *
   * @param models the model set
   * @return the JSON text, {@code []} for an empty set
   * @throws NullPointerException if {@code models} is null
   */
  public static String toJson(Models models) {
    Objects.requireNonNull(models, "models");
    return DtdlJson.pretty(DtdlWriter.writeAll(models));
  }

  /**
   * Writes every Interface of a model set as its own indented document, in the dependency order of
   * {@link #toJson(Models)}: handy for saving one file per Interface.
   *
   * @param models the model set
   * @return the JSON texts, one per Interface
   * @throws NullPointerException if {@code models} is null
   */
  public static List<String> toJsonDocuments(Models models) {
    Objects.requireNonNull(models, "models");
    List<String> texts = new ArrayList<>();
    for (Interface i : DtdlWriter.dependencyOrder(models)) texts.add(toJson(i));
    return List.copyOf(texts);
  }

  /**
   * Writes one Interface as a JSON tree, for callers that post-process the document.
   *
   * @param anInterface the Interface
   * @return a new tree that the caller owns
   * @throws NullPointerException if {@code anInterface} is null
   */
  public static ObjectNode toJsonNode(Interface anInterface) {
    Objects.requireNonNull(anInterface, "anInterface");
    return DtdlWriter.write(anInterface);
  }

  /**
   * Writes a whole model set as a JSON array tree, in the order of {@link #toJson(Models)}.
   *
   * @param models the model set
   * @return a new tree that the caller owns
   * @throws NullPointerException if {@code models} is null
   */
  public static ArrayNode toJsonNode(Models models) {
    Objects.requireNonNull(models, "models");
    return DtdlWriter.writeAll(models);
  }

  /** Renders a tree as indented JSON text, as every document of the writer and the builder is. */
  static String pretty(JsonNode node) {
    return DtdlJson.pretty(node);
  }

  /**
   * Completes an Interface object as a top-level document: the {@code @context} it needs first,
   * then its members.
   */
  static ObjectNode document(DtdlVersion version, ObjectNode body, List<String> extraContexts) {
    ObjectNode first = DtdlJson.NODES.objectNode();
    first.set("@context", DtdlJson.context(version, body, extraContexts));
    return DtdlJson.merge(first, body);
  }
}
