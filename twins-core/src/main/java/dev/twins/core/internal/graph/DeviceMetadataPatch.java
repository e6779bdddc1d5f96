package dev.twins.core.internal.graph;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.graph.GraphException.Problem;
import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Property;
import dev.twins.core.model.ValueError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device members of a property's metadata in a twin patch: {@code desiredValue},
 * {@code desiredVersion}, {@code ackVersion}, {@code ackCode} and {@code ackDescription} at
 * {@code /$metadata/<property>/<member>} or {@code /<component>/$metadata/<property>/<member>}.
 *
 * <p>The graph store hands these operations over after it has applied the rest of the patch; they
 * are checked here (the property must be a Property of the model; a desired value only for a
 * writable one and fitting its schema; versions non-negative integers; the code an integer; the
 * description a string) and written into the metadata map the new twin state gets. All of it
 * happens inside the store's one write, so the change is versioned and published like any other.
 */
public final class DeviceMetadataPatch {
  /** The member names, as they appear in {@code $metadata.<property>}. */
  public static final List<String> MEMBERS =
      List.of("desiredValue", "desiredVersion", "ackVersion", "ackCode", "ackDescription");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DeviceMetadataPatch() {}

  /**
   * Tells whether a patch path names a device member of a property's metadata.
   *
   * @param path a JSON pointer
   * @return whether it ends in one of {@link #MEMBERS} below a {@code $metadata}
   */
  public static boolean handles(String path) {
    int slash = path.lastIndexOf('/');
    return slash > 0 && path.contains("$metadata/") && MEMBERS.contains(path.substring(slash + 1));
  }

  /**
   * Checks and applies device-member operations to the metadata of a twin's next state.
   *
   * @param id the twin id, for messages
   * @param model the twin's model (after the patch)
   * @param doc the twin's properties after the patch
   * @param ops the operations that {@link #handles} accepted, in patch order
   * @param meta the metadata of the next state, changed in place
   * @param now the time of the write
   * @throws GraphException if an operation is malformed or its value does not fit
   */
  public static void apply(String id, Interface model, ObjectNode doc, List<JsonPatch.Operation> ops,
      Map<String, PropertyMetadata> meta, Instant now) {
    for (JsonPatch.Operation op : ops) {
      Target t = target(id, model, op.path());
      PropertyMetadata pm = meta.get(t.key);
      ObjectNode members = members(pm);
      JsonNode current = members.get(t.member);
      switch (op.op()) {
        case TEST:
          if (current == null || !PatchValues.jsonEquals(op.value().orElseThrow(), current)) {
            throw new GraphException(Code.INVALID_PATCH, id, "test of " + op.path() + " failed: expected "
                + TwinValidator.describe(op.value().orElseThrow()) + " but found " + TwinValidator.describe(current));
          }
          continue;
        case REMOVE:
          if (current == null) {
            throw new GraphException(Code.INVALID_PATCH, id, "remove of " + op.path() + ": the property '" + t.key
                + "' has no " + t.member);
          }
          members.remove(t.member);
          break;
        case REPLACE:
          if (current == null) {
            throw new GraphException(Code.INVALID_PATCH, id, "replace of " + op.path() + ": the property '" + t.key
                + "' has no " + t.member + " to replace (use add to create it)");
          }
          members.set(t.member, check(id, t, op));
          break;
        default:
          members.set(t.member, check(id, t, op));
      }
      PropertyMetadata next = withMembers(pm == null ? new PropertyMetadata(now, Optional.empty()) : pm, members);
      if (next.hasDeviceState() || present(doc, t.key)) {
        meta.put(t.key, next);
      } else {
        meta.remove(t.key);
      }
    }
  }

