package dev.twins.core.internal.dtdl;

import dev.twins.core.model.ArraySchema;
import dev.twins.core.model.Command;
import dev.twins.core.model.CommandPayload;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.DtdlVersion;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.ElementInfo;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.EnumValue;
import dev.twins.core.model.ErrorCode;
import dev.twins.core.model.Field;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.Interface;
import dev.twins.core.model.MapKey;
import dev.twins.core.model.MapSchema;
import dev.twins.core.model.MapValue;
import dev.twins.core.model.Models;
import dev.twins.core.model.ObjectSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Property;
import dev.twins.core.model.Relationship;
import dev.twins.core.model.Schema;
import dev.twins.core.model.Telemetry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Checks the rules that span a model set (references, inheritance, components, schema nesting,
 * extension cross-references) and builds the immutable object model.
 */
final class ModelResolver {
  private static final int MAX_EXTENDS_V3 = 1024;
  private static final int MAX_ELEMENTS = 100_000;
  private static final int MAX_CONTENTS_V2 = 300;
  /** Schema chains are followed this far at most: far beyond every version's limit. */
  private static final int MAX_WALK = 64;

  private final DtdlParser p;
  private final List<Raw> interfaces = new ArrayList<>();
  private final Map<Raw, List<Raw>> bases = new IdentityHashMap<>();
  private final Map<Raw, Map<String, Raw>> allContents = new IdentityHashMap<>();
  private final Set<Raw> broken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Raw, Integer> depth = new IdentityHashMap<>();
  private final Map<Raw, Interface> built = new IdentityHashMap<>();

  ModelResolver(DtdlParser parser) {
    this.p = parser;
  }

  /**
   * Checks the model set and, when it is valid, builds it.
   *
   * @param build whether to build (false when reading already found errors: check only)
   * @return the models, or null when there are errors or {@code build} is false
   */
  Models resolve(boolean build) {
    for (Raw r : p.byId.values()) if (r.isInterface()) interfaces.add(r);
    interfaces.sort((a, b) -> a.id.compareTo(b.id));
    reportUnresolved();
    for (Raw i : interfaces) resolveBases(i);
    for (Raw i : interfaces) checkCycle(i, new LinkedHashSet<>());
    for (Raw i : interfaces) if (!broken.contains(i)) checkHierarchy(i);
    for (Raw i : interfaces) if (!broken.contains(i)) contentsOf(i);
    for (Raw i : interfaces) if (!broken.contains(i)) checkInterface(i);
    if (!build || !p.errors.isEmpty()) return null;
    List<Interface> out = new ArrayList<>();
    for (Raw i : interfaces) out.add(build(i));
    p.warnings.sort(null);
    return Models.of(out, p.warnings);
  }

  private void error(ErrorCode code, String message, Raw r, Node at) {
    p.error(code, message, r.id, r.source, at);
  }

  // ---------------------------------------------------------------- references

  private void reportUnresolved() {
    for (Map.Entry<String, Node> e : p.firstReference.entrySet()) {
      if (!p.byId.containsKey(e.getKey())) {
        p.error(ErrorCode.UNRESOLVED_REFERENCE, "DTMI " + e.getKey() + " is referenced but not defined in the model set"
            + " (add its file, or give the parser a DtmiResolver)", e.getKey(), p.firstReferenceSource.get(e.getKey()),
            e.getValue());
      }
    }
  }

  private void resolveBases(Raw i) {
    List<Raw> list = new ArrayList<>();
    for (Raw.Ref ref : i.bases) {
      Raw b = ref.inline != null ? ref.inline : p.byId.get(ref.dtmi);
      if (b == null) {
        broken.add(i);
        continue;
      }
      if (!b.isInterface()) {
        error(ErrorCode.EXTENDS_NOT_INTERFACE, "\"extends\" names " + b.id + ", which is a " + b.cls
            + ", not an Interface", i, ref.node);
        broken.add(i);
        continue;
      }
      if (i.ctx.version == DtdlVersion.V2 && b.ctx.version != DtdlVersion.V2) {
        error(ErrorCode.DTDL_VERSION_MIX, "a DTDL v2 Interface cannot extend " + b.id + ", which is DTDL v"
            + b.ctx.version.number(), i, ref.node);
      }
      list.add(b);
    }
    bases.put(i, list);
  }

