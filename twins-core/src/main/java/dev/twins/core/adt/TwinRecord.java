package dev.twins.core.adt;

import dev.twins.core.internal.adt.AdtFileJson;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One twin read from an ADT file, as ADT twin JSON: {@code $dtId}, {@code $metadata} with
 * {@code $model} (and, in exports, per-property {@code lastUpdateTime}), an optional
 * {@code $etag}, properties as top-level members and components as nested objects with their own
 * {@code $metadata}.
 *
 * <p>The node is handed over to the caller; the reader keeps no reference to it.
 *
 * @param json the twin JSON
 * @param line the 1-based line where the twin's object starts
 */
public record TwinRecord(ObjectNode json, int line) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code json} is null
   * @throws IllegalArgumentException if {@code json} has no string {@code $dtId} or no
   *     {@code $metadata.$model}, or {@code line} is negative
   */
  public TwinRecord {
    Objects.requireNonNull(json, "json");
    String problem = AdtFileJson.twinProblem(json);
    if (!problem.isEmpty()) throw new IllegalArgumentException(problem);
    if (line < 0) throw new IllegalArgumentException("line must be 0 or positive, got " + line);
  }

  /**
   * Returns the twin id.
   *
   * @return the {@code $dtId}
   */
  public String id() {
    return json.get(AdtFileJson.DT_ID).asString();
  }

  /**
   * Returns the DTMI of the twin's model, as written in the file.
   *
   * @return {@code $metadata.$model}
   */
  public String modelId() {
    return json.get(AdtFileJson.METADATA).get(AdtFileJson.MODEL).asString();
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
   * Returns the properties and components: a new object holding the members whose names do not
   * start with {@code $}.
   *
   * @return a new object (its values are shared with {@link #json()})
   */
  public ObjectNode properties() {
    return AdtFileJson.withoutSystemKeys(json);
  }

  /** Renders id, model and line only. */
  @Override
  public String toString() {
    return "TwinRecord[" + id() + ", model=" + modelId() + ", line=" + line + "]";
  }
}
