package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.BUILDING;
import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static dev.twins.core.graph.DemoModels.SENSOR;
import static dev.twins.core.graph.DemoModels.SPACE;
import static dev.twins.core.graph.DemoModels.THERMOSTAT;

import dev.twins.core.graph.GraphException.Code;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A twin graph over {@link DemoModels} written out by hand with plain maps: the oracle of
 * {@link GraphModelProperties}. It encodes the rules of Azure Digital Twins (and the documented
 * options of {@link Twins.Builder}) independently of the implementation: the model contents are
 * spelled out here rather than read from the parsed models, values are checked by a small schema
 * checker of its own, and patches are applied by a small RFC 6902 applier of its own.
 *
 * <p>Each write returns the set of rules it breaks; the write must fail with one of those codes
 * when the set is not empty (which rule an implementation checks first is its own business), and
 * succeed otherwise. Only a successful write changes the state.
 */
final class ReferenceGraph {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The schemas of the demo models' properties. */
  enum Kind { STRING, INTEGER, DOUBLE, DATE_TIME, STRING_MAP, ADDRESS }

  /** A Relationship: target model, maxMultiplicity (0 for none), properties. */
  record RelInfo(String target, int maxMultiplicity, Map<String, Kind> properties) {}

  /** An Interface with its inherited contents flattened. */
  record ModelInfo(String id, Set<String> bases, Map<String, Kind> properties, Map<String, String> components,
      Map<String, RelInfo> relationships) {}

  static final Map<String, ModelInfo> MODELS = new LinkedHashMap<>();

  /** The properties declared {@code "writable": true}; every other property is not writable. */
  static final Set<String> WRITABLE = Set.of("name", "temperature", "setPoint");

  /** The dateTime strings the generators use that are valid; every other string is not. */
  static final Set<String> VALID_DATE_TIMES = Set.of("2024-01-01T00:00:00Z", "2024-05-01T12:30:00+02:00");

  static {
    RelInfo contains = new RelInfo(SPACE, 0, Map.of());
    Map<String, Kind> space = Map.of("name", Kind.STRING);
    MODELS.put(SPACE, new ModelInfo(SPACE, Set.of(SPACE), space, Map.of(), Map.of("contains", contains)));
    MODELS.put(BUILDING, new ModelInfo(BUILDING, Set.of(BUILDING, SPACE), space, Map.of(),
        Map.of("contains", contains)));
    MODELS.put(FLOOR, new ModelInfo(FLOOR, Set.of(FLOOR, SPACE), Map.of("name", Kind.STRING, "level", Kind.INTEGER),
        Map.of(), Map.of("contains", contains)));
    MODELS.put(ROOM, new ModelInfo(ROOM, Set.of(ROOM, SPACE), Map.of("name", Kind.STRING, "temperature", Kind.DOUBLE,
        "area", Kind.DOUBLE, "tags", Kind.STRING_MAP, "address", Kind.ADDRESS), Map.of("thermostat", THERMOSTAT),
        Map.of("contains", contains, "hasSensor", new RelInfo(SENSOR, 2, Map.of("since", Kind.DATE_TIME)))));
    MODELS.put(SENSOR, new ModelInfo(SENSOR, Set.of(SENSOR), Map.of("value", Kind.DOUBLE), Map.of(), Map.of()));
    MODELS.put(THERMOSTAT, new ModelInfo(THERMOSTAT, Set.of(THERMOSTAT), Map.of("setPoint", Kind.DOUBLE), Map.of(),
        Map.of()));
  }

  /** The options of {@link Twins.Builder} the reference knows. */
  record Options(boolean cascadeDelete, boolean allowSelfRelationships, boolean enforceMaxMultiplicity,
      boolean enforceWritable) {
    Twins build(dev.twins.core.model.Models models) {
      return builder(models).build();
    }

    Twins.Builder builder(dev.twins.core.model.Models models) {
      return Twins.builder(models).cascadeDelete(cascadeDelete).allowSelfRelationships(allowSelfRelationships)
          .enforceMaxMultiplicity(enforceMaxMultiplicity).enforceWritable(enforceWritable);
    }
  }

  /** A condition as the reference sees it. */
  record Cond(CondKind kind, String etag) {
    Condition toCondition() {
      switch (kind) {
        case IF_MATCH: return Condition.ifMatch(etag);
        case IF_MATCH_ANY: return Condition.ifMatchAny();
        case IF_NONE_MATCH_ANY: return Condition.ifNoneMatchAny();
        default: return Condition.none();
      }
    }