  private boolean checkCycle(Raw i, LinkedHashSet<Raw> path) {
    if (path.contains(i)) {
      List<String> ids = new ArrayList<>();
      boolean on = false;
      for (Raw x : path) {
        if (x == i) on = true;
        if (on) ids.add(x.id);
      }
      ids.add(i.id);
      error(ErrorCode.EXTENDS_CYCLE, "Interface " + i.id + " extends itself: " + String.join(" -> ", ids), i,
          extendsNode(i));
      broken.add(i);
      return true;
    }
    if (depth.containsKey(i)) return broken.contains(i);
    path.add(i);
    boolean cyclic = false;
    for (Raw b : bases.getOrDefault(i, List.of())) cyclic |= checkCycle(b, path);
    path.remove(i);
    if (cyclic) broken.add(i);
    depth.put(i, 0);
    return cyclic;
  }

  private static Node extendsNode(Raw i) {
    Node n = i.node.get("extends");
    return n == null ? i.node : n;
  }

  /** Depth (levels of extends) and the size of the hierarchy. */
  private void checkHierarchy(Raw i) {
    int levels = levels(i, new IdentityHashMap<>());
    int max = i.ctx.version.maxExtendsDepth();
    if (levels > max) {
      error(ErrorCode.EXTENDS_TOO_DEEP, "the extends hierarchy of " + i.id + " is " + levels + " levels deep; DTDL v"
          + i.ctx.version.number() + " allows at most " + max, i, extendsNode(i));
    }
    if (i.ctx.version != DtdlVersion.V2) {
      Set<Raw> all = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      collectAncestors(i, all);
      if (all.size() > MAX_EXTENDS_V3) {
        error(ErrorCode.EXTENDS_TOO_MANY, "the extends hierarchy of " + i.id + " holds " + all.size()
            + " Interfaces; at most 1024 are allowed", i, extendsNode(i));
      }
    }
  }

  private int levels(Raw i, Map<Raw, Integer> memo) {
    Integer m = memo.get(i);
    if (m != null) return m;
    memo.put(i, 0); // guards against cycles, which are reported elsewhere
    int best = 0;
    for (Raw b : bases.getOrDefault(i, List.of())) best = Math.max(best, 1 + levels(b, memo));
    memo.put(i, best);
    return best;
  }

  private void collectAncestors(Raw i, Set<Raw> out) {
    if (out.size() > MAX_EXTENDS_V3) return;
    for (Raw b : bases.getOrDefault(i, List.of())) if (out.add(b)) collectAncestors(b, out);
  }

  // ---------------------------------------------------------------- contents

  /** All contents by name, inherited first; reports name clashes. */
  private Map<String, Raw> contentsOf(Raw i) {
    Map<String, Raw> memo = allContents.get(i);
    if (memo != null) return memo;
    Map<String, Raw> all = new LinkedHashMap<>();
    allContents.put(i, all);
    for (Raw b : bases.getOrDefault(i, List.of())) {
      if (broken.contains(b)) continue;
      for (Map.Entry<String, Raw> e : contentsOf(b).entrySet()) {
        Raw old = all.putIfAbsent(e.getKey(), e.getValue());
        if (old != null && old != e.getValue()) {
          error(ErrorCode.NAME_DUPLICATE, "Interface " + i.id + " inherits two contents named \"" + e.getKey()
              + "\" (" + old.id + " and " + e.getValue().id + ")", i, extendsNode(i));
        }
      }
    }
    Map<String, Raw> own = new HashMap<>();
    for (Raw c : i.contents) {
      if (c.name == null) continue;
      Raw dup = own.putIfAbsent(c.name, c);
      if (dup != null) {
        error(ErrorCode.NAME_DUPLICATE, "name \"" + c.name + "\" is used twice in the contents of " + i.id, c,
            c.nameNode);
        continue;
      }
      Raw inherited = all.get(c.name);
      if (inherited != null) {
        error(ErrorCode.NAME_DUPLICATE, "name \"" + c.name + "\" is already declared by " + inherited.id
            + ", which " + i.id + " extends; an Interface cannot redefine inherited contents", c, c.nameNode);
        continue;
      }
      all.put(c.name, c);
    }
    return all;
  }

