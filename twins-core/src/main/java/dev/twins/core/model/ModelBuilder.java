package dev.twins.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defines DTDL models in Java. The builder writes DTDL JSON and runs it through
 * {@link ModelParser}, so models built in code are validated and resolved exactly like model
 * files, and equal the objects parsed from the same JSON.
 *
 * <pre>{@code
 * import static dev.twins.core.model.Schemas.*;
 *
 * Models models = ModelBuilder.create()                       // DTDL v3 unless dtdlVersion(...) says otherwise
 *     .define("dtmi:com:example:Room;1", room -> room
 *         .displayName("Room")
 *         .extendsFrom("dtmi:com:example:Space;1")
 *         .property("temperature", DOUBLE, p -> p.writable().quantity("Temperature", "degreeCelsius"))
 *         .telemetry("occupied", BOOLEAN)
 *         .relationship("contains", r -> r.target("dtmi:com:example:Sensor;1").maxMultiplicity(10)
 *             .property("since", DATE_TIME))
 *         .component("thermostat", "dtmi:com:example:Thermostat;1")
 *         .command("reboot", c -> c.request("delay", INTEGER).response("ok", BOOLEAN)))
 *     .define("dtmi:com:example:Space;1")
 *     .define("dtmi:com:example:Sensor;1")
 *     .define("dtmi:com:example:Thermostat;1", t -> t.property("setPoint", DOUBLE))
 *     .build();
 * }</pre>
 *
 * <p>Each setting is checked as it is made for what needs no context (identifier and name
 * syntax, nulls); every other rule of DTDL is checked by {@link #build()}, which reports all
 * problems at once in a {@link ModelException} whose sources are named {@code builder:<dtmi>}.
 * The {@code @context} of each Interface is computed: its DTDL version plus the extension
 * contexts its co-types need. A builder is not thread-safe; {@link #toJson()} shows the text it
 * parses.
 */
public final class ModelBuilder {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$");
  /** The node factory of every tree the builder makes. */
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper COMPACT = JsonMapper.builder().build();

  private DtdlVersion dtdlVersion = DtdlVersion.V3;
  private final Map<String, InterfaceDef> interfaces = new LinkedHashMap<>();

  private ModelBuilder() {}

  /** @return a new, empty builder for DTDL v3 Interfaces */
  public static ModelBuilder create() {
    return new ModelBuilder();
  }

  /**
   * Sets the DTDL version of every Interface that does not set its own with
   * {@link InterfaceDef#dtdlVersion(DtdlVersion)}.
   *
   * @param version the version; default {@link DtdlVersion#V3}
   * @return this builder
   */
  public ModelBuilder dtdlVersion(DtdlVersion version) {
    this.dtdlVersion = Objects.requireNonNull(version, "version");
    return this;
  }

  /**
   * Defines an Interface with no members other than its identifier.
   *
   * @param id the Interface's DTMI, e.g. {@code dtmi:com:example:Space;1}
   * @return this builder
   * @throws IllegalArgumentException if {@code id} is not a user DTMI or is already defined
   */
  public ModelBuilder define(String id) {
    return define(id, i -> { });
  }

  /**
   * Defines an Interface.
   *
   * @param id the Interface's DTMI, e.g. {@code dtmi:com:example:Room;1}
   * @param body sets the Interface's members
   * @return this builder
   * @throws IllegalArgumentException if {@code id} is not a user DTMI or is already defined, or a
   *     setting made by {@code body} is invalid
   */
  public ModelBuilder define(String id, Consumer<InterfaceDef> body) {
    checkDtmi(id);
    Objects.requireNonNull(body, "body");
    if (interfaces.containsKey(id)) throw new IllegalArgumentException("Interface " + id + " is already defined");
    InterfaceDef def = new InterfaceDef(id);
    body.accept(def);
    interfaces.put(id, def);
    return this;
  }

  /**
   * Returns the DTDL documents the builder would parse, one per Interface in definition order.
   *
   * @return the JSON texts, indented
   */
  public List<String> toJson() {
    List<String> texts = new ArrayList<>();
    for (ObjectNode node : toJsonNodes()) texts.add(ModelWriter.pretty(node));
    return List.copyOf(texts);
  }

  /**
   * Returns the DTDL documents the builder would parse, as trees.
   *
   * @return one new tree per Interface, in definition order
   */
  public List<ObjectNode> toJsonNodes() {
    List<ObjectNode> nodes = new ArrayList<>();
    for (InterfaceDef def : interfaces.values()) nodes.add(def.document(dtdlVersion));
    return nodes;
  }

  /**
   * Parses the defined Interfaces as one model set with the default parser.
   *
   * @return the model set
   * @throws ModelException if the definitions break a rule of DTDL or reference an Interface that
   *     is not defined
   */
  public Models build() {
    return build(ModelParser.defaults());
  }

  /**
   * Parses the defined Interfaces as one model set with the given parser, e.g. one with a
   * {@link DtmiResolver} for Interfaces defined elsewhere.
   *
   * @param parser the parser
   * @return the model set
   * @throws ModelException if the definitions are invalid
   */
  public Models build(ModelParser parser) {
    Objects.requireNonNull(parser, "parser");
    List<ModelSource> sources = new ArrayList<>();
    for (InterfaceDef def : interfaces.values()) {
      sources.add(new ModelSource("builder:" + def.id, ModelWriter.pretty(def.document(dtdlVersion))));
    }
    return parser.parse(sources);
  }

  /** Renders the number of Interfaces and the default DTDL version. */
  @Override
  public String toString() {
    return "ModelBuilder[interfaces=" + interfaces.size() + ", dtdl=" + dtdlVersion.number() + "]";
  }

  /** Converts a plain value (string, number, boolean, list, map, or a tree, which is copied) to a tree. */
  static JsonNode toTree(Object value) {
    if (value instanceof JsonNode) return ((JsonNode) value).deepCopy();
    return COMPACT.valueToTree(value);
  }

  /** Renders a tree as JSON on one line. */
  static String compact(JsonNode node) {
    return COMPACT.writeValueAsString(node);
  }

  /** Makes an {@code @type} value: the class alone, or an array of the class and the co-types. */
  static JsonNode type(String className, List<String> coTypes) {
    if (coTypes.isEmpty()) return NODES.stringNode(className);
    ArrayNode array = NODES.arrayNode().add(className);
    for (String t : coTypes) if (!t.equals(className)) array.add(t);
    return array;
  }

  static void checkDtmi(String dtmi) {
    Objects.requireNonNull(dtmi, "dtmi");
    if (!Dtmi.isValidUserDtmi(dtmi)) {
      throw new IllegalArgumentException("not a valid DTMI for a model: '" + dtmi
          + "'; expected e.g. dtmi:com:example:Room;1 (segments of letters, digits and _, not starting with _ or a digit)");
    }
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid DTDL name: '" + name
          + "'; a name starts with a letter, ends with a letter or digit, and has only letters, digits and _");
    }
    return name;
  }

  /**
   * What every element definition can set: identifier, texts, co-types and further members.
   *
   * @param <S> the concrete definition type, returned by each setter
   */
  public abstract static sealed class Def<S extends Def<S>>
      permits InterfaceDef, QuantityDef, RelationshipDef, CommandDef, ObjectDef, EnumDef, PlainDef {
    private final String className;
    private final boolean typeRequired;
    private String id;
    private final List<String> coTypes = new ArrayList<>();
    /** The kind's own members in the order they are written: JSON values, child definitions, or lists of them. */
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    private String comment;
    private final ObjectNode extra = NODES.objectNode();

    Def(String className, boolean typeRequired) {
      this.className = className;
      this.typeRequired = typeRequired;
    }

    @SuppressWarnings("unchecked")
    final S self() {
      return (S) this;
    }

    /**
     * Gives the element an explicit {@code @id}; without one, the parser assigns one from the
     * parent's identifier and the element's name.
     *
     * @param dtmi a user DTMI
     * @return this definition
     * @throws IllegalArgumentException if {@code dtmi} is not a user DTMI
     */
    public S id(String dtmi) {
      checkDtmi(dtmi);
      this.id = dtmi;
      return self();
    }

    /**
     * Sets the English {@code displayName}.
     *
     * @param text the display name
     * @return this definition
     */
    public S displayName(String text) {
      return displayName("en", text);
    }

    /**
     * Sets the {@code displayName} in one language.
     *
     * @param language a language tag such as {@code de}
     * @param text the display name in that language
     * @return this definition
     */
    public S displayName(String language, String text) {
      return text("displayName", language, text);
    }

    /**
     * Sets the English {@code description}.
     *
     * @param text the description
     * @return this definition
     */
    public S description(String text) {
      return description("en", text);
    }

    /**
     * Sets the {@code description} in one language.
     *
     * @param language a language tag such as {@code de}
     * @param text the description in that language
     * @return this definition
     */
    public S description(String language, String text) {
      return text("description", language, text);
    }

    private S text(String member, String language, String text) {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(text, "text");
      texts.computeIfAbsent(member, k -> new LinkedHashMap<>()).put(language, text);
      return self();
    }

    /**
     * Sets the {@code comment}.
     *
     * @param text the comment
     * @return this definition
     */
    public S comment(String text) {
      this.comment = Objects.requireNonNull(text, "text");
      return self();
    }

    /**
     * Adds a co-type to {@code @type}, such as an adjunct type of an extension; the extension's
     * context is added to the Interface's {@code @context} when DTDL knows it.
     *
     * @param type the co-type, e.g. {@code Historized}
     * @return this definition
     */
    public S coType(String type) {
      Objects.requireNonNull(type, "type");
      if (!coTypes.contains(type)) coTypes.add(type);
      return self();
    }

    /**
     * Adds a member defined by an extension (or an undefined member next to an undefined co-type
     * in DTDL v2), such as {@code annotates}.
     *
     * @param name the member name
     * @param value a string, number, boolean, list, map or {@link JsonNode}
     * @return this definition
     * @throws IllegalArgumentException if {@code name} starts with {@code @}
     */
    public S member(String name, Object value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.startsWith("@")) throw new IllegalArgumentException("members starting with @ are reserved: " + name);
      extra.set(name, toTree(value));
      return self();
    }

    String className(DtdlVersion version) {
      return className;
    }

    /** Renders the element: {@code @id}, {@code @type}, own members, texts, comment, further members. */
    ObjectNode render(DtdlVersion version) {
      ObjectNode node = NODES.objectNode();
      if (id != null) node.put("@id", id);
      if (typeRequired || !coTypes.isEmpty()) node.set("@type", type(className(version), coTypes));
      for (Map.Entry<String, Object> e : members.entrySet()) node.set(e.getKey(), renderMember(e.getValue(), version));
      for (Map.Entry<String, Map<String, String>> e : texts.entrySet()) {
        ObjectNode map = node.putObject(e.getKey());
        e.getValue().forEach(map::put);
      }
      if (comment != null) node.put("comment", comment);
      for (Map.Entry<String, JsonNode> e : extra.properties()) node.set(e.getKey(), e.getValue().deepCopy());
      return node;
    }

    /** Child definitions are rendered late, when the DTDL version of the Interface is known. */
    private static JsonNode renderMember(Object value, DtdlVersion version) {
      if (value instanceof Def) return ((Def<?>) value).render(version);
      if (value instanceof List) {
        ArrayNode array = NODES.arrayNode();
        for (Object v : (List<?>) value) array.add(renderMember(v, version));
        return array;
      }
      return ((JsonNode) value).deepCopy();
    }

    /** Sets a member to a JSON value (given as a node, string, number or boolean) or a child definition. */
    final void set(String member, Object value) {
      members.put(member, value instanceof Def ? value : toTree(value));
    }

    /** Removes a member. */
    final void unset(String member) {
      members.remove(member);
    }

    /** Appends a JSON value or child definition to an array member, creating it when absent. */
    @SuppressWarnings("unchecked")
    final void append(String member, Object value) {
      List<Object> list = (List<Object>) members.computeIfAbsent(member, k -> new ArrayList<>());
      list.add(value instanceof Def ? value : toTree(value));
    }

    /** Makes an array member present even when it stays empty. */
    final void emptyArray(String member) {
      members.computeIfAbsent(member, k -> new ArrayList<>());
    }
  }

  /** The definition of an Interface. */
  public static final class InterfaceDef extends Def<InterfaceDef> {
    private final String id;
    private DtdlVersion version;
    private final List<String> contexts = new ArrayList<>();
    private final Set<String> contentNames = new LinkedHashSet<>();

    InterfaceDef(String id) {
      super("Interface", true);
      this.id = id;
      super.id(id);
    }

    /**
     * Not allowed: an Interface's identifier is the one given to {@link ModelBuilder#define}.
     *
     * @param dtmi ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    @Override
    public InterfaceDef id(String dtmi) {
      throw new UnsupportedOperationException("an Interface's id is given to define(...): " + id);
    }

    /**
     * Sets the DTDL version of this Interface, overriding the builder's.
     *
     * @param version the version
     * @return this definition
     */
    public InterfaceDef dtdlVersion(DtdlVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Adds a context after the DTDL context and the computed extension contexts, e.g. a partner
     * extension such as {@code dtmi:iotcentral:context;2}.
     *
     * @param context the context DTMI, with a version
     * @return this definition
     * @throws IllegalArgumentException if {@code context} is not a DTMI
     */
    public InterfaceDef context(String context) {
      Objects.requireNonNull(context, "context");
      if (!Dtmi.isValid(context)) throw new IllegalArgumentException("not a context DTMI: '" + context + "'");
      if (!contexts.contains(context)) contexts.add(context);
      return this;
    }

    /**
     * Adds Interfaces to {@code extends}.
     *
     * @param ids the DTMIs of the Interfaces extended
     * @return this definition
     * @throws IllegalArgumentException if an id is not a user DTMI
     */
    public InterfaceDef extendsFrom(String... ids) {
      for (String base : ids) {
        checkDtmi(base);
        append("extends", base);
      }
      return this;
    }

    /**
     * Adds a Property.
     *
     * @param name the property name
     * @param schema its schema
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef property(String name, SchemaSpec schema) {
      return property(name, schema, p -> { });
    }

    /**
     * Adds a Property with more settings.
     *
     * @param name the property name
     * @param schema its schema
     * @param settings e.g. {@code p -> p.writable().quantity("Temperature", "degreeCelsius")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef property(String name, SchemaSpec schema, Consumer<PropertyDef> settings) {
      PropertyDef def = new PropertyDef(content(name), schema);
      Objects.requireNonNull(settings, "settings").accept(def);
      append("contents", def);
      return this;
    }

    /**
     * Adds a Telemetry.
     *
     * @param name the telemetry name
     * @param schema its schema
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef telemetry(String name, SchemaSpec schema) {
      return telemetry(name, schema, t -> { });
    }

    /**
     * Adds a Telemetry with more settings.
     *
     * @param name the telemetry name
     * @param schema its schema
     * @param settings e.g. {@code t -> t.quantity("Temperature", "kelvin")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef telemetry(String name, SchemaSpec schema, Consumer<ValueDef> settings) {
      ValueDef def = new ValueDef("Telemetry", true, content(name), schema);
      Objects.requireNonNull(settings, "settings").accept(def);
      append("contents", def);
      return this;
    }

    /**
     * Adds a Relationship with no target restriction and no properties.
     *
     * @param name the relationship name
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef relationship(String name) {
      return relationship(name, r -> { });
    }

    /**
     * Adds a Relationship with more settings.
     *
     * @param name the relationship name
     * @param settings e.g. {@code r -> r.target("dtmi:com:example:Sensor;1").maxMultiplicity(10)}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef relationship(String name, Consumer<RelationshipDef> settings) {
      RelationshipDef def = new RelationshipDef(content(name));
      Objects.requireNonNull(settings, "settings").accept(def);
      append("contents", def);
      return this;
    }

    /**
     * Adds a Component.
     *
     * @param name the component name
     * @param interfaceId the DTMI of the component's Interface
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used, or the id is not a user DTMI
     */
    public InterfaceDef component(String name, String interfaceId) {
      return component(name, interfaceId, c -> { });
    }

    /**
     * Adds a Component with more settings.
     *
     * @param name the component name
     * @param interfaceId the DTMI of the component's Interface
     * @param settings e.g. {@code c -> c.displayName("Thermostat")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used, or the id is not a user DTMI
     */
    public InterfaceDef component(String name, String interfaceId, Consumer<PlainDef> settings) {
      checkDtmi(interfaceId);
      PlainDef def = new PlainDef("Component", true, content(name));
      def.set("schema", interfaceId);
      Objects.requireNonNull(settings, "settings").accept(def);
      append("contents", def);
      return this;
    }

    /**
     * Adds a Command with neither request nor response.
     *
     * @param name the command name
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef command(String name) {
      return command(name, c -> { });
    }

    /**
     * Adds a Command with more settings.
     *
     * @param name the command name
     * @param settings e.g. {@code c -> c.request("delay", INTEGER).response("ok", BOOLEAN)}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Interface
     */
    public InterfaceDef command(String name, Consumer<CommandDef> settings) {
      CommandDef def = new CommandDef(content(name));
      Objects.requireNonNull(settings, "settings").accept(def);
      append("contents", def);
      return this;
    }

    /**
     * Adds a reusable complex schema to the Interface's {@code schemas}; contents of this
     * Interface refer to it with {@link Schemas#ref(String)}.
     *
     * @param id the schema's DTMI
     * @param schema a complex schema (Array, Enum, Map or Object)
     * @return this definition
     * @throws IllegalArgumentException if {@code id} is not a user DTMI or {@code schema} is not complex
     */
    public InterfaceDef schema(String id, SchemaSpec schema) {
      Objects.requireNonNull(schema, "schema");
      if (!schema.isComplex()) {
        throw new IllegalArgumentException("only Array, Enum, Map and Object schemas can be entries of schemas, got " + schema);
      }
      append("schemas", schema.withId(id).toJson());
      return this;
    }

    private String content(String name) {
      checkName(name);
      if (!contentNames.add(name)) {
        throw new IllegalArgumentException("Interface " + id + " already has a content named '" + name + "'");
      }
      return name;
    }

    ObjectNode document(DtdlVersion defaultVersion) {
      DtdlVersion v = version != null ? version : defaultVersion;
      ObjectNode body = render(v);
      JsonNode contents = body.remove("contents");
      JsonNode schemas = body.remove("schemas");
      ObjectNode ordered = NODES.objectNode();
      ordered.setAll(body);
      if (contents != null) ordered.set("contents", contents);
      if (schemas != null) ordered.set("schemas", schemas);
      return ModelWriter.document(v, ordered, contexts);
    }
  }

  /**
   * What elements with a value can set in addition: a semantic type and unit, and the
   * Historized adjunct type.
   *
   * @param <S> the concrete definition type
   */
  public abstract static sealed class QuantityDef<S extends QuantityDef<S>> extends Def<S> permits PropertyDef, ValueDef {
    QuantityDef(String className, boolean typeRequired, String name, SchemaSpec schema) {
      super(className, typeRequired);
      set("name", name);
      set("schema", Objects.requireNonNull(schema, "schema").toJson());
    }

    /**
     * Gives the value a semantic type and unit (DTDL v2 natively; QuantitativeTypes extension
     * from v3 on, whose context is then added).
     *
     * @param semanticType e.g. {@code Temperature}
     * @param unit e.g. {@code degreeCelsius}
     * @return this definition
     */
    public S quantity(String semanticType, String unit) {
      Objects.requireNonNull(unit, "unit");
      coType(semanticType);
      set("unit", unit);
      return self();
    }

    /**
     * Marks the value as historized (Historization extension).
     *
     * @return this definition
     */
    public S historized() {
      return coType("Historized");
    }
  }

  /** The definition of a Property (of an Interface or of a Relationship). */
  public static final class PropertyDef extends QuantityDef<PropertyDef> {
    PropertyDef(String name, SchemaSpec schema) {
      super("Property", true, name, schema);
    }

    /**
     * Declares the property {@code writable}.
     *
     * @return this definition
     */
    public PropertyDef writable() {
      return writable(true);
    }

    /**
     * Sets whether the property is {@code writable}.
     *
     * @param writable the flag; {@code false} is the default and is not written
     * @return this definition
     */
    public PropertyDef writable(boolean writable) {
      if (writable) set("writable", true);
      else unset("writable");
      return this;
    }
  }

  /** The definition of a Telemetry, a Field, a MapValue, or a Command's request or response. */
  public static final class ValueDef extends QuantityDef<ValueDef> {
    ValueDef(String className, boolean typeRequired, String name, SchemaSpec schema) {
      super(className, typeRequired, checkName(name), schema);
    }

    @Override
    String className(DtdlVersion version) {
      String c = super.className(version);
      return version == DtdlVersion.V2 && c.startsWith("Command") ? "CommandPayload" : c;
    }
  }

  /** The definition of a Relationship. */
  public static final class RelationshipDef extends Def<RelationshipDef> {
    private final Set<String> propertyNames = new LinkedHashSet<>();

    RelationshipDef(String name) {
      super("Relationship", true);
      set("name", name);
    }

    /**
     * Restricts the target twins to an Interface and its subtypes.
     *
     * @param interfaceId the target Interface's DTMI
     * @return this definition
     * @throws IllegalArgumentException if the id is not a user DTMI
     */
    public RelationshipDef target(String interfaceId) {
      checkDtmi(interfaceId);
      set("target", interfaceId);
      return this;
    }

    /**
     * Sets {@code maxMultiplicity}, the most relationships of this name per source twin.
     *
     * @param max at least 1
     * @return this definition
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public RelationshipDef maxMultiplicity(int max) {
      if (max < 1) throw new IllegalArgumentException("maxMultiplicity must be at least 1, got " + max);
      set("maxMultiplicity", max);
      return this;
    }

    /**
     * Declares the relationship {@code writable}.
     *
     * @return this definition
     */
    public RelationshipDef writable() {
      set("writable", true);
      return this;
    }

    /**
     * Adds a property of the relationship.
     *
     * @param name the property name
     * @param schema its schema
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Relationship
     */
    public RelationshipDef property(String name, SchemaSpec schema) {
      return property(name, schema, p -> { });
    }

    /**
     * Adds a property of the relationship with more settings.
     *
     * @param name the property name
     * @param schema its schema
     * @param settings e.g. {@code p -> p.writable()}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Relationship
     */
    public RelationshipDef property(String name, SchemaSpec schema, Consumer<PropertyDef> settings) {
      checkName(name);
      if (!propertyNames.add(name)) throw new IllegalArgumentException("the relationship already has a property named '" + name + "'");
      PropertyDef def = new PropertyDef(name, schema);
      Objects.requireNonNull(settings, "settings").accept(def);
      append("properties", def);
      return this;
    }
  }

  /** The definition of a Command. */
  public static final class CommandDef extends Def<CommandDef> {
    CommandDef(String name) {
      super("Command", true);
      set("name", name);
    }

    /**
     * Sets the request.
     *
     * @param name the request's name
     * @param schema its schema
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid
     */
    public CommandDef request(String name, SchemaSpec schema) {
      return request(name, schema, r -> { });
    }

    /**
     * Sets the request with more settings.
     *
     * @param name the request's name
     * @param schema its schema
     * @param settings e.g. {@code r -> r.quantity("TimeSpan", "second")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid
     */
    public CommandDef request(String name, SchemaSpec schema, Consumer<ValueDef> settings) {
      return payload("request", "CommandRequest", name, schema, settings);
    }

    /**
     * Sets the response.
     *
     * @param name the response's name
     * @param schema its schema
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid
     */
    public CommandDef response(String name, SchemaSpec schema) {
      return response(name, schema, r -> { });
    }

    /**
     * Sets the response with more settings.
     *
     * @param name the response's name
     * @param schema its schema
     * @param settings e.g. {@code r -> r.description("true when done")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid
     */
    public CommandDef response(String name, SchemaSpec schema, Consumer<ValueDef> settings) {
      return payload("response", "CommandResponse", name, schema, settings);
    }

    private CommandDef payload(String member, String className, String name, SchemaSpec schema, Consumer<ValueDef> settings) {
      ValueDef def = new ValueDef(className, false, name, schema);
      Objects.requireNonNull(settings, "settings").accept(def);
      set(member, def);
      return this;
    }
  }

  /** The definition of an Object schema: its fields. */
  public static final class ObjectDef extends Def<ObjectDef> {
    private final Set<String> fieldNames = new LinkedHashSet<>();

    ObjectDef() {
      super("Object", true);
      emptyArray("fields");
    }

    /**
     * Adds a field.
     *
     * @param name the field name
     * @param schema its schema
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Object
     */
    public ObjectDef field(String name, SchemaSpec schema) {
      return field(name, schema, f -> { });
    }

    /**
     * Adds a field with more settings.
     *
     * @param name the field name
     * @param schema its schema
     * @param settings e.g. {@code f -> f.quantity("Length", "metre")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used in this Object
     */
    public ObjectDef field(String name, SchemaSpec schema, Consumer<ValueDef> settings) {
      checkName(name);
      if (!fieldNames.add(name)) throw new IllegalArgumentException("the Object already has a field named '" + name + "'");
      ValueDef def = new ValueDef("Field", false, name, schema);
      Objects.requireNonNull(settings, "settings").accept(def);
      append("fields", def);
      return this;
    }
  }

  /** The definition of an Enum schema: its values. */
  public static final class EnumDef extends Def<EnumDef> {
    private final PrimitiveSchema valueSchema;
    private final Set<String> valueNames = new LinkedHashSet<>();

    EnumDef(PrimitiveSchema valueSchema) {
      super("Enum", true);
      this.valueSchema = valueSchema;
      set("valueSchema", valueSchema.term());
      emptyArray("enumValues");
    }

    /**
     * Adds a value.
     *
     * @param name the value's name
     * @param enumValue the value in data: a String for a string Enum, an Integer for an integer Enum
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used, or the value does
     *     not fit the Enum's value schema
     */
    public EnumDef value(String name, Object enumValue) {
      return value(name, enumValue, v -> { });
    }

    /**
     * Adds a value with more settings.
     *
     * @param name the value's name
     * @param enumValue the value in data
     * @param settings e.g. {@code v -> v.displayName("Low")}
     * @return this definition
     * @throws IllegalArgumentException if the name is invalid or already used, or the value does
     *     not fit the Enum's value schema
     */
    public EnumDef value(String name, Object enumValue, Consumer<PlainDef> settings) {
      checkName(name);
      Objects.requireNonNull(enumValue, "enumValue");
      boolean fits = valueSchema == PrimitiveSchema.INTEGER ? enumValue instanceof Integer : enumValue instanceof String;
      if (!fits) {
        throw new IllegalArgumentException("enum value " + enumValue + " of '" + name + "' does not fit valueSchema " + valueSchema.term());
      }
      if (!valueNames.add(name)) throw new IllegalArgumentException("the Enum already has a value named '" + name + "'");
      PlainDef def = new PlainDef("EnumValue", false, name);
      if (enumValue instanceof Integer) def.set("enumValue", (Integer) enumValue);
      else def.set("enumValue", (String) enumValue);
      Objects.requireNonNull(settings, "settings").accept(def);
      append("enumValues", def);
      return this;
    }
  }

  /** The definition of an element with only the common members: Component, EnumValue, MapKey. */
  public static final class PlainDef extends Def<PlainDef> {
    PlainDef(String className, boolean typeRequired, String name) {
      super(className, typeRequired);
      set("name", checkName(name));
    }
  }
}
