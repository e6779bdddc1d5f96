package dev.twins.core.adt;

import dev.twins.core.internal.adt.AdtFileJson;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One relationship read from an ADT file, normalised to the JSON of the ADT API:
 * {@code $relationshipId}, {@code $sourceId}, {@code $targetId}, {@code $relationshipName}, an
 * optional {@code $etag}, and the relationship's properties as the other members. Bulk-import
 * files name the source twin in {@code $dtId}; their reader renames it to {@code $sourceId}.
 *
 * <p>The node is handed over to the caller; the reader keeps no reference to it.
 *
 * @param json the relationship JSON, with {@code $sourceId}
 * @param line the 1-based line where the relationship's object starts
 */
public record RelationshipRecord(ObjectNode json, int line) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code json} is null
   * @throws IllegalArgumentException if {@code json} lacks a string {@code $sourceId},
   *     {@code $relationshipId}, {@code $targetId} or {@code $relationshipName}, or {@code line}
   *     is negative
   */
  public RelationshipRecord {
    Objects.requireNonNull(json, "json");
    String problem = AdtFileJson.relationshipProblem(json, AdtFileJson.SOURCE_ID);
    if (!problem.isEmpty()) throw new IllegalArgumentException(problem);
    if (line < 0) throw new IllegalArgumentException("line must be 0 or positive, got " + line);
  }

  /**
   * Returns the id of the twin the relationship starts at.
   *
   * @return {@code $sourceId}
   */
  public String sourceId() {
    return json.get(AdtFileJson.SOURCE_ID).asString();
  }

  /**
   * Returns the relationship id, unique per source twin.
   *
   * @return {@code $relationshipId}
   */
  public String relationshipId() {
    return json.get(AdtFileJson.RELATIONSHIP_ID).asString();
  }

  /**
   * Returns the id of the twin the relationship points to.
   *
   * @return {@code $targetId}
   */
  public String targetId() {
    return json.get(AdtFileJson.TARGET_ID).asString();
  }

  /**
   * Returns the relationship name, as declared by a Relationship of the source twin's model.
   *
   * @return {@code $relationshipName}
   */
  public String name() {
    return json.get(AdtFileJson.RELATIONSHIP_NAME).asString();
  }

  /**
   * Returns the entity tag that ADT assigned, present in exports.
   *
   * @return the {@code $etag}, or empty
   */
  public Optional<String> etag() {
    return Optional.ofNullable(AdtFileJson.string(json, AdtFileJson.ETAG));
  }

  /**
   * Returns the relationship's properties: a new object holding the members whose names do not
   * start with {@code $}.
   *
   * @return a new object (its values are shared with {@link #json()})
   */
  public ObjectNode properties() {
    return AdtFileJson.withoutSystemKeys(json);
  }

  /** Renders source, name, target, id and line only. */
  @Override
  public String toString() {
    return "RelationshipRecord[" + sourceId() + " -" + name() + "-> " + targetId() + ", id=" + relationshipId()
        + ", line=" + line + "]";
  }
}