  private void checkInterface(Raw i) {
    Map<String, Raw> all = contentsOf(i);
    if (i.ctx.version == DtdlVersion.V2 && all.size() > MAX_CONTENTS_V2) {
      error(ErrorCode.TOO_MANY_CONTENTS, "Interface " + i.id + " has " + all.size()
          + " contents including inherited ones; DTDL v2 allows at most 300", i, i.node.get("contents") == null
          ? i.node : i.node.get("contents"));
    }
    if (i.ctx.version != DtdlVersion.V2) {
      int count = 0;
      for (Raw c : all.values()) count += elementCount(c, 0);
      if (count > MAX_ELEMENTS) {
        error(ErrorCode.TOO_MANY_ELEMENTS, "Interface " + i.id + " has " + count + " elements in its contents "
            + "hierarchy; at most 100,000 are allowed", i, i.node);
      }
    }
    for (Raw c : i.contents) checkContent(i, c, all);
    for (Raw s : i.schemas) checkSchemaTree(s, i);
  }

  private int elementCount(Raw r, int guard) {
    if (r == null || guard > 64) return 0;
    int n = 1;
    n += schemaCount(r.schema, r, guard);
    for (Raw x : r.properties) n += elementCount(x, guard + 1);
    for (Raw x : r.fields) n += elementCount(x, guard + 1);
    for (Raw x : r.enumValues) n += elementCount(x, guard + 1);
    n += elementCount(r.request, guard + 1) + elementCount(r.response, guard + 1);
    n += elementCount(r.mapKey, guard + 1) + elementCount(r.mapValue, guard + 1);
    return n;
  }

  private int schemaCount(Raw.Ref ref, Raw from, int guard) {
    if (ref == null) return 0;
    Raw t = target(ref, from);
    if (t == null || t.isInterface()) return 0;
    return elementCount(t, guard + 1);
  }

  private void checkContent(Raw iface, Raw c, Map<String, Raw> all) {
    switch (c.cls) {
      case "Component":
        checkComponent(iface, c);
        break;
      case "Command":
        if (c.request != null) checkValueHolder(c.request, iface, false);
        if (c.response != null) checkValueHolder(c.response, iface, false);
        break;
      case "Relationship":
        for (Raw prop : c.properties) checkValueHolder(prop, iface, iface.ctx.version == DtdlVersion.V2);
        break;
      case "Property":
        checkValueHolder(c, iface, c.ctx.version == DtdlVersion.V2);
        break;
      default:
        checkValueHolder(c, iface, false);
    }
    checkAnnotation(iface, c, all);
  }

  private void checkComponent(Raw iface, Raw c) {
    if (c.schema == null) return;
    Raw target = c.schema.inline != null ? c.schema.inline : p.byId.get(c.schema.dtmi);
    if (target == null) return;
    if (!target.isInterface()) {
      error(ErrorCode.COMPONENT_SCHEMA_NOT_INTERFACE, "a Component's schema must be an Interface, but " + target.id
          + " is a " + target.cls, c, c.schema.node);
      return;
    }
    if (target == iface) {
      error(ErrorCode.COMPONENT_NESTED, "Interface " + iface.id + " uses itself as a component", c, c.schema.node);
      return;
    }
    if (iface.ctx.version == DtdlVersion.V2 && target.ctx.version != DtdlVersion.V2) {
      error(ErrorCode.DTDL_VERSION_MIX, "a DTDL v2 Interface cannot use " + target.id + ", a DTDL v"
          + target.ctx.version.number() + " Interface, as a component", c, c.schema.node);
    }
    if (broken.contains(target)) return;
    for (Raw inner : contentsOf(target).values()) {
      if (inner.cls.equals("Component")) {
        error(ErrorCode.COMPONENT_NESTED, "component \"" + c.name + "\" uses " + target.id
            + ", which has a component itself (\"" + inner.name + "\"); components cannot nest", c, c.schema.node);
        break;
      }
    }
  }