    boolean holds(String current) {
      switch (kind) {
        case IF_MATCH: return current != null && current.equals(etag);
        case IF_MATCH_ANY: return current != null;
        case IF_NONE_MATCH_ANY: return current == null;
        default: return true;
      }
    }

    @Override
    public String toString() {
      return toCondition().toString();
    }
  }

  /** The kinds of condition. */
  enum CondKind { NONE, IF_MATCH, IF_MATCH_ANY, IF_NONE_MATCH_ANY }

  /** A twin: model, properties and components, ETag, writes since creation, source times. */
  static final class TwinState {
    String model;
    ObjectNode doc;
    String etag;
    long version;
    Map<String, Instant> sourceTimes = new TreeMap<>();

    TwinState(String model, ObjectNode doc) {
      this.model = model;
      this.doc = doc;
    }
  }

  /** A relationship. */
  record Rel(String source, String id, String name, String target, ObjectNode props, String etag) {}

  final Options options;
  final Map<String, TwinState> twins = new TreeMap<>();
  /** source → relationship id → relationship. */
  final Map<String, Map<String, Rel>> out = new TreeMap<>();

  ReferenceGraph(Options options) {
    this.options = options;
  }

  // ------------------------------------------------------------------------------------ rules

  static boolean isModelId(String s) {
    return s.startsWith("dtmi:") && s.indexOf(' ') < 0 && s.indexOf(';') > 0;
  }

  static boolean validId(String id) {
    if (id.isEmpty() || id.length() > 1024) return false;
    for (char c : id.toCharArray()) if (Character.isISOControl(c)) return false;
    return true;
  }

  static boolean isA(String model, String base) {
    ModelInfo m = MODELS.get(model);
    return m != null && m.bases().contains(base);
  }

