package dev.twins.core.internal;

import dev.twins.core.model.ArraySchema;
import dev.twins.core.model.Command;
import dev.twins.core.model.CommandPayload;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.ContentVisitor;
import dev.twins.core.model.DtdlVersion;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Element;
import dev.twins.core.model.ElementInfo;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.EnumValue;
import dev.twins.core.model.Field;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.Interface;
import dev.twins.core.model.LocalizedText;
import dev.twins.core.model.MapSchema;
import dev.twins.core.model.Models;
import dev.twins.core.model.ObjectSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Property;
import dev.twins.core.model.Quantity;
import dev.twins.core.model.Relationship;
import dev.twins.core.model.Schema;
import dev.twins.core.model.SchemaVisitor;
import dev.twins.core.model.Telemetry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes resolved Interfaces back to DTDL JSON documents that parse to equal objects.
 *
 * <p>Every element whose identifier was written in the model gets an explicit {@code @id};
 * elements with automatically assigned identifiers (system DTMIs, which may not appear in a
 * model) are written without one, so the parser assigns the same identifier again. Complex
 * schemas of the Interface's {@code schemas} and complex schemas that appear a second time are
 * written by reference; Interfaces named by {@code extends} and by Components are always written
 * by reference.
 */
public final class DtdlWriter {
  private final Interface anInterface;
  /** Ids of complex schemas that may be referenced instead of being written inline. */
  private final Set<Dtmi> defined = new HashSet<>();
  /** Contexts of partner extensions whose schemas the document names by term. */
  private final Set<String> partnerContexts = new LinkedHashSet<>();

  private DtdlWriter(Interface anInterface) {
    this.anInterface = anInterface;
  }

  /**
   * Writes one Interface as a complete top-level document object with its {@code @context}.
   *
   * @param anInterface the Interface
   * @return the document object
   */
  public static ObjectNode write(Interface anInterface) {
    return new DtdlWriter(anInterface).writeInterface();
  }

  /**
   * Orders the Interfaces of a model set so that every Interface comes after the Interfaces it
   * extends or uses as components; otherwise by DTMI.
   *
   * @param models the model set
   * @return the Interfaces in dependency order
   */
  public static List<Interface> dependencyOrder(Models models) {
    Map<Dtmi, Interface> done = new LinkedHashMap<>();
    Set<Dtmi> visiting = new HashSet<>();
    for (Interface i : models.interfaces()) visit(i, done, visiting);
    return new ArrayList<>(done.values());
  }

  private static void visit(Interface i, Map<Dtmi, Interface> done, Set<Dtmi> visiting) {
    if (done.containsKey(i.id()) || !visiting.add(i.id())) return;
    for (Interface base : i.bases()) visit(base, done, visiting);
    for (Content c : i.ownContents()) if (c instanceof Component) visit(((Component) c).schema(), done, visiting);
    done.put(i.id(), i);
  }

  /**
   * Writes every Interface of a model set as one JSON array document, in dependency order.
   *
   * @param models the model set
   * @return the array
   */
  public static ArrayNode writeAll(Models models) {
    ArrayNode array = DtdlJson.NODES.arrayNode();
    for (Interface i : dependencyOrder(models)) array.add(write(i));
    return array;
  }

  private ObjectNode writeInterface() {
    for (Schema s : anInterface.schemas()) {
      Optional<Dtmi> id = complexId(s);
      id.ifPresent(defined::add);
    }
    ObjectNode body = head(anInterface.info(), "Interface", Optional.empty());
    List<Interface> bases = anInterface.bases();
    if (bases.size() == 1) {
      body.put("extends", bases.get(0).id().value());
    } else if (!bases.isEmpty()) {
      ArrayNode array = body.putArray("extends");
      for (Interface b : bases) array.add(b.id().value());
    }
    if (!anInterface.ownContents().isEmpty()) {
      ArrayNode contents = body.putArray("contents");
      for (Content c : anInterface.ownContents()) contents.add(c.accept(new ContentWriter()));
    }
    if (!anInterface.schemas().isEmpty()) {
      ArrayNode schemas = body.putArray("schemas");
      for (Schema s : anInterface.schemas()) schemas.add(inline(s));
    }
    tail(body, anInterface.info(), Optional.empty());
    ObjectNode first = DtdlJson.NODES.objectNode();
    first.set("@context", DtdlJson.context(anInterface.dtdlVersion(), body, List.copyOf(partnerContexts)));
    return DtdlJson.merge(first, body);
  }

  /** Writes {@code @id}, {@code @type} and {@code name}; the caller adds the kind's members. */
  private static ObjectNode head(ElementInfo info, String className, Optional<String> name) {
    return head(info, Optional.of(className), name, Optional.empty());
  }