  // ---------------------------------------------------------------- schemas

  private Raw target(Raw.Ref ref, Raw from) {
    if (ref == null) return null;
    if (ref.inline != null) return ref.inline;
    if (ref.dtmi != null && ref.dtmi.startsWith("dtmi:")) return p.lookup(ref.dtmi, from);
    return null;
  }

  /** Checks a Property, Telemetry, Field, MapValue or payload and everything below its schema. */
  private void checkValueHolder(Raw holder, Raw iface, boolean v2Property) {
    Raw.Ref ref = holder.schema;
    if (ref == null) return;
    if (!checkReference(holder, ref, iface)) return;
    Schema standard = ref.standard;
    Raw complex = target(ref, holder);
    if (holder.quantity != null && holder.numericRequired) {
      boolean numeric = standard != null && standard.isNumeric();
      if (!numeric) {
        error(ErrorCode.SEMANTIC_TYPE_SCHEMA, "semantic type " + holder.quantity.semanticType()
            + " needs a numeric schema (double, float, integer or long), not " + describe(ref), holder, ref.node);
      }
    }
    checkCoTypeSchemas(holder, ref, complex);
    if (v2Property && (standard instanceof GeospatialSchema)) {
      error(ErrorCode.SCHEMA_ARRAY_IN_PROPERTY, "a DTDL v2 Property cannot have the geospatial schema "
          + ((GeospatialSchema) standard).term() + " (geospatial values are arrays); use Telemetry or DTDL v3", holder,
          ref.node);
    }
    if (complex != null) {
      int d = schemaDepth(complex, new LinkedHashSet<>(), holder);
      int max = holder.ctx.version.maxSchemaDepth();
      if (d > max) {
        error(ErrorCode.SCHEMA_TOO_DEEP, "the schema of " + holder.id + " nests " + nesting(d) + " complex schemas; DTDL v"
            + holder.ctx.version.number() + " allows at most " + max, holder, ref.node);
      }
      if (d >= 0) checkSchemaTree(complex, iface, v2Property, holder, ref.dtmi != null ? ref.node : null);
    }
  }

  /** Co-types that restrict the schema of their element, such as IoT Central's State (an Enum). */
  private void checkCoTypeSchemas(Raw holder, Raw.Ref ref, Raw complex) {
    for (Map.Entry<String, String> e : holder.adjunctContexts.entrySet()) {
      Set<String> allowed = dev.twins.core.internal.Vocabulary.allowedSchemas(e.getValue(), e.getKey());
      if (allowed.isEmpty()) continue;
      String actual;
      if (ref.standard instanceof PrimitiveSchema) actual = ((PrimitiveSchema) ref.standard).term();
      else if (ref.standard instanceof GeospatialSchema) actual = ((GeospatialSchema) ref.standard).term();
      else if (complex != null) actual = complex.cls;
      else actual = ref.dtmi.substring(ref.dtmi.indexOf(':') + 1);
      if (!allowed.contains(actual)) {
        error(ErrorCode.SEMANTIC_TYPE_SCHEMA, "co-type " + e.getKey() + " needs a schema among " + new TreeSet<>(allowed)
            + ", not " + actual, holder, ref.node);
      }
    }
  }

  private void checkSchemaTree(Raw schema, Raw iface) {
    int d = schemaDepth(schema, new LinkedHashSet<>(), schema);
    if (d > schema.ctx.version.maxSchemaDepth()) {
      error(ErrorCode.SCHEMA_TOO_DEEP, "schema " + schema.id + " nests " + nesting(d) + " complex schemas; DTDL v"
          + schema.ctx.version.number() + " allows at most " + schema.ctx.version.maxSchemaDepth(), schema,
          schema.node);
    }
    if (d >= 0) checkSchemaTree(schema, iface, false, schema, null);
  }