  static boolean fits(Kind kind, JsonNode v) {
    switch (kind) {
      case STRING:
        return v.isString();
      case INTEGER:
        if (!v.isNumber()) return false;
        double d = v.doubleValue();
        return d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
      case DOUBLE:
        return v.isNumber();
      case DATE_TIME:
        return v.isString() && VALID_DATE_TIMES.contains(v.asString());
      case STRING_MAP:
        if (!v.isObject()) return false;
        for (Map.Entry<String, JsonNode> e : v.properties()) if (!e.getValue().isString()) return false;
        return true;
      case ADDRESS:
        if (!v.isObject()) return false;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
          Kind k = e.getKey().equals("street") ? Kind.STRING : e.getKey().equals("number") ? Kind.INTEGER : null;
          if (k == null || !fits(k, e.getValue())) return false;
        }
        return true;
      default:
        throw new AssertionError(kind);
    }
  }

  /** Whether a document fits a model: declared properties that fit, components present and fitting. */
  static boolean fitsModel(String model, ObjectNode doc) {
    ModelInfo m = MODELS.get(model);
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      Kind k = m.properties().get(e.getKey());
      String comp = m.components().get(e.getKey());
      if (k != null) {
        if (!fits(k, e.getValue())) return false;
      } else if (comp != null) {
        if (!e.getValue().isObject()) return false;
        for (Map.Entry<String, JsonNode> ce : e.getValue().properties()) {
          Kind ck = MODELS.get(comp).properties().get(ce.getKey());
          if (ck == null || !fits(ck, ce.getValue())) return false;
        }
      } else {
        return false;
      }
    }
    for (String c : m.components().keySet()) if (!doc.has(c)) return false;
    return true;
  }

  /** The metadata keys of a document: property names and {@code component/property}. */
  static Set<String> propertyKeys(String model, ObjectNode doc) {
    ModelInfo m = MODELS.get(model);
    Set<String> keys = new java.util.TreeSet<>();
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      if (m.components().containsKey(e.getKey())) {
        for (String p : e.getValue().propertyNames()) keys.add(e.getKey() + "/" + p);
      } else {
        keys.add(e.getKey());
      }
    }
    return keys;
  }

  /** Whether writing these top-level members of a document writes a property that is not writable. */
  static boolean writesReadOnly(String model, ObjectNode doc, Iterable<String> members) {
    ModelInfo m = MODELS.get(model);
    for (String name : members) {
      if (m.properties().containsKey(name) && !WRITABLE.contains(name)) return true;
      if (m.components().containsKey(name) && doc.get(name) != null && doc.get(name).isObject()) {
        for (String p : doc.get(name).propertyNames()) {
          if (MODELS.get(m.components().get(name)).properties().containsKey(p) && !WRITABLE.contains(p)) return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------ RFC 6902

  static List<String> tokens(String path) {
    List<String> out = new ArrayList<>();
    if (path.isEmpty()) return out;
    for (String t : path.substring(1).split("/", -1)) out.add(t.replace("~1", "/").replace("~0", "~"));
    return out;
  }

  /** Applies add, replace or remove to a tree of objects, in place; false when it cannot apply. */
  static boolean apply(ObjectNode root, JsonPatch.Operation op) {
    List<String> tokens = tokens(op.path());
    if (tokens.isEmpty()) return false;
    JsonNode parent = root;
    for (int i = 0; i < tokens.size() - 1; i++) {
      if (!parent.isObject()) return false;
      parent = parent.get(tokens.get(i));
      if (parent == null) return false;
    }
    if (!parent.isObject()) return false;
    ObjectNode p = (ObjectNode) parent;
    String last = tokens.get(tokens.size() - 1);
    switch (op.op()) {
      case ADD:
        p.set(last, op.value().orElseThrow().deepCopy());
        return true;
      case REPLACE:
        if (!p.has(last)) return false;
        p.set(last, op.value().orElseThrow().deepCopy());
        return true;
      case REMOVE:
        if (!p.has(last)) return false;
        p.remove(last);
        return true;
      default:
        throw new AssertionError("the reference does not generate " + op);
    }
  }

  /** Whether an operation is about metadata ({@code $model}, {@code sourceTime}) or other system members. */
  static boolean isSystemPath(String path) {
    return path.startsWith("/$") || path.contains("/$metadata/");
  }

  // ------------------------------------------------------------------------------------ writes

  Optional<String> etagOf(String id) {
    TwinState t = twins.get(id);
    return t == null ? Optional.empty() : Optional.of(t.etag);
  }

  Optional<String> relationEtag(String source, String relId) {
    Rel r = out.getOrDefault(source, Map.of()).get(relId);
    return r == null ? Optional.empty() : Optional.of(r.etag());
  }

  boolean hasRelations(String id) {
    if (!out.getOrDefault(id, Map.of()).isEmpty()) return true;
    for (Map<String, Rel> m : out.values()) for (Rel r : m.values()) if (r.target().equals(id)) return true;
    return false;
  }

  /** Creates or replaces a twin (create: {@code If-None-Match: *}); {@code viaJson} is putTwin's path. */
  Set<Code> checkPut(String id, String model, ObjectNode doc, Cond cond, boolean viaJson) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    if (!validId(id)) codes.add(Code.INVALID_ID);
    if (!isModelId(model)) {
      codes.add(viaJson ? Code.INVALID_DOCUMENT : Code.MODEL_NOT_FOUND);
      return codes;
    }
    if (!MODELS.containsKey(model)) {
      codes.add(Code.MODEL_NOT_FOUND);
      return codes;
    }
    if (!fitsModel(model, doc)) codes.add(Code.VALIDATION_FAILED);
    if (options.enforceWritable() && writesReadOnly(model, doc, doc.propertyNames())) codes.add(Code.NOT_WRITABLE);
    TwinState old = twins.get(id);
    if (!cond.holds(old == null ? null : old.etag)) codes.add(Code.PRECONDITION_FAILED);
    return codes;
  }

  void put(String id, String model, ObjectNode doc, String etag) {
    TwinState old = twins.get(id);
    TwinState t = new TwinState(model, doc.deepCopy());
    t.etag = etag;
    t.version = old == null ? 1 : old.version + 1;
    twins.put(id, t);
  }

  /** The outcome of a twin patch as the reference computes it: the rules broken, or the new state. */
  record PatchResult(Set<Code> codes, String model, ObjectNode doc, Map<String, Instant> sourceTimes) {}

  PatchResult checkPatch(String id, JsonPatch patch, Cond cond) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    TwinState t = twins.get(id);
    if (t == null) {
      codes.add(Code.TWIN_NOT_FOUND);
      if (!cond.holds(null)) codes.add(Code.PRECONDITION_FAILED);
      return new PatchResult(codes, null, null, null);
    }
    if (!cond.holds(t.etag)) codes.add(Code.PRECONDITION_FAILED);
    String model = t.model;
    ObjectNode doc = t.doc.deepCopy();
    Map<String, Optional<Instant>> times = new LinkedHashMap<>();
    boolean applied = true;
    boolean docApplies = true;
    List<String> touched = new ArrayList<>();
    for (JsonPatch.Operation op : patch.operations()) {
      String path = op.path();
      if (path.equals("/$metadata/$model")) {
        JsonNode v = op.value().orElse(null);
        if (op.op() == JsonPatch.Op.REMOVE || v == null || !v.isString() || !isModelId(v.asString())) {
          codes.add(Code.INVALID_PATCH);
          applied = false;
        } else {
          // operations apply in order: only the model the twin ends with must exist
          model = v.asString();
        }
      } else if (path.endsWith("/sourceTime") && path.contains("/$metadata/")) {
        List<String> tk = tokens(path);
        String key = tk.get(0).equals("$metadata") ? tk.get(1) : tk.get(0) + "/" + tk.get(2);
        if (op.op() == JsonPatch.Op.REMOVE) {
          times.put(key, Optional.empty());
        } else {
          try {
            times.put(key, Optional.of(Instant.parse(op.value().orElseThrow().asString())));
          } catch (DateTimeParseException e) {
            codes.add(Code.INVALID_PATCH);
            applied = false;
          }
        }
      } else if (path.startsWith("/$")) {
        codes.add(Code.INVALID_PATCH);
        applied = false;
      } else if (docApplies) {
        touched.add(tokens(path).get(0));
        if (!apply(doc, op)) {
          codes.add(Code.INVALID_PATCH);
          applied = false;
          docApplies = false;
        }
      }
    }
    if (applied && !MODELS.containsKey(model)) {
      codes.add(Code.MODEL_NOT_FOUND);
      applied = false;
    }
    if (!applied) return new PatchResult(codes, null, null, null);
    if (!fitsModel(model, doc)) codes.add(Code.VALIDATION_FAILED);
    if (options.enforceWritable() && writesReadOnly(model, doc, touched)) codes.add(Code.NOT_WRITABLE);
    Set<String> keys = propertyKeys(model, doc);
    for (String key : times.keySet()) if (!keys.contains(key)) codes.add(Code.INVALID_PATCH);
    // ADT: a later value-only update keeps the sourceTime; a property that is gone loses its metadata
    Map<String, Instant> sourceTimes = new TreeMap<>(t.sourceTimes);
    sourceTimes.keySet().retainAll(keys);
    for (Map.Entry<String, Optional<Instant>> e : times.entrySet()) {
      if (e.getValue().isPresent()) {
        sourceTimes.put(e.getKey(), e.getValue().get());
      } else {
        sourceTimes.remove(e.getKey());
      }
    }
    return new PatchResult(codes, model, doc, sourceTimes);
  }

  void patch(String id, PatchResult r, String etag) {
    TwinState t = twins.get(id);
    t.model = r.model();
    t.doc = r.doc();
    t.sourceTimes = r.sourceTimes();
    t.etag = etag;
    t.version++;
  }

  Set<Code> checkDelete(String id, Cond cond) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    TwinState t = twins.get(id);
    if (t == null) codes.add(Code.TWIN_NOT_FOUND);
    if (!cond.holds(t == null ? null : t.etag)) codes.add(Code.PRECONDITION_FAILED);
    if (t != null && !options.cascadeDelete() && hasRelations(id)) codes.add(Code.HAS_RELATIONSHIPS);
    return codes;
  }

  void delete(String id) {
    out.remove(id);
    for (Map<String, Rel> m : out.values()) m.values().removeIf(r -> r.target().equals(id));
    twins.remove(id);
  }

  Set<Code> checkRelate(String source, String relId, String name, String target, ObjectNode props, Cond cond) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    if (!validId(relId)) codes.add(Code.INVALID_ID);
    if (source.equals(target) && !options.allowSelfRelationships()) codes.add(Code.SELF_RELATIONSHIP);
    TwinState src = twins.get(source);
    TwinState tgt = twins.get(target);
    if (src == null) codes.add(Code.TWIN_NOT_FOUND);
    if (tgt == null) codes.add(Code.TARGET_NOT_FOUND);
    if (src == null) return codes;
    Rel old = out.getOrDefault(source, Map.of()).get(relId);
    if (!cond.holds(old == null ? null : old.etag())) codes.add(Code.PRECONDITION_FAILED);
    RelInfo rel = MODELS.get(src.model).relationships().get(name);
    if (rel == null) {
      codes.add(Code.INVALID_RELATIONSHIP);
      return codes;
    }
    if (tgt != null && !isA(tgt.model, rel.target())) codes.add(Code.INVALID_RELATIONSHIP);
    if (!relationPropsFit(rel, props)) codes.add(Code.VALIDATION_FAILED);
    if (options.enforceWritable()) {
      for (String p : props.propertyNames()) {
        if (rel.properties().containsKey(p) && !WRITABLE.contains(p)) codes.add(Code.NOT_WRITABLE);
      }
    }
    if (options.enforceMaxMultiplicity() && rel.maxMultiplicity() > 0) {
      long others = out.getOrDefault(source, Map.of()).values().stream()
          .filter(r -> r.name().equals(name) && !r.id().equals(relId)).count();
      if (others + 1 > rel.maxMultiplicity()) codes.add(Code.MULTIPLICITY_EXCEEDED);
    }
    return codes;
  }

  static boolean relationPropsFit(RelInfo rel, ObjectNode props) {
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      Kind k = rel.properties().get(e.getKey());
      if (k == null || !fits(k, e.getValue())) return false;
    }
    return true;
  }

  void relate(String source, String relId, String name, String target, ObjectNode props, String etag) {
    out.computeIfAbsent(source, k -> new TreeMap<>()).put(relId, new Rel(source, relId, name, target,
        props.deepCopy(), etag));
  }

  /** The outcome of a relationship patch: the rules broken, or the new properties. */
  record RelPatchResult(Set<Code> codes, ObjectNode props) {}

  RelPatchResult checkPatchRelation(String source, String relId, JsonPatch patch, Cond cond) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    TwinState src = twins.get(source);
    Rel old = out.getOrDefault(source, Map.of()).get(relId);
    if (src == null) codes.add(Code.TWIN_NOT_FOUND);
    if (src != null && old == null) codes.add(Code.RELATIONSHIP_NOT_FOUND);
    if (!cond.holds(old == null ? null : old.etag())) codes.add(Code.PRECONDITION_FAILED);
    if (old == null) return new RelPatchResult(codes, null);
    ObjectNode props = old.props().deepCopy();
    List<String> touched = new ArrayList<>();
    for (JsonPatch.Operation op : patch.operations()) {
      if (op.path().startsWith("/$") || !apply(props, op)) {
        codes.add(Code.INVALID_PATCH);
        return new RelPatchResult(codes, null);
      }
      touched.add(tokens(op.path()).get(0));
    }
    RelInfo rel = MODELS.get(src.model).relationships().get(old.name());
    if (rel == null) {
      // the source twin moved to a model without this Relationship
      codes.add(Code.INVALID_RELATIONSHIP);
      return new RelPatchResult(codes, null);
    }
    if (!relationPropsFit(rel, props)) codes.add(Code.VALIDATION_FAILED);
    if (options.enforceWritable()) {
      for (String p : touched) if (rel.properties().containsKey(p) && !WRITABLE.contains(p)) codes.add(Code.NOT_WRITABLE);
    }
    return new RelPatchResult(codes, props);
  }

  Set<Code> checkDeleteRelation(String source, String relId, Cond cond) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    Rel old = out.getOrDefault(source, Map.of()).get(relId);
    if (!twins.containsKey(source)) codes.add(Code.TWIN_NOT_FOUND);
    else if (old == null) codes.add(Code.RELATIONSHIP_NOT_FOUND);
    if (!cond.holds(old == null ? null : old.etag())) codes.add(Code.PRECONDITION_FAILED);
    return codes;
  }

  void deleteRelation(String source, String relId) {
    out.get(source).remove(relId);
  }

  // ------------------------------------------------------------------------------------ views

  List<Rel> outgoing(String id) {
    return new ArrayList<>(out.getOrDefault(id, Map.of()).values());
  }

  List<Rel> incoming(String id) {
    List<Rel> in = new ArrayList<>();
    for (Map<String, Rel> m : out.values()) for (Rel r : m.values()) if (r.target().equals(id)) in.add(r);
    in.sort(Comparator.comparing(Rel::source).thenComparing(Rel::id));
    return in;
  }

  long relationCount() {
    long n = 0;
    for (Map<String, Rel> m : out.values()) n += m.size();
    return n;
  }

  static ObjectNode emptyObject() {
    return NODES.objectNode();
  }
}