  private static ObjectNode head(ElementInfo info, Optional<String> className, Optional<String> name, Optional<Quantity> quantity) {
    ObjectNode node = DtdlJson.NODES.objectNode();
    if (isExplicit(info.id())) node.put("@id", info.id().value());
    Set<String> coTypes = new LinkedHashSet<>(info.coTypes());
    quantity.ifPresent(q -> {
      if (!coTypes.contains(q.semanticType())) {
        Set<String> withSemantic = new LinkedHashSet<>();
        withSemantic.add(q.semanticType());
        withSemantic.addAll(coTypes);
        coTypes.clear();
        coTypes.addAll(withSemantic);
      }
    });
    if (className.isPresent()) {
      node.set("@type", DtdlJson.type(className.get(), coTypes));
    }
    name.ifPresent(n -> node.put("name", n));
    return node;
  }

  /** Writes the descriptive members, the unit and the extension or undefined members. */
  private static void tail(ObjectNode node, ElementInfo info, Optional<Quantity> quantity) {
    quantity.ifPresent(q -> {
      JsonNode unit = info.otherProperties().get("unit");
      node.set("unit", unit != null ? unit.deepCopy() : DtdlJson.NODES.stringNode(q.unit()));
    });
    localized(node, "displayName", info.displayName());
    localized(node, "description", info.description());
    if (!info.comment().isEmpty()) node.put("comment", info.comment());
    for (Map.Entry<String, JsonNode> e : info.otherProperties().entrySet()) {
      if (!node.has(e.getKey())) node.set(e.getKey(), e.getValue().deepCopy());
    }
  }

  private static void localized(ObjectNode node, String member, LocalizedText text) {
    if (text.isEmpty()) return;
    ObjectNode map = node.putObject(member);
    for (Map.Entry<String, String> e : text.values().entrySet()) map.put(e.getKey(), e.getValue());
  }

  /**
   * Tells whether an identifier was (or may have been) written in the model: auto-assigned
   * identifiers contain system segments, which a model may not contain.
   */
  private static boolean isExplicit(Dtmi id) {
    return id.isUserDtmi();
  }

  /**
   * Returns the term of a schema that a language or partner extension defines (identifiers under
   * {@code dtmi:iotcentral:schema:}, {@code dtmi:standard:} or {@code dtmi:dtdl:}, which no model
   * may use as {@code @id}): the last segment, such as {@code vector} or {@code LengthUnit}.
   */
  private Optional<String> extensionTerm(Dtmi id) {
    String v = id.value();
    boolean iotCentral = v.startsWith("dtmi:iotcentral:");
    if (!iotCentral && !v.startsWith("dtmi:standard:") && !v.startsWith("dtmi:dtdl:")) return Optional.empty();
    if (iotCentral) partnerContexts.add("dtmi:iotcentral:context;2");
    String path = id.unversioned();
    return Optional.of(path.substring(path.lastIndexOf(':') + 1));
  }

  private static Optional<Dtmi> complexId(Schema s) {
    return s instanceof Element ? Optional.of(((Element) s).id()) : Optional.empty();
  }

  /** Writes a schema where it is used: a term, a reference, or an inline definition. */
  private JsonNode schema(Schema s) {
    Optional<Dtmi> id = complexId(s);
    Optional<String> term = id.flatMap(this::extensionTerm);
    if (term.isPresent()) return DtdlJson.NODES.stringNode(term.get());
    if (id.isPresent() && isExplicit(id.get()) && defined.contains(id.get())) {
      return DtdlJson.NODES.stringNode(id.get().value());
    }
    return inline(s);
  }

  /** Writes a schema in full; complex schemas with an explicit id may be referenced afterwards. */
  private JsonNode inline(Schema s) {
    complexId(s).filter(DtdlWriter::isExplicit).ifPresent(defined::add);
    return s.accept(new SchemaWriter());
  }

  private ObjectNode field(ElementInfo info, Optional<String> className, String name, Schema schema, Optional<Quantity> quantity) {
    ObjectNode node = head(info, className, Optional.of(name), quantity);
    node.set("schema", schema(schema));
    tail(node, info, quantity);
    return node;
  }

  private static Optional<String> optionalClass(ElementInfo info, String className, Optional<Quantity> quantity) {
    return info.coTypes().isEmpty() && quantity.isEmpty() ? Optional.empty() : Optional.of(className);
  }

  private final class ContentWriter implements ContentVisitor<JsonNode> {
    @Override
    public JsonNode visitTelemetry(Telemetry c) {
      return field(c.info(), Optional.of("Telemetry"), c.name(), c.schema(), c.quantity());
    }