  /**
   * Walks the schemas below a value holder.
   *
   * @param refAt where the walk first followed a DTMI reference, so that errors found in a
   *     reused schema are reported where the holder uses it; null while inline
   */
  private void checkSchemaTree(Raw schema, Raw iface, boolean v2Property, Raw holder, Node refAt) {
    if (v2Property && schema.cls.equals("Array")) {
      error(ErrorCode.SCHEMA_ARRAY_IN_PROPERTY, "a DTDL v2 Property cannot contain an Array schema (" + schema.id
          + "); use Telemetry or DTDL v3", holder, refAt != null ? refAt : schema.node);
      v2Property = false;
    }
    switch (schema.cls) {
      case "Array": {
        if (checkReference(schema, schema.schema, iface)) {
          Raw inner = target(schema.schema, schema);
          checkStandardInProperty(schema.schema, v2Property, holder, refAt);
          if (inner != null) checkSchemaTree(inner, iface, v2Property, holder, via(schema.schema, refAt));
        }
        break;
      }
      case "Map":
        if (schema.mapValue != null) nested(schema.mapValue, iface, v2Property, holder, refAt);
        break;
      case "Object":
        for (Raw f : schema.fields) nested(f, iface, v2Property, holder, refAt);
        break;
      default:
        break;
    }
  }

  private static Node via(Raw.Ref ref, Node refAt) {
    return refAt != null ? refAt : (ref != null && ref.dtmi != null ? ref.node : null);
  }

  private void nested(Raw valueHolder, Raw iface, boolean v2Property, Raw holder, Node refAt) {
    Raw.Ref ref = valueHolder.schema;
    if (ref == null || !checkReference(valueHolder, ref, iface)) return;
    if (valueHolder.quantity != null && valueHolder.numericRequired && (ref.standard == null || !ref.standard.isNumeric())) {
      error(ErrorCode.SEMANTIC_TYPE_SCHEMA, "semantic type " + valueHolder.quantity.semanticType()
          + " needs a numeric schema, not " + describe(ref), valueHolder, ref.node);
    }
    checkStandardInProperty(ref, v2Property, holder, refAt);
    Raw inner = target(ref, valueHolder);
    if (inner != null) checkSchemaTree(inner, iface, v2Property, holder, via(ref, refAt));
  }

  private void checkStandardInProperty(Raw.Ref ref, boolean v2Property, Raw holder, Node refAt) {
    if (v2Property && ref != null && ref.standard instanceof GeospatialSchema) {
      error(ErrorCode.SCHEMA_ARRAY_IN_PROPERTY, "a DTDL v2 Property cannot contain the geospatial schema "
          + ((GeospatialSchema) ref.standard).term() + " (geospatial values are arrays)", holder,
          refAt != null ? refAt : ref.node);
    }
  }

  /** Checks that a schema reference by DTMI names a schema the referrer may use. */
  private boolean checkReference(Raw referrer, Raw.Ref ref, Raw iface) {
    if (ref == null || ref.dtmi == null || !ref.dtmi.startsWith("dtmi:")) return true;
    Raw t = p.lookup(ref.dtmi, referrer);
    if (t == null) return false;
    if (!t.isComplexSchema()) {
      error(ErrorCode.SCHEMA_INVALID, "schema " + ref.dtmi + " names a " + t.cls + ", not an Array, Enum, Map or "
          + "Object", referrer, ref.node);
      return false;
    }
    if (t.partition != referrer.partition) {
      error(ErrorCode.SCHEMA_NOT_REFERENCEABLE, "schema " + ref.dtmi + " is defined in " + t.partition.id
          + " and can only be used there; define it in the \"schemas\" of " + referrer.partition.id, referrer,
          ref.node);
      return false;
    }
    return true;
  }

