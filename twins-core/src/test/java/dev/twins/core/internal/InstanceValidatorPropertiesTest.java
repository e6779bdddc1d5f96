package dev.twins.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.model.ArraySchema;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.ElementInfo;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.EnumValue;
import dev.twins.core.model.Field;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.MapKey;
import dev.twins.core.model.MapSchema;
import dev.twins.core.model.MapValue;
import dev.twins.core.model.ObjectSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;
import dev.twins.core.model.ValueError;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Random nested schemas with random values made to match them, and single-leaf mutations. */
class InstanceValidatorPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ElementInfo INFO = ElementInfo.of(Dtmi.of("dtmi:test:generated;1"));

  /** A schema and a value generated to match it. */
  record Sample(Schema schema, JsonNode value) {}

  /** A leaf of a value: a scalar, where it sits in its parent, and its JSON pointer. */
  record Leaf(JsonNode parent, String key, int index, String pointer, JsonNode node) {}

  @Property(tries = 500)
  void generatedValuesAreValid(@ForAll("samples") Sample sample) {
    assertThat(InstanceValidator.validate(sample.schema(), sample.value()))
        .as("%s against %s", sample.value(), sample.schema().describe())
        .isEmpty();
  }

  @Property(tries = 500)
  void aWrongLeafIsReportedAtItsPointer(
      @ForAll("samples") Sample sample,
      @ForAll @IntRange(min = 0, max = 10_000) int pick,
      @ForAll @IntRange(min = 0, max = 3) int wrongKind) {
    JsonNode value = sample.value().deepCopy();
    List<Leaf> leaves = new ArrayList<>();
    collectLeaves(value, null, null, -1, "", leaves);
    Assume.that(!leaves.isEmpty());
    Leaf leaf = leaves.get(pick % leaves.size());
    JsonNode wrong = wrongFor(leaf.node(), wrongKind);

    JsonNode mutated;
    if (leaf.parent() == null) {
      mutated = wrong;
    } else {
      if (leaf.key() != null) {
        ((ObjectNode) leaf.parent()).set(leaf.key(), wrong);
      } else {
        ((ArrayNode) leaf.parent()).set(leaf.index(), wrong);
      }
      mutated = value;
    }

    List<ValueError> errors = InstanceValidator.validate(sample.schema(), mutated);
    assertThat(errors)
        .as("%s against %s, leaf %s set to %s", mutated, sample.schema().describe(), leaf.pointer(), wrong)
        .extracting(ValueError::pointer)
        .contains(leaf.pointer());
  }

  @Property(tries = 2000)
  void dateAgreesWithJavaTime(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 19) int month,
      @ForAll @IntRange(min = 0, max = 39) int day) {
    String text = String.format("%04d-%02d-%02d", year, month, day);
    boolean javaTime;
    try {
      LocalDate.parse(text, DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
      javaTime = true;
    } catch (DateTimeParseException e) {
      javaTime = false;
    }
    assertThat(TextFormats.date(text) == null).as(text).isEqualTo(javaTime);
  }

  @Property(tries = 1000)
  void base64AgreesWithTheJdkDecoder(@ForAll("base64ish") String text) {
    boolean jdk;
    try {
      Base64.getDecoder().decode(text);
      jdk = true;
    } catch (IllegalArgumentException e) {
      jdk = false;
    }
    assertThat(TextFormats.base64(text) == null).as(text).isEqualTo(jdk);
  }

  @Provide
  Arbitrary<String> base64ish() {
    return Arbitraries.strings().withChars("AQw+/=-_ ").ofMaxLength(9);
  }

  // ---------------------------------------------------------------- leaves and mutations

  private static void collectLeaves(JsonNode node, JsonNode parent, String key, int index, String pointer, List<Leaf> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String token = e.getKey().replace("~", "~0").replace("/", "~1");
        collectLeaves(e.getValue(), node, e.getKey(), -1, pointer + "/" + token, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectLeaves(node.get(i), node, null, i, pointer + "/" + i, out);
      }
    } else {
      out.add(new Leaf(parent, key, index, pointer, node));
    }
  }

  /** A value that no leaf-level schema accepts in place of {@code leaf}. */
  private static JsonNode wrongFor(JsonNode leaf, int kind) {
    switch (kind) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.objectNode().put("wrong", true);
      case 2:
        return NODES.arrayNode();
      default:
        if (leaf.isNumber()) {
          return NODES.stringNode("not a number");
        }
        if (leaf.isString()) {
          return NODES.booleanNode(true);
        }
        return NODES.numberNode(1);
    }
  }

  // ---------------------------------------------------------------- schemas

  @Provide
  Arbitrary<Sample> samples() {
    return schemas(3).flatMap(s -> values(s).map(v -> new Sample(s, v)));
  }

  private static Arbitrary<Schema> schemas(int depth) {
    Arbitrary<Schema> primitive = Arbitraries.of(PrimitiveSchema.class).map(s -> (Schema) s);
    Arbitrary<Schema> geospatial = Arbitraries.of(GeospatialSchema.class).map(s -> (Schema) s);
    Arbitrary<Schema> leaf = Arbitraries.oneOf(List.of(primitive, primitive, geospatial, enums()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Schema> nested = Arbitraries.lazy(() -> schemas(depth - 1));
    Arbitrary<Schema> array = nested.map(e -> new ArraySchema(INFO, e));
    Arbitrary<Schema> map = nested.map(v -> new MapSchema(INFO, new MapKey(INFO, "key"), new MapValue(INFO, "value", v, Optional.empty())));
    Arbitrary<Schema> object = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'd').ofMinLength(1).ofMaxLength(2).set().ofMaxSize(4),
            nested.list().ofSize(4))
        .as((names, schemas) -> {
          List<Field> fields = new ArrayList<>();
          int i = 0;
          for (String name : names) {
            fields.add(new Field(INFO, name, schemas.get(i++), Optional.empty()));
          }
          return (Schema) new ObjectSchema(INFO, fields);
        });
    return Arbitraries.oneOf(List.of(leaf, leaf, array, map, object));
  }

  private static Arbitrary<Schema> enums() {
    Arbitrary<Schema> strings = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).set().ofMinSize(1).ofMaxSize(5)
        .map(set -> {
          List<EnumValue> values = new ArrayList<>();
          for (String s : set) {
            values.add(new EnumValue(INFO, "v" + values.size(), s));
          }
          return new EnumSchema(INFO, PrimitiveSchema.STRING, values);
        });
    Arbitrary<Schema> integers = Arbitraries.integers().set().ofMinSize(1).ofMaxSize(5)
        .map(set -> {
          List<EnumValue> values = new ArrayList<>();
          for (Integer i : set) {
            values.add(new EnumValue(INFO, "v" + values.size(), i));
          }
          return new EnumSchema(INFO, PrimitiveSchema.INTEGER, values);
        });
    return Arbitraries.oneOf(List.of(strings, integers));
  }

  // ---------------------------------------------------------------- values

  private static Arbitrary<JsonNode> values(Schema schema) {
    if (schema instanceof PrimitiveSchema) {
      return primitive((PrimitiveSchema) schema);
    }
    if (schema instanceof GeospatialSchema) {
      return geospatial((GeospatialSchema) schema);
    }
    if (schema instanceof EnumSchema) {
      return Arbitraries.of(((EnumSchema) schema).values())
          .map(v -> v.enumValue() instanceof Integer
              ? NODES.numberNode((Integer) v.enumValue())
              : NODES.stringNode((String) v.enumValue()));
    }
    if (schema instanceof ArraySchema) {
      return values(((ArraySchema) schema).elementSchema()).list().ofMaxSize(3).map(InstanceValidatorPropertiesTest::array);
    }
    if (schema instanceof MapSchema) {
      Arbitrary<String> keys = Arbitraries.strings().withChars("ab~/ $.\u00e9").ofMaxLength(4);
      return Arbitraries.maps(keys, values(((MapSchema) schema).mapValue().schema())).ofMaxSize(3)
          .map(m -> {
            ObjectNode node = NODES.objectNode();
            m.forEach(node::set);
            return (JsonNode) node;
          });
    }
    ObjectSchema object = (ObjectSchema) schema;
    if (object.fields().isEmpty()) {
      return Arbitraries.just(NODES.objectNode());
    }
    List<Arbitrary<JsonNode>> fieldValues = new ArrayList<>();
    for (Field f : object.fields()) {
      fieldValues.add(values(f.schema()).injectNull(0.3)); // null here: the field is left out
    }
    return Combinators.combine(fieldValues).as(list -> {
      ObjectNode node = NODES.objectNode();
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) {
          node.set(object.fields().get(i).name(), list.get(i));
        }
      }
      return (JsonNode) node;
    });
  }

  private static JsonNode array(List<JsonNode> items) {
    ArrayNode node = NODES.arrayNode();
    items.forEach(node::add);
    return node;
  }

  private static Arbitrary<JsonNode> primitive(PrimitiveSchema schema) {
    switch (schema) {
      case BOOLEAN:
        return Arbitraries.of(true, false).map(NODES::booleanNode);
      case STRING:
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\u20ac\u4e2d").ofMaxLength(12).map(NODES::stringNode);
      case INTEGER:
        return Arbitraries.oneOf(List.of(
            Arbitraries.integers().map(NODES::numberNode),
            Arbitraries.integers().between(-1000, 1000).map(i -> NODES.numberNode((double) i))));
      case LONG:
        return Arbitraries.longs().map(NODES::numberNode);
      case BYTE:
        return Arbitraries.integers().between(Byte.MIN_VALUE, Byte.MAX_VALUE).map(NODES::numberNode);
      case SHORT:
        return Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(NODES::numberNode);
      case UNSIGNED_BYTE:
        return Arbitraries.integers().between(0, 255).map(NODES::numberNode);
      case UNSIGNED_SHORT:
        return Arbitraries.integers().between(0, 65535).map(NODES::numberNode);
      case UNSIGNED_INTEGER:
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(NODES::numberNode);
      case UNSIGNED_LONG:
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
            .map(NODES::numberNode);
      case DOUBLE:
        return Arbitraries.doubles().map(NODES::numberNode);
      case FLOAT:
        return Arbitraries.floats().map(NODES::numberNode);
      case DECIMAL:
        return Arbitraries.bigDecimals().ofScale(4).map(d -> d.signum() < 0 ? NODES.numberNode(d) : NODES.stringNode(d.toPlainString()));
      case DATE:
        return dates().map(NODES::stringNode);
      case TIME:
        return Combinators.combine(times(), offsets().injectNull(0.5)).as((t, o) -> NODES.stringNode(o == null ? t : t + o));
      case DATE_TIME:
        return Combinators.combine(dates(), Arbitraries.of("T", "t"), times(), offsets())
            .as((d, sep, t, o) -> NODES.stringNode(d + sep + t + o));
      case DURATION:
        return durations().map(NODES::stringNode);
      case UUID:
        return Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()).toString())
            .flatMap(u -> Arbitraries.of(u, u.toUpperCase(java.util.Locale.ROOT)))
            .map(NODES::stringNode);
      case BYTES:
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(10), Arbitraries.of(true, false))
            .as((b, pad) -> NODES.stringNode(pad ? Base64.getEncoder().encodeToString(b) : Base64.getEncoder().withoutPadding().encodeToString(b)));
      default:
        throw new AssertionError(schema);
    }
  }

  private static Arbitrary<String> dates() {
    long first = LocalDate.of(0, 1, 1).toEpochDay();
    long last = LocalDate.of(9999, 12, 31).toEpochDay();
    return Arbitraries.longs().between(first, last).map(d -> LocalDate.ofEpochDay(d).toString());
  }

  private static Arbitrary<String> times() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 23),
            Arbitraries.integers().between(0, 59),
            Arbitraries.integers().between(0, 59),
            Arbitraries.strings().numeric().ofMaxLength(12))
        .as((h, m, s, fraction) -> String.format("%02d:%02d:%02d", h, m, s) + (fraction.isEmpty() ? "" : "." + fraction));
  }

  private static Arbitrary<String> offsets() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.of("Z", "z"),
        Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
            .as((sign, h, m) -> String.format("%s%02d:%02d", sign, h, m))));
  }

  private static Arbitrary<String> durations() {
    Arbitrary<String> weeks = Arbitraries.integers().between(0, 99).map(w -> "P" + w + "W");
    Arbitrary<String> components = Arbitraries.integers().between(1, 127)
        .flatMap(mask -> Arbitraries.integers().between(0, 999).list().ofSize(7)
            .map(numbers -> {
              String[] designators = {"Y", "M", "D", "H", "M", "S"};
              StringBuilder sb = new StringBuilder("P");
              int lastSet = 0;
              for (int i = 0; i < 6; i++) {
                if ((mask & (1 << i)) != 0) {
                  lastSet = i;
                }
              }
              if ((mask & 0x3F) == 0) {
                return "PT" + numbers.get(6) + ".5S";
              }
              for (int i = 0; i < 6; i++) {
                if ((mask & (1 << i)) == 0) {
                  continue;
                }
                if (i >= 3 && sb.indexOf("T") < 0) {
                  sb.append('T');
                }
                sb.append(numbers.get(i));
                if (i == lastSet && (mask & 0x40) != 0) {
                  sb.append(",25");
                }
                sb.append(designators[i]);
              }
              return sb.toString();
            }));
    return Arbitraries.oneOf(List.of(weeks, components));
  }

  private static Arbitrary<JsonNode> geospatial(GeospatialSchema schema) {
    Arbitrary<JsonNode> coordinates;
    switch (schema) {
      case POINT:
        coordinates = position();
        break;
      case MULTI_POINT:
        coordinates = position().list().ofMaxSize(3).map(InstanceValidatorPropertiesTest::array);
        break;
      case LINE_STRING:
        coordinates = lineString();
        break;
      case MULTI_LINE_STRING:
        coordinates = lineString().list().ofMaxSize(3).map(InstanceValidatorPropertiesTest::array);
        break;
      case POLYGON:
        coordinates = polygon();
        break;
      case MULTI_POLYGON:
        coordinates = polygon().list().ofMaxSize(2).map(InstanceValidatorPropertiesTest::array);
        break;
      default:
        throw new AssertionError(schema);
    }
    return coordinates.map(c -> {
      ObjectNode node = NODES.objectNode();
      node.put("type", schema.geoJsonType());
      node.set("coordinates", c);
      return (JsonNode) node;
    });
  }

  private static Arbitrary<JsonNode> position() {
    return Combinators.combine(
            Arbitraries.doubles().between(-180, 180),
            Arbitraries.doubles().between(-90, 90),
            Arbitraries.doubles().between(-500, 9000).injectNull(0.5))
        .as((lon, lat, alt) -> {
          ArrayNode p = NODES.arrayNode().add(lon).add(lat);
          if (alt != null) {
            p.add(alt);
          }
          return (JsonNode) p;
        });
  }

  private static Arbitrary<JsonNode> lineString() {
    return position().list().ofMinSize(2).ofMaxSize(4).map(InstanceValidatorPropertiesTest::array);
  }

  private static Arbitrary<JsonNode> polygon() {
    Arbitrary<JsonNode> ring = position().list().ofMinSize(3).ofMaxSize(5)
        .map(positions -> {
          ArrayNode r = (ArrayNode) array(positions);
          r.add(positions.get(0).deepCopy());
          return (JsonNode) r;
        });
    return ring.list().ofMinSize(1).ofMaxSize(2).map(InstanceValidatorPropertiesTest::array);
  }
}