  /**
   * Drops the metadata of properties that are no longer set, except for those that still carry
   * device members (a desired value can wait for a device that has not reported yet); those lose
   * their source time, which belonged to the removed value.
   *
   * @param meta the metadata of the next state, changed in place
   * @param present the keys of the properties that are set
   */
  public static void retainSet(Map<String, PropertyMetadata> meta, Set<String> present) {
    for (Iterator<Map.Entry<String, PropertyMetadata>> it = meta.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, PropertyMetadata> e = it.next();
      if (present.contains(e.getKey())) continue;
      if (e.getValue().hasDeviceState()) {
        e.setValue(e.getValue().withSourceTime(Optional.empty()));
      } else {
        it.remove();
      }
    }
  }

  /**
   * Writes the device members of a property's metadata into its JSON.
   *
   * @param pm the metadata
   * @param out the {@code $metadata.<property>} object
   */
  public static void write(PropertyMetadata pm, ObjectNode out) {
    pm.desiredValue().ifPresent(v -> out.set("desiredValue", v.deepCopy()));
    pm.desiredVersion().ifPresent(v -> out.put("desiredVersion", v));
    pm.ackVersion().ifPresent(v -> out.put("ackVersion", v));
    pm.ackCode().ifPresent(v -> out.put("ackCode", v));
    pm.ackDescription().ifPresent(v -> out.put("ackDescription", v));
  }

  /**
   * Gives a twin the device members of a metadata map (its metadata keys are the map's keys).
   *
   * @param t a twin made from the map's keys and times
   * @param meta the metadata, device members included
   * @return the twin, or a copy with the device members
   */
  public static Twin attach(Twin t, Map<String, PropertyMetadata> meta) {
    PropertyMetadata[] device = null;
    int i = 0;
    for (PropertyMetadata pm : meta.values()) {
      if (pm.hasDeviceState()) {
        if (device == null) device = new PropertyMetadata[meta.size()];
        device[i] = new PropertyMetadata(Instant.EPOCH, Optional.empty(), pm.desiredValue(), pm.desiredVersion(),
            pm.ackVersion(), pm.ackCode(), pm.ackDescription());
      }
      i++;
    }
    return device == null ? t : TwinAccess.get().withDevice(t, device);
  }

  /**
   * Carries the device members of a twin over to its next state of the same shape.
   *
   * @param old the twin before
   * @param t the twin after, with the same metadata keys
   * @return the twin after, with the old twin's device members
   */
  public static Twin carry(Twin old, Twin t) {
    PropertyMetadata[] device = TwinAccess.get().device(old);
    return device == null ? t : TwinAccess.get().withDevice(t, device);
  }

  /**
   * Tells whether a twin's metadata has exactly the keys it should: one per property that is set,
   * and one per property that is not set but still carries device members.
   *
   * @param present the keys of the properties that are set
   * @param meta the metadata
   * @return whether they fit
   */
  public static boolean keysFit(Set<String> present, Map<String, PropertyMetadata> meta) {
    if (!meta.keySet().containsAll(present)) return false;
    for (Map.Entry<String, PropertyMetadata> e : meta.entrySet()) {
      if (!present.contains(e.getKey()) && !e.getValue().hasDeviceState()) return false;
    }
    return true;
  }

  private static boolean present(ObjectNode doc, String key) {
    int slash = key.indexOf('/');
    if (slash < 0) return doc.has(key);
    JsonNode c = doc.get(key.substring(0, slash));
    return c != null && c.has(key.substring(slash + 1));
  }

  private static ObjectNode members(PropertyMetadata pm) {
    ObjectNode o = NODES.objectNode();
    if (pm != null) write(pm, o);
    return o;
  }

  private static PropertyMetadata withMembers(PropertyMetadata pm, ObjectNode m) {
    JsonNode dv = m.get("desiredValue");
    JsonNode dver = m.get("desiredVersion");
    JsonNode av = m.get("ackVersion");
    JsonNode ac = m.get("ackCode");
    JsonNode ad = m.get("ackDescription");
    return new PropertyMetadata(pm.lastUpdateTime(), pm.sourceTime(), Optional.ofNullable(dv),
        dver == null ? OptionalLong.empty() : OptionalLong.of(dver.longValue()),
        av == null ? OptionalLong.empty() : OptionalLong.of(av.longValue()),
        ac == null ? OptionalInt.empty() : OptionalInt.of(ac.intValue()),
        ad == null ? Optional.empty() : Optional.of(ad.asString()));
  }