  /**
   * The number of Arrays, Maps and Objects on the longest chain below and including {@code s}
   * (an Enum nests nothing, so it does not count); -1 on a cycle.
   */
  private int schemaDepth(Raw s, LinkedHashSet<Raw> path, Raw holder) {
    if (path.contains(s)) {
      error(ErrorCode.SCHEMA_SELF_REFERENCE, "schema " + s.id + " refers back to itself"
          + (s.ctx.version == DtdlVersion.V4 ? " (DTDL v4 allows this, Twins does not yet)" : ""), holder,
          holder.schema == null ? holder.node : holder.schema.node);
      return -1;
    }
    if (path.size() > MAX_WALK) return path.size();
    path.add(s);
    int best = 0;
    List<Raw.Ref> children = new ArrayList<>();
    if (s.cls.equals("Array")) children.add(s.schema);
    if (s.mapValue != null) children.add(s.mapValue.schema);
    for (Raw f : s.fields) children.add(f.schema);
    for (Raw.Ref c : children) {
      Raw t = target(c, s);
      if (t == null || !t.isComplexSchema() || t.cls.equals("Enum")) continue;
      int d = schemaDepth(t, path, holder);
      if (d < 0) {
        path.remove(s);
        return -1;
      }
      best = Math.max(best, d);
    }
    path.remove(s);
    return best + 1;
  }

  private static String nesting(int d) {
    return d > MAX_WALK ? "more than " + MAX_WALK : Integer.toString(d);
  }

  private static String describe(Raw.Ref ref) {
    if (ref.standard != null) return ref.standard instanceof PrimitiveSchema ? ((PrimitiveSchema) ref.standard).term()
        : ((GeospatialSchema) ref.standard).term();
    if (ref.inline != null) return "an " + ref.inline.cls;
    return ref.dtmi.replace("unit:", "").replace("extra:", "");
  }

  // ---------------------------------------------------------------- annotation and overriding

  private void checkAnnotation(Raw iface, Raw c, Map<String, Raw> all) {
    Node annotates = c.other.get("annotates");
    if (annotates == null || !annotates.isString()) return;
    Raw target = all.get(annotates.text);
    if (target == null || !(target.cls.equals("Property") || target.cls.equals("Telemetry")) || target == c) {
      p.warnings.add(new dev.twins.core.model.ModelError(ErrorCode.ANNOTATES_INVALID, "\"annotates\": \""
          + Node.abbreviate(annotates.text) + "\" should name another Property or Telemetry of " + iface.id
          + " (inherited ones count); the annotation applies to nothing", c.id, c.source, annotates.line,
          annotates.pointer()));
      return;
    }
    Node overrides = c.other.get("overrides");
    if (overrides == null || !overrides.isString()) return;
    String member = overrides.text;
    if (!target.other.containsKey(member)) {
      error(ErrorCode.OVERRIDES_INVALID, "\"overrides\": \"" + Node.abbreviate(member) + "\" must name an extension "
          + "property of \"" + target.name + "\", such as \"unit\"; it has " + new TreeSet<>(target.other.keySet()),
          c, overrides);
      return;
    }
    if (member.equals("unit") && target.quantity != null) {
      String expected = "unit:" + target.quantity.unitType();
      if (c.schema == null || c.schema.dtmi == null || !c.schema.dtmi.equals(expected)) {
        error(ErrorCode.OVERRIDES_INVALID, "a Property that overrides \"unit\" of \"" + target.name
            + "\" must have the schema " + target.quantity.unitType(), c, c.schema == null ? c.node : c.schema.node);
      }
    }
  }

  // ---------------------------------------------------------------- building

  private Interface build(Raw i) {
    Interface done = built.get(i);
    if (done != null) return done;
    List<Interface> bs = new ArrayList<>();
    for (Raw b : bases.getOrDefault(i, List.of())) bs.add(build(b));
    List<Content> contents = new ArrayList<>();
    for (Raw c : i.contents) contents.add(content(c));
    List<Schema> schemas = new ArrayList<>();
    for (Raw s : i.schemas) schemas.add(complex(s));
    Interface result = new Interface(info(i), i.ctx.version, bs, contents, schemas);
    built.put(i, result);
    return result;
  }

