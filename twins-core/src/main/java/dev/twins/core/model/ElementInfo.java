package dev.twins.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What every DTDL element has: its identifier, human-readable texts, co-types and members that
 * come from extensions or are undefined.
 *
 * @param id the {@code @id}, written in the model or assigned automatically
 * @param displayName the {@code displayName}, possibly empty
 * @param description the {@code description}, possibly empty
 * @param comment the {@code comment}, {@code ""} when absent
 * @param coTypes the {@code @type} values other than the element's class, in model order
 *     (semantic types, {@code Historized}, {@code ValueAnnotation}, undefined co-types, ...)
 * @param otherProperties members defined by an extension ({@code unit}, {@code annotates},
 *     {@code overrides}, ...) or undefined members allowed by the open world of DTDL v2, by name
 */
public record ElementInfo(
    Dtmi id,
    LocalizedText displayName,
    LocalizedText description,
    String comment,
    Set<String> coTypes,
    Map<String, JsonNode> otherProperties) {

  /** Checks for nulls and copies collections, keeping their order. */
  public ElementInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(comment, "comment");
    coTypes = Collections.unmodifiableSet(new LinkedHashSet<>(coTypes));
    otherProperties = Collections.unmodifiableMap(new LinkedHashMap<>(otherProperties));
  }

  /**
   * Creates the info of an element that has only an identifier.
   *
   * @param id the identifier
   * @return the info
   */
  public static ElementInfo of(Dtmi id) {
    return new ElementInfo(id, LocalizedText.EMPTY, LocalizedText.EMPTY, "", Set.of(), Map.of());
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    return "ElementInfo[" + id + (coTypes.isEmpty() ? "" : ", coTypes=" + coTypes.size()) + "]";
  }
}