  /** Checks an operation's value for its member; returns the value to store. */
  private static JsonNode check(String id, Target t, JsonPatch.Operation op) {
    JsonNode v = op.value().orElseThrow();
    switch (t.member) {
      case "desiredValue": {
        if (!t.property.writable()) {
          throw new GraphException(Code.NOT_WRITABLE, id, op.path() + ": property '" + t.key + "' of " + t.owner.id()
              + " is not writable, so it has no desired value");
        }
        List<ValueError> errors = t.property.schema().validate(v);
        if (!errors.isEmpty()) {
          List<Problem> problems = new ArrayList<>();
          for (ValueError ve : errors) {
            JsonNode at = ve.pointer().isEmpty() ? v : v.at(ve.pointer());
            problems.add(new Problem(op.path() + ve.pointer(), ve.expected(), TwinValidator.describe(at), ve.message()));
          }
          throw TwinValidator.failure(id, "the desired value of '" + t.key + "'", problems);
        }
        return v.isContainer() ? v.deepCopy() : v;
      }
      case "desiredVersion":
      case "ackVersion":
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
          throw invalidMember(id, op.path(), "a non-negative integer", v);
        }
        return NODES.numberNode(v.longValue());
      case "ackCode":
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
          throw invalidMember(id, op.path(), "an integer status code such as 200", v);
        }
        return NODES.numberNode(v.intValue());
      default:
        if (!v.isString()) throw invalidMember(id, op.path(), "a string", v);
        return v;
    }
  }

  private static GraphException invalidMember(String id, String path, String expected, JsonNode given) {
    return new GraphException(Code.VALIDATION_FAILED, id, path + " must be " + expected + ", not "
        + TwinValidator.describe(given), List.of(new Problem(path, expected, TwinValidator.describe(given),
        "must be " + expected)));
  }

  /** Where an operation writes: metadata key, member, and the Property with its Interface. */
  private static final class Target {
    final String key;
    final String member;
    final Property property;
    final Interface owner;

    Target(String key, String member, Property property, Interface owner) {
      this.key = key;
      this.member = member;
      this.property = property;
      this.owner = owner;
    }
  }

  private static Target target(String id, Interface model, String path) {
    List<String> tokens;
    try {
      tokens = JsonPointers.parsePointer(path);
    } catch (IllegalArgumentException ex) {
      throw new GraphException(Code.INVALID_PATCH, id, ex.getMessage());
    }
    String component = null;
    int n = tokens.size();
    boolean topLevel = n == 3 && tokens.get(0).equals("$metadata");
    boolean inComponent = n == 4 && tokens.get(1).equals("$metadata");
    if (!topLevel && !inComponent) {
      throw new GraphException(Code.INVALID_PATCH, id, "path " + path + " cannot be patched; device members are "
          + "written at /$metadata/<property>/<member> or /<component>/$metadata/<property>/<member>");
    }
    Interface owner = model;
    if (inComponent) {
      component = tokens.get(0);
      Content c = model.contents().get(component);
      if (!(c instanceof Component)) {
        throw new GraphException(Code.INVALID_PATCH, id, path + ": '" + component + "' is not a Component of "
            + model.id());
      }
      owner = ((Component) c).schema();
    }
    String name = tokens.get(n - 2);
    Content c = owner.contents().get(name);
    if (!(c instanceof Property)) {
      throw new GraphException(Code.INVALID_PATCH, id, path + ": '" + name + "' is not a Property of " + owner.id()
          + (c == null ? "" : " (it is a " + c.getClass().getSimpleName() + ")"));
    }
    return new Target(component == null ? name : component + "/" + name, tokens.get(n - 1), (Property) c, owner);
  }
}