  private Content content(Raw c) {
    switch (c.cls) {
      case "Telemetry":
        return new Telemetry(info(c), c.name, schema(c), Optional.ofNullable(c.quantity));
      case "Property":
        return property(c);
      case "Command":
        return new Command(info(c), c.name, payload(c.request), payload(c.response));
      case "Relationship": {
        List<Property> props = new ArrayList<>();
        for (Raw x : c.properties) props.add(property(x));
        return new Relationship(info(c), c.name, Optional.ofNullable(c.target).map(Dtmi::of), 0,
            c.maxMultiplicity == null ? OptionalInt.empty() : OptionalInt.of(c.maxMultiplicity), props, c.writable);
      }
      case "Component": {
        Raw t = c.schema.inline != null ? c.schema.inline : p.byId.get(c.schema.dtmi);
        return new Component(info(c), c.name, build(t));
      }
      default:
        throw new IllegalStateException("not a content class: " + c.cls);
    }
  }

  private Property property(Raw c) {
    return new Property(info(c), c.name, schema(c), c.writable, Optional.ofNullable(c.quantity));
  }

  private Optional<CommandPayload> payload(Raw r) {
    if (r == null) return Optional.empty();
    return Optional.of(new CommandPayload(info(r), r.name, schema(r), Optional.ofNullable(r.quantity), r.nullable));
  }

  private Schema schema(Raw holder) {
    Raw.Ref ref = holder.schema;
    if (ref.standard != null) return ref.standard;
    if (ref.inline != null) return complex(ref.inline);
    if (ref.dtmi.startsWith("unit:")) return unitSchema(holder, ref.dtmi.substring(5));
    if (ref.dtmi.startsWith("extra:")) return ExtraSchemas.of(ref.dtmi.substring(6), holder.ctx.version);
    return complex(p.lookup(ref.dtmi, holder));
  }

  private static Schema unitSchema(Raw holder, String unitType) {
    List<EnumValue> values = new ArrayList<>();
    Dtmi id = Dtmi.of("dtmi:standard:unitType:" + unitType + ";" + holder.ctx.version.number());
    for (String u : new TreeSet<>(holder.ctx.units(unitType))) {
      values.add(new EnumValue(ElementInfo.of(Dtmi.of(id.unversioned() + ":_enumValues:__" + u + ";"
          + holder.ctx.version.number())), u, u));
    }
    return new EnumSchema(ElementInfo.of(id), PrimitiveSchema.STRING, values);
  }

  private Schema complex(Raw s) {
    if (s.built != null) return s.built;
    Schema result;
    switch (s.cls) {
      case "Array":
        result = new ArraySchema(info(s), schema(s));
        break;
      case "Enum": {
        List<EnumValue> values = new ArrayList<>();
        for (Raw v : s.enumValues) values.add(new EnumValue(info(v), v.name, v.enumValue));
        result = new EnumSchema(info(s), s.valueSchema, values);
        break;
      }
      case "Map":
        result = new MapSchema(info(s), new MapKey(info(s.mapKey), s.mapKey.name),
            new MapValue(info(s.mapValue), s.mapValue.name, schema(s.mapValue), Optional.ofNullable(s.mapValue.quantity)));
        break;
      case "Object": {
        List<Field> fields = new ArrayList<>();
        for (Raw f : s.fields) fields.add(new Field(info(f), f.name, schema(f), Optional.ofNullable(f.quantity)));
        result = new ObjectSchema(info(s), fields);
        break;
      }
      default:
        throw new IllegalStateException("not a schema class: " + s.cls);
    }
    s.built = result;
    return result;
  }

  private static ElementInfo info(Raw r) {
    Map<String, JsonNode> other = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : r.other.entrySet()) other.put(e.getKey(), e.getValue().toJson());
    return new ElementInfo(Dtmi.of(r.id), r.displayName, r.description, r.comment, r.coTypes, other);
  }
}
