package dev.twins.core.model;

import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schema definitions for {@link ModelBuilder}, friendly to static import.
 *
 * <pre>{@code
 * import static dev.twins.core.model.Schemas.*;
 *
 * SchemaSpec readings = arrayOf(DOUBLE);
 * SchemaSpec position = object(o -> o.field("x", DOUBLE).field("y", DOUBLE));
 * SchemaSpec mode = enumOf(PrimitiveSchema.STRING, "on", "off");
 * SchemaSpec levels = enumOf(PrimitiveSchema.INTEGER, e -> e.value("low", 1).value("high", 2));
 * SchemaSpec perRoom = mapOf("room", "temperature", DOUBLE);
 * }</pre>
 */
public final class Schemas {
  /** {@code boolean}. */
  public static final SchemaSpec BOOLEAN = of(PrimitiveSchema.BOOLEAN);
  /** {@code date}. */
  public static final SchemaSpec DATE = of(PrimitiveSchema.DATE);
  /** {@code dateTime}. */
  public static final SchemaSpec DATE_TIME = of(PrimitiveSchema.DATE_TIME);
  /** {@code double}. */
  public static final SchemaSpec DOUBLE = of(PrimitiveSchema.DOUBLE);
  /** {@code duration}. */
  public static final SchemaSpec DURATION = of(PrimitiveSchema.DURATION);
  /** {@code float}. */
  public static final SchemaSpec FLOAT = of(PrimitiveSchema.FLOAT);
  /** {@code integer}. */
  public static final SchemaSpec INTEGER = of(PrimitiveSchema.INTEGER);
  /** {@code long}. */
  public static final SchemaSpec LONG = of(PrimitiveSchema.LONG);
  /** {@code string}. */
  public static final SchemaSpec STRING = of(PrimitiveSchema.STRING);
  /** {@code time}. */
  public static final SchemaSpec TIME = of(PrimitiveSchema.TIME);
  /** {@code point}. */
  public static final SchemaSpec POINT = of(GeospatialSchema.POINT);
  /** {@code multiPoint}. */
  public static final SchemaSpec MULTI_POINT = of(GeospatialSchema.MULTI_POINT);
  /** {@code lineString}. */
  public static final SchemaSpec LINE_STRING = of(GeospatialSchema.LINE_STRING);
  /** {@code multiLineString}. */
  public static final SchemaSpec MULTI_LINE_STRING = of(GeospatialSchema.MULTI_LINE_STRING);
  /** {@code polygon}. */
  public static final SchemaSpec POLYGON = of(GeospatialSchema.POLYGON);
  /** {@code multiPolygon}. */
  public static final SchemaSpec MULTI_POLYGON = of(GeospatialSchema.MULTI_POLYGON);

  private Schemas() {}

  /**
   * Names a primitive schema, including the DTDL v4 ones.
   *
   * @param schema the primitive schema
   * @return its term
   */
  public static SchemaSpec of(PrimitiveSchema schema) {
    return new SchemaSpec(ModelBuilder.NODES.stringNode(schema.term()));
  }

  /**
   * Names a geospatial schema.
   *
   * @param schema the geospatial schema
   * @return its term
   */
  public static SchemaSpec of(GeospatialSchema schema) {
    return new SchemaSpec(ModelBuilder.NODES.stringNode(schema.term()));
  }

  /**
   * Refers to a schema by DTMI: an entry of the Interface's {@code schemas} (see
   * {@link ModelBuilder.InterfaceDef#schema(String, SchemaSpec)}) or a complex schema given an
   * id with {@link SchemaSpec#withId(String)} elsewhere in the same Interface.
   *
   * @param dtmi the schema's identifier
   * @return the reference
   * @throws IllegalArgumentException if {@code dtmi} is not a user DTMI
   */
  public static SchemaSpec ref(String dtmi) {
    ModelBuilder.checkDtmi(dtmi);
    return new SchemaSpec(ModelBuilder.NODES.stringNode(dtmi));
  }

  /**
   * An Array schema.
   *
   * @param elementSchema the schema of each item
   * @return the Array
   */
  public static SchemaSpec arrayOf(SchemaSpec elementSchema) {
    Objects.requireNonNull(elementSchema, "elementSchema");
    ObjectNode node = ModelBuilder.NODES.objectNode();
    node.put("@type", "Array");
    node.set("elementSchema", elementSchema.toJson());
    return new SchemaSpec(node);
  }

