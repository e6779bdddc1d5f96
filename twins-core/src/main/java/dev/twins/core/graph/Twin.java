package dev.twins.core.graph;

import dev.twins.core.model.Dtmi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An immutable snapshot of a twin: id, model, ETag, properties, components and their metadata,
 * as Azure Digital Twins keeps them. {@link Twins} hands these out; they never change, so they
 * can be read from any thread while the graph moves on.
 *
 * <p>Values are Jackson {@link JsonNode}s; containers (objects, arrays) are returned as copies.
 */
public final class Twin {
  private final String id;
  private final Dtmi model;
  private final String etag;
  private final long version;
  private final Instant lastUpdateTime;
  private final ObjectNode document;
  private final Map<String, PropertyMetadata> metadata;

  /**
   * Creates a snapshot. Twins are normally made by {@link Twins}, which validates them.
   *
   * @param id the twin id
   * @param model the model DTMI
   * @param etag the ETag
   * @param version how many writes made this state (1 after the create)
   * @param lastUpdateTime when the twin was last written
   * @param document properties and components by name (components as objects of their
   *     properties, without {@code $metadata}); taken over, not copied: it must not be changed
   * @param metadata per property: the key is the property name, or {@code component/property};
   *     taken over, not copied (like {@code document}): it must not be changed
   */
  public Twin(String id, Dtmi model, String etag, long version, Instant lastUpdateTime, ObjectNode document,
      Map<String, PropertyMetadata> metadata) {
    this.id = Objects.requireNonNull(id, "id");
    this.model = Objects.requireNonNull(model, "model");
    this.etag = Objects.requireNonNull(etag, "etag");
    this.version = version;
    this.lastUpdateTime = Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    this.document = Objects.requireNonNull(document, "document");
    this.metadata = Collections.unmodifiableMap(Objects.requireNonNull(metadata, "metadata"));
  }

  /** @return the twin id ({@code $dtId}) */
  public String id() {
    return id;
  }

  /** @return the model ({@code $metadata.$model}) */
  public Dtmi model() {
    return model;
  }

  /** @return the ETag ({@code $etag}), which changes on every write */
  public String etag() {
    return etag;
  }

  /** @return the number of writes that made this state: 1 after the create */
  public long version() {
    return version;
  }

  /** @return when the twin was last written ({@code $metadata.$lastUpdateTime}) */
  public Instant lastUpdateTime() {
    return lastUpdateTime;
  }

  /**
   * Returns a property's value.
   *
   * @param name a property name, or {@code component/property}
   * @return the value (a copy, for objects and arrays), empty when the property is not set
   */
  public Optional<JsonNode> property(String name) {
    JsonNode v;
    int slash = name.indexOf('/');
    if (slash < 0) {
      v = document.get(name);
    } else {
      JsonNode c = document.get(name.substring(0, slash));
      v = c == null ? null : c.get(name.substring(slash + 1));
    }
    if (v == null) return Optional.empty();
    return Optional.of(v.isContainer() ? v.deepCopy() : v);
  }

  /**
   * Returns a numeric property's value.
   *
   * @param name a property name, or {@code component/property}
   * @return the value, empty when the property is not set or not a number
   */
  public java.util.OptionalDouble number(String name) {
    Optional<JsonNode> v = property(name);
    return v.isPresent() && v.get().isNumber() ? java.util.OptionalDouble.of(v.get().doubleValue())
        : java.util.OptionalDouble.empty();
  }

  /** @return the names of the properties and components that are set, in write order */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = document.propertyNames().iterator(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  /**
   * @return the metadata of each property that is set, and of each property that has a desired
   *     value or a device acknowledgement but no value yet; keys are names or {@code component/property}
   */
  public Map<String, PropertyMetadata> metadata() {
    return metadata;
  }

  /** @return the properties and components as one JSON object (a copy), without metadata */
  public ObjectNode document() {
    return document.deepCopy();
  }

  /**
   * Returns the twin in the JSON of Azure Digital Twins: {@code $dtId}, {@code $etag},
   * {@code $metadata} (with {@code $model}, {@code $lastUpdateTime} and per-property
   * {@code lastUpdateTime} / {@code sourceTime}, and for writable properties configured on a device
   * {@code desiredValue}, {@code desiredVersion}, {@code ackVersion}, {@code ackCode},
   * {@code ackDescription}), properties, and components with their own
   * {@code $metadata}.
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("$dtId", id);
    o.put("$etag", etag);
    ObjectNode meta = o.putObject("$metadata");
    meta.put("$model", model.value());
    meta.put("$lastUpdateTime", lastUpdateTime.toString());
    Map<String, ObjectNode> componentMeta = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = document.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (metadata.containsKey(e.getKey()) || !isComponent(e.getKey())) {
        o.set(e.getKey(), e.getValue().deepCopy());
      } else {
        ObjectNode c = o.putObject(e.getKey());
        ObjectNode cm = c.putObject("$metadata");
        componentMeta.put(e.getKey(), cm);
        for (Iterator<Map.Entry<String, JsonNode>> ci = e.getValue().properties().iterator(); ci.hasNext(); ) {
          Map.Entry<String, JsonNode> ce = ci.next();
          c.set(ce.getKey(), ce.getValue().deepCopy());
        }
      }
    }
    for (Map.Entry<String, PropertyMetadata> e : metadata.entrySet()) {
      String key = e.getKey();
      int slash = key.indexOf('/');
      ObjectNode target = slash < 0 ? meta : componentMeta.get(key.substring(0, slash));
      if (target == null) continue;
      ObjectNode m = target.putObject(slash < 0 ? key : key.substring(slash + 1));
      m.put("lastUpdateTime", e.getValue().lastUpdateTime().toString());
      PropertyMetadata pm = e.getValue();
      pm.sourceTime().ifPresent(t -> m.put("sourceTime", t.toString()));
      pm.desiredValue().ifPresent(v -> m.set("desiredValue", v.deepCopy()));
      pm.desiredVersion().ifPresent(v -> m.put("desiredVersion", v));
      pm.ackVersion().ifPresent(v -> m.put("ackVersion", v));
      pm.ackCode().ifPresent(v -> m.put("ackCode", v));
      pm.ackDescription().ifPresent(v -> m.put("ackDescription", v));
    }
    return o;
  }

  private boolean isComponent(String name) {
    JsonNode v = document.get(name);
    return v != null && v.isObject() && !metadata.containsKey(name);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Twin)) return false;
    Twin t = (Twin) o;
    return id.equals(t.id) && model.equals(t.model) && etag.equals(t.etag) && version == t.version
        && lastUpdateTime.equals(t.lastUpdateTime) && document.equals(t.document) && metadata.equals(t.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, etag);
  }

  /** Renders id, model, version and the number of properties only. */
  @Override
  public String toString() {
    return "Twin[" + id + ", model=" + model + ", version=" + version + ", properties=" + document.size() + "]";
  }
}
