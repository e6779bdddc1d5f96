package dev.twins.core.internal.device;

import dev.twins.core.device.Ack;
import dev.twins.core.device.WritableProperty;
import dev.twins.core.graph.Condition;
import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PreconditionFailedException;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.internal.graph.AdtJson;
import dev.twins.core.internal.graph.JsonPointers;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Desired and reported values of writable properties, kept in the twin's property metadata and
 * written only through the graph's JSON Patch, so each step is one versioned, published, journaled
 * change of the twin.
 *
 * <p>A desired write reads the twin, takes the next desired version (one more than the highest
 * desired version of any of the twin's properties) and patches on the ETag it read; when another
 * write came first it reads again and retries, so versions increase per twin even under
 * concurrent writers. The graph checks that the property is writable and that the value fits.
 */
public final class DesiredStates {
  private final Twins twins;

  /**
   * Creates the desired-state writer of a graph.
   *
   * @param twins the graph
   */
  public DesiredStates(Twins twins) {
    this.twins = Objects.requireNonNull(twins, "twins");
  }

  /**
   * Sets a desired value with the next desired version of the twin.
   *
   * @param twinId the twin
   * @param property {@code name} or {@code component/name}
   * @param value the value, converted to JSON
   * @return the property after the write
   */
  public WritableProperty setDesired(String twinId, String property, Object value) {
    Objects.requireNonNull(value, "value");
    return write(twinId, property, twin -> {
      Path p = path(twin, property);
      long version = nextVersion(twin);
      return JsonPatch.builder().add(p.meta + "/desiredValue", AdtJson.toJson(value))
          .add(p.meta + "/desiredVersion", version).build();
    });
  }

  /**
   * Writes a device's report: the value and its acknowledgement, in one change.
   *
   * @param twinId the twin
   * @param property {@code name} or {@code component/name}
   * @param value the value the device has
   * @param ack the device's answer
   * @return the property after the write
   */
  public WritableProperty report(String twinId, String property, Object value, Ack ack) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(ack, "ack");
    return write(twinId, property, twin -> {
      Path p = path(twin, property);
      JsonPatch.Builder b = JsonPatch.builder().add(p.value, AdtJson.toJson(value));
      return ack(b, twin, p, ack).build();
    });
  }

  /**
   * Writes a device's acknowledgement without changing the value.
   *
   * @param twinId the twin
   * @param property {@code name} or {@code component/name}
   * @param ack the device's answer
   * @return the property after the write
   */
  public WritableProperty acknowledge(String twinId, String property, Ack ack) {
    Objects.requireNonNull(ack, "ack");
    return write(twinId, property, twin -> ack(JsonPatch.builder(), twin, path(twin, property), ack).build());
  }

  /**
   * Reads one writable property of a twin.
   *
   * @param twinId the twin
   * @param property {@code name} or {@code component/name}
   * @return its desired and reported sides
   */
  public WritableProperty read(String twinId, String property) {
    Twin twin = require(twinId);
    path(twin, property);
    return view(twin, property);
  }

  /**
   * Reads every writable property of a twin, its components' included.
   *
   * @param twinId the twin
   * @return one entry per writable property the model declares, in declaration order
   */
  public List<WritableProperty> readAll(String twinId) {
    Twin twin = require(twinId);
    Interface model = model(twin);
    List<WritableProperty> out = new ArrayList<>();
    for (Content c : model.contents().values()) {
      if (c instanceof Property && ((Property) c).writable()) {
        out.add(view(twin, c.name()));
      } else if (c instanceof Component) {
        for (Property p : ((Component) c).schema().properties()) {
          if (p.writable()) out.add(view(twin, c.name() + "/" + p.name()));
        }
      }
    }
    return out;
  }

  private WritableProperty write(String twinId, String property, Function<Twin, JsonPatch> patch) {
    Objects.requireNonNull(property, "property");
    while (true) {
      Twin twin = require(twinId);
      try {
        Twin after = twins.patch(twinId, patch.apply(twin), Condition.ifMatch(twin.etag()));
        return view(after, property);
      } catch (PreconditionFailedException ex) {
        // another write to the twin came first: read it again and retry
        continue;
      }
    }
  }

  private static JsonPatch.Builder ack(JsonPatch.Builder b, Twin twin, Path p, Ack ack) {
    b.add(p.meta + "/ackCode", ack.code()).add(p.meta + "/ackVersion", ack.version());
    if (ack.description().isPresent()) {
      b.add(p.meta + "/ackDescription", ack.description().get());
    } else if (metadata(twin, p.key).flatMap(PropertyMetadata::ackDescription).isPresent()) {
      b.remove(p.meta + "/ackDescription");
    }
    return b;
  }

  private static long nextVersion(Twin twin) {
    long max = 0;
    for (PropertyMetadata pm : twin.metadata().values()) {
      if (pm.desiredVersion().isPresent()) max = Math.max(max, pm.desiredVersion().getAsLong());
    }
    return max + 1;
  }

  private static WritableProperty view(Twin twin, String property) {
    Optional<PropertyMetadata> pm = metadata(twin, property);
    Optional<Ack> ack = pm.filter(m -> m.ackCode().isPresent()).map(m -> new Ack(clampCode(m.ackCode().getAsInt()),
        m.ackVersion().orElse(0), m.ackDescription()));
    return new WritableProperty(twin.id(), property, pm.flatMap(PropertyMetadata::desiredValue),
        pm.map(PropertyMetadata::desiredVersion).orElse(java.util.OptionalLong.empty()), twin.property(property), ack);
  }

  /** An ack code written by a raw patch may lie outside 100..599; show it as a failure rather than fail to read. */
  private static int clampCode(int code) {
    return code < 100 || code > 599 ? 500 : code;
  }

  private static Optional<PropertyMetadata> metadata(Twin twin, String key) {
    return Optional.ofNullable(twin.metadata().get(key));
  }

  private Twin require(String twinId) {
    Objects.requireNonNull(twinId, "twinId");
    return twins.twin(twinId).orElseThrow(() -> new GraphException(GraphException.Code.TWIN_NOT_FOUND, twinId,
        "no such twin"));
  }

  private Interface model(Twin twin) {
    return twins.models().get(twin.model()).orElseThrow(() -> new GraphException(GraphException.Code.MODEL_NOT_FOUND,
        twin.id(), "model " + twin.model() + " is not in the graph's model set"));
  }

  /** Where a property's value and metadata live in the twin's JSON. */
  private static final class Path {
    final String key;
    final String value;
    final String meta;

    Path(String key, String value, String meta) {
      this.key = key;
      this.value = value;
      this.meta = meta;
    }
  }

  private Path path(Twin twin, String property) {
    Interface model = model(twin);
    Interface owner = model;
    String component = null;
    String name = property;
    int slash = property.indexOf('/');
    if (slash >= 0) {
      component = property.substring(0, slash);
      name = property.substring(slash + 1);
      Content c = model.contents().get(component);
      if (!(c instanceof Component)) {
        throw new GraphException(GraphException.Code.VALIDATION_FAILED, twin.id(), "'" + component
            + "' is not a Component of " + model.id() + ", so '" + property + "' names no property");
      }
      owner = ((Component) c).schema();
    }
    Content c = owner.contents().get(name);
    if (!(c instanceof Property)) {
      throw new GraphException(GraphException.Code.VALIDATION_FAILED, twin.id(), "'" + name + "' is not a Property of "
          + owner.id() + (c == null ? "" : " (it is a " + c.getClass().getSimpleName() + ")"));
    }
    if (!((Property) c).writable()) {
      throw new GraphException(GraphException.Code.NOT_WRITABLE, twin.id(), "property '" + property + "' of "
          + owner.id() + " is not writable, so it has no desired value and no acknowledgement");
    }
    String esc = JsonPointers.escape(name);
    if (component == null) return new Path(property, "/" + esc, "/$metadata/" + esc);
    String ec = JsonPointers.escape(component);
    return new Path(property, "/" + ec + "/" + esc, "/" + ec + "/$metadata/" + esc);
  }
}