  /**
   * A Map schema whose key is named {@code key} and whose value is named {@code value}.
   *
   * @param valueSchema the schema of each value
   * @return the Map
   */
  public static SchemaSpec mapOf(SchemaSpec valueSchema) {
    return mapOf("key", "value", valueSchema);
  }

  /**
   * A Map schema; keys are strings.
   *
   * @param keyName the MapKey's name
   * @param valueName the MapValue's name
   * @param valueSchema the schema of each value
   * @return the Map
   * @throws IllegalArgumentException if a name does not follow the DTDL name rule
   */
  public static SchemaSpec mapOf(String keyName, String valueName, SchemaSpec valueSchema) {
    return mapOf(keyName, valueName, valueSchema, v -> { });
  }

  /**
   * A Map schema whose value gets more settings, such as a semantic type.
   *
   * @param keyName the MapKey's name
   * @param valueName the MapValue's name
   * @param valueSchema the schema of each value
   * @param value sets more members of the MapValue, e.g. {@code v -> v.quantity("Temperature", "kelvin")}
   * @return the Map
   * @throws IllegalArgumentException if a name does not follow the DTDL name rule
   */
  public static SchemaSpec mapOf(String keyName, String valueName, SchemaSpec valueSchema, Consumer<ModelBuilder.ValueDef> value) {
    Objects.requireNonNull(valueSchema, "valueSchema");
    Objects.requireNonNull(value, "value");
    ModelBuilder.PlainDef key = new ModelBuilder.PlainDef("MapKey", false, keyName);
    key.set("schema", "string");
    ModelBuilder.ValueDef mapValue = new ModelBuilder.ValueDef("MapValue", false, valueName, valueSchema);
    value.accept(mapValue);
    ObjectNode node = ModelBuilder.NODES.objectNode();
    node.put("@type", "Map");
    node.set("mapKey", key.render(DtdlVersion.V3));
    node.set("mapValue", mapValue.render(DtdlVersion.V3));
    return new SchemaSpec(node);
  }

  /**
   * An Enum schema whose value names are also its values ({@code string}), or whose values are
   * numbered from 0 in the given order ({@code integer}).
   *
   * @param valueSchema {@link PrimitiveSchema#STRING} or {@link PrimitiveSchema#INTEGER}
   * @param names the names of the values
   * @return the Enum
   * @throws IllegalArgumentException if {@code valueSchema} is neither string nor integer, or a
   *     name does not follow the DTDL name rule
   */
  public static SchemaSpec enumOf(PrimitiveSchema valueSchema, String... names) {
    Objects.requireNonNull(names, "names");
    return enumOf(valueSchema, e -> {
      for (int i = 0; i < names.length; i++) {
        e.value(names[i], valueSchema == PrimitiveSchema.INTEGER ? (Object) i : names[i]);
      }
    });
  }

  /**
   * An Enum schema with explicit values.
   *
   * @param valueSchema {@link PrimitiveSchema#STRING} or {@link PrimitiveSchema#INTEGER}
   * @param values adds the values, e.g. {@code e -> e.value("low", 1).value("high", 2)}
   * @return the Enum
   * @throws IllegalArgumentException if {@code valueSchema} is neither string nor integer
   */
  public static SchemaSpec enumOf(PrimitiveSchema valueSchema, Consumer<ModelBuilder.EnumDef> values) {
    Objects.requireNonNull(valueSchema, "valueSchema");
    Objects.requireNonNull(values, "values");
    if (valueSchema != PrimitiveSchema.STRING && valueSchema != PrimitiveSchema.INTEGER) {
      throw new IllegalArgumentException("an Enum's valueSchema must be integer or string, got " + valueSchema.term());
    }
    ModelBuilder.EnumDef def = new ModelBuilder.EnumDef(valueSchema);
    values.accept(def);
    return new SchemaSpec(def.render(DtdlVersion.V3));
  }

  /**
   * An Object schema.
   *
   * @param fields adds the fields, e.g. {@code o -> o.field("x", DOUBLE).field("y", DOUBLE)}
   * @return the Object
   */
  public static SchemaSpec object(Consumer<ModelBuilder.ObjectDef> fields) {
    Objects.requireNonNull(fields, "fields");
    ModelBuilder.ObjectDef def = new ModelBuilder.ObjectDef();
    fields.accept(def);
    return new SchemaSpec(def.render(DtdlVersion.V3));
  }
}