    @Override
    public JsonNode visitProperty(Property c) {
      return property(c);
    }

    @Override
    public JsonNode visitCommand(Command c) {
      ObjectNode node = head(c.info(), "Command", Optional.of(c.name()));
      boolean v2 = anInterface.dtdlVersion() == DtdlVersion.V2;
      c.request().ifPresent(p -> node.set("request", payload(p, v2 ? "CommandPayload" : "CommandRequest")));
      c.response().ifPresent(p -> node.set("response", payload(p, v2 ? "CommandPayload" : "CommandResponse")));
      tail(node, c.info(), Optional.empty());
      return node;
    }

    @Override
    public JsonNode visitRelationship(Relationship c) {
      ObjectNode node = head(c.info(), "Relationship", Optional.of(c.name()));
      c.target().ifPresent(t -> node.put("target", t.value()));
      c.maxMultiplicity().ifPresent(m -> node.put("maxMultiplicity", m));
      if (c.writable()) node.put("writable", true);
      if (!c.properties().isEmpty()) {
        ArrayNode properties = node.putArray("properties");
        for (Property p : c.properties()) properties.add(property(p));
      }
      tail(node, c.info(), Optional.empty());
      return node;
    }

    @Override
    public JsonNode visitComponent(Component c) {
      ObjectNode node = head(c.info(), "Component", Optional.of(c.name()));
      node.put("schema", c.schema().id().value());
      tail(node, c.info(), Optional.empty());
      return node;
    }
  }

  private ObjectNode property(Property p) {
    ObjectNode node = head(p.info(), Optional.of("Property"), Optional.of(p.name()), p.quantity());
    node.set("schema", schema(p.schema()));
    if (p.writable()) node.put("writable", true);
    tail(node, p.info(), p.quantity());
    return node;
  }

  private ObjectNode payload(CommandPayload p, String className) {
    ObjectNode node = field(p.info(), optionalClass(p.info(), className, p.quantity()), p.name(), p.schema(), p.quantity());
    if (p.nullable()) node.put("nullable", true);
    return node;
  }

  private final class SchemaWriter implements SchemaVisitor<JsonNode> {
    @Override
    public JsonNode visitPrimitive(PrimitiveSchema s) {
      return DtdlJson.NODES.stringNode(s.term());
    }

    @Override
    public JsonNode visitGeospatial(GeospatialSchema s) {
      return DtdlJson.NODES.stringNode(s.term());
    }

    @Override
    public JsonNode visitArray(ArraySchema s) {
      ObjectNode node = head(s.info(), "Array", Optional.empty());
      node.set("elementSchema", schema(s.elementSchema()));
      tail(node, s.info(), Optional.empty());
      return node;
    }

    @Override
    public JsonNode visitEnum(EnumSchema s) {
      ObjectNode node = head(s.info(), "Enum", Optional.empty());
      node.put("valueSchema", s.valueSchema().term());
      ArrayNode values = node.putArray("enumValues");
      for (EnumValue v : s.values()) {
        ObjectNode value = head(v.info(), optionalClass(v.info(), "EnumValue", Optional.empty()), Optional.of(v.name()), Optional.empty());
        if (v.enumValue() instanceof Integer) {
          value.put("enumValue", (Integer) v.enumValue());
        } else {
          value.put("enumValue", (String) v.enumValue());
        }
        tail(value, v.info(), Optional.empty());
        values.add(value);
      }
      tail(node, s.info(), Optional.empty());
      return node;
    }

    @Override
    public JsonNode visitMap(MapSchema s) {
      ObjectNode node = head(s.info(), "Map", Optional.empty());
      ElementInfo keyInfo = s.mapKey().info();
      ObjectNode key = head(keyInfo, optionalClass(keyInfo, "MapKey", Optional.empty()), Optional.of(s.mapKey().name()), Optional.empty());
      key.put("schema", "string");
      tail(key, keyInfo, Optional.empty());
      node.set("mapKey", key);
      ElementInfo valueInfo = s.mapValue().info();
      node.set("mapValue", field(valueInfo, optionalClass(valueInfo, "MapValue", s.mapValue().quantity()),
          s.mapValue().name(), s.mapValue().schema(), s.mapValue().quantity()));
      tail(node, s.info(), Optional.empty());
      return node;
    }

    @Override
    public JsonNode visitObject(ObjectSchema s) {
      ObjectNode node = head(s.info(), "Object", Optional.empty());
      ArrayNode fields = node.putArray("fields");
      for (Field f : s.fields()) {
        fields.add(field(f.info(), optionalClass(f.info(), "Field", f.quantity()), f.name(), f.schema(), f.quantity()));
      }
      tail(node, s.info(), Optional.empty());
      return node;
    }
  }
}
