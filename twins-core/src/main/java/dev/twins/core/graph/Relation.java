package dev.twins.core.graph;

import dev.twins.core.internal.graph.GraphStore;
import dev.twins.core.internal.graph.TwinAccess;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable snapshot of a relationship between two twins: an instance of a DTDL Relationship
 * of the source twin's model (which {@code dev.twins.core.model.Relationship} describes), with its
 * own properties. Its id is unique per source twin.
 */
public final class Relation {
  static {
    TwinAccess.installRelations(new TwinAccess.RelationMaker() {
      @Override
      public Relation make(String id, GraphStore.Entry source, GraphStore.Entry target, String name,
          String etagPrefix, long etagNumber, Instant time, ObjectNode properties) {
        return new Relation(id, source, target, name, etagPrefix, etagNumber, time, properties);
      }

      @Override
      public Relation make(String id, String sourceId, String targetId, String name, String etagPrefix,
          long etagNumber, long epochSecond, int nano, ObjectNode properties) {
        if (nano < 0 || nano > 999_999_999) throw new IllegalArgumentException("nanosecond out of range: " + nano);
        return new Relation(id, sourceId, targetId, name, Objects.requireNonNull(etagPrefix, "etag"), etagNumber,
            epochSecond, nano, properties);
      }

      @Override
      public String etagPrefix(Relation r) {
        return r.etagPrefix;
      }

      @Override
      public long etagNumber(Relation r) {
        return r.etagNumber;
      }

      @Override
      public Relation rebind(Relation r, GraphStore.Entry source, GraphStore.Entry target) {
        Relation copy = new Relation(r.id, source, target, r.name, r.etagPrefix, r.etagNumber,
            r.epochSecond, r.nano, r.properties);
        copy.etagText = r.etagText;
        return copy;
      }

      @Override
      public GraphStore.Entry source(Relation r) {
        Object s = r.source;
        return s instanceof GraphStore.Entry ? (GraphStore.Entry) s : null;
      }

      @Override
      public GraphStore.Entry target(Relation r) {
        Object t = r.target;
        return t instanceof GraphStore.Entry ? (GraphStore.Entry) t : null;
      }

      @Override
      public ObjectNode properties(Relation relation) {
        return relation.properties;
      }
    });
  }

  private final String id;
  /**
   * The source twin: its id, or in a relationship stored in a graph the graph's entry of the twin
   * (which holds the id and the twin's current state).
   */
  private final Object source;
  /** The target twin: its id or its entry, like {@link #source}. */
  private final Object target;
  private final String name;
  /** The ETag up to its number; the whole ETag when {@code etagNumber} is negative. */
  private final String etagPrefix;
  private final long etagNumber;
  private final long epochSecond;
  private final int nano;
  private final ObjectNode properties;
  /** The rendered ETag, made on first use (racy but idempotent). */
  private String etagText;

  /**
   * Creates a snapshot. Relations are normally made by {@link Twins}, which validates them.
   *
   * @param id the relationship id, unique per source twin
   * @param sourceId the source twin
   * @param targetId the target twin
   * @param name the Relationship name of the source twin's model
   * @param etag the ETag
   * @param lastUpdateTime when it was last written
   * @param properties the relationship's properties; taken over, not copied: it must not be changed
   */
  public Relation(String id, String sourceId, String targetId, String name, String etag, Instant lastUpdateTime,
      ObjectNode properties) {
    this(id, sourceId, targetId, name, Objects.requireNonNull(etag, "etag"), -1, lastUpdateTime, properties);
  }

  private Relation(String id, Object source, Object target, String name, String etagPrefix, long etagNumber,
      Instant lastUpdateTime, ObjectNode properties) {
    this(id, source, target, name, etagPrefix, etagNumber, Objects.requireNonNull(lastUpdateTime, "lastUpdateTime")
        .getEpochSecond(), lastUpdateTime.getNano(), properties);
  }

  private Relation(String id, Object source, Object target, String name, String etagPrefix, long etagNumber,
      long epochSecond, int nano, ObjectNode properties) {
    this.id = Objects.requireNonNull(id, "id");
    this.source = Objects.requireNonNull(source, "sourceId");
    this.target = Objects.requireNonNull(target, "targetId");
    this.name = Objects.requireNonNull(name, "name");
    this.etagPrefix = etagPrefix;
    this.etagNumber = etagNumber;
    this.epochSecond = epochSecond;
    this.nano = nano;
    this.properties = Objects.requireNonNull(properties, "properties");
    if (etagNumber < 0) this.etagText = etagPrefix;
  }

  /** @return the relationship id ({@code $relationshipId}), unique per source twin */
  public String id() {
    return id;
  }

  /** @return the source twin id ({@code $sourceId}) */
  public String sourceId() {
    Object s = source;
    return s instanceof String ? (String) s : ((GraphStore.Entry) s).id();
  }

  /** @return the target twin id ({@code $targetId}) */
  public String targetId() {
    Object t = target;
    return t instanceof String ? (String) t : ((GraphStore.Entry) t).id();
  }

  /** @return the Relationship name ({@code $relationshipName}) */
  public String name() {
    return name;
  }

  /** @return the ETag ({@code $etag}) */
  public String etag() {
    String e = etagText;
    if (e == null) etagText = e = etagPrefix + Long.toHexString(etagNumber) + '"';
    return e;
  }

  /** @return when the relationship was last written */
  public Instant lastUpdateTime() {
    return Instant.ofEpochSecond(epochSecond, nano);
  }

  /**
   * Returns a property's value.
   *
   * @param property the property name
   * @return the value (a copy, for objects and arrays), empty when not set
   */
  public Optional<JsonNode> property(String property) {
    JsonNode v = properties.get(property);
    if (v == null) return Optional.empty();
    return Optional.of(v.isContainer() ? v.deepCopy() : v);
  }

  /** @return the properties as one JSON object (a copy) */
  public ObjectNode properties() {
    return properties.deepCopy();
  }

  /**
   * Returns the relationship in the JSON of Azure Digital Twins: {@code $relationshipId},
   * {@code $etag}, {@code $sourceId}, {@code $targetId}, {@code $relationshipName}, properties.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("$relationshipId", id);
    o.put("$etag", etag());
    o.put("$sourceId", sourceId());
    o.put("$targetId", targetId());
    o.put("$relationshipName", name);
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      o.set(e.getKey(), e.getValue().deepCopy());
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Relation)) return false;
    Relation r = (Relation) o;
    return id.equals(r.id) && sourceId().equals(r.sourceId()) && targetId().equals(r.targetId()) && name.equals(r.name)
        && epochSecond == r.epochSecond && nano == r.nano && etag().equals(r.etag()) && properties.equals(r.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceId(), id, etag());
  }

  /** Renders source, name, target and id. */
  @Override
  public String toString() {
    return "Relation[" + sourceId() + " -" + name + "-> " + targetId() + ", id=" + id + "]";
  }
}
