package dev.twins.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.model.Dtmi;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A twin snapshot keeps strings and {@code int}, {@code long} and {@code double} numbers unboxed
 * and makes their JSON nodes when asked: every value comes back as the node it was given (same
 * class, equal, written byte for byte the same), through the snapshot alone and through a graph's
 * creates and patches (the unboxed slots of the patch's fast path among them), for values of
 * every DTDL schema kind.
 */
class UnboxedValuesProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final Dtmi MODEL = Dtmi.of("dtmi:ub:Any;1");
  private static final Instant TIME = Instant.parse("2026-11-26T10:00:00Z");

  // ---------------------------------------------------------------- the snapshot alone

  /** Any JSON document goes through a snapshot unchanged: its values, their classes and bytes. */
  @Property(tries = 150)
  void documentsRoundTripThroughASnapshot(@ForAll("documents") ObjectNode doc) {
    Twin t = twin(doc.deepCopy());
    assertThat(t.document()).isEqualTo(doc);
    assertThat(t.document().toString()).isEqualTo(doc.toString());
    assertThat(t.names()).containsExactlyElementsOf(doc.propertyNames());
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      JsonNode v = t.property(e.getKey()).orElseThrow();
      assertThat(v).isEqualTo(e.getValue());
      assertThat(v.getClass()).isEqualTo(e.getValue().getClass());
      assertThat(v.toString()).isEqualTo(e.getValue().toString());
      if (e.getValue().isNumber()) {
        assertThat(t.number(e.getKey()).getAsDouble()).isEqualTo(e.getValue().doubleValue());
      } else {
        assertThat(t.number(e.getKey())).isEmpty();
      }
    }
    ObjectNode json = t.toJson();
    for (Map.Entry<String, JsonNode> e : doc.properties()) {
      if (!e.getValue().isObject()) assertThat(json.get(e.getKey()).toString()).isEqualTo(e.getValue().toString());
    }
    assertThat(t).isEqualTo(twin(doc.deepCopy()));
    assertThat(twin(reparsed(doc))).isEqualTo(twin(reparsed(doc)));
  }

  /** Two snapshots are equal exactly when their documents are, number kinds included. */
  /**
   * Twins with the same names but numbers in different slots share a shape, and a read of a
   * number starts where the last twin of that shape kept it: whatever the order of the reads,
   * each twin's own number comes back, and a string is never read as one.
   */
  @Property(tries = 100)
  void numbersOfTwinsSharingAShapeAreTheirOwn(
      @ForAll @Size(min = 1, max = 6) List<@Size(value = 4) List<@IntRange(min = -3, max = 3) Integer>> layouts,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 23) Integer> reads) {
    List<Twin> twins = new ArrayList<>();
    List<ObjectNode> docs = new ArrayList<>();
    for (List<Integer> layout : layouts) {
      ObjectNode doc = JSON.objectNode();
      for (int k = 0; k < 4; k++) {
        int v = layout.get(k);
        // negative: a string; zero or positive: an int, a double or a long
        doc.set("n" + k, v < 0 ? JSON.stringNode("s" + v) : v % 3 == 0 ? JSON.numberNode(v)
            : v % 3 == 1 ? JSON.numberNode(v + 0.5) : JSON.numberNode(v * 10_000_000_000L));
      }
      docs.add(doc);
      twins.add(twin(doc.deepCopy()));
    }
    for (int r : reads) {
      int t = r % twins.size();
      String name = "n" + (r / 6) % 4;
      JsonNode expected = docs.get(t).get(name);
      if (expected.isNumber()) {
        assertThat(twins.get(t).number(name).getAsDouble()).isEqualTo(expected.doubleValue());
      } else {
        assertThat(twins.get(t).number(name)).isEmpty();
      }
    }
  }

  @Property(tries = 300)
  void snapshotsAreEqualWhenTheirDocumentsAre(@ForAll("primitives") JsonNode a, @ForAll("primitives") JsonNode b) {
    ObjectNode x = JSON.objectNode().set("v", a);
    ObjectNode y = JSON.objectNode().set("v", b);
    assertThat(twin(x).equals(twin(y))).isEqualTo(x.equals(y));
  }

  @Test
  void intsStayIntsAndDoublesStayDoubles() {
    ObjectNode doc = JSON.objectNode().put("i", 22).put("d", 22.0).put("l", 3_000_000_000L).put("m", -0.0)
        .put("s", "temperature");
    Twin t = twin(doc);
    assertThat(t.property("i")).contains(IntNode.valueOf(22));
    assertThat(t.property("d")).contains(DoubleNode.valueOf(22.0));
    assertThat(t.property("l")).contains(LongNode.valueOf(3_000_000_000L));
    assertThat(t.property("m").orElseThrow().toString()).isEqualTo("-0.0");
    assertThat(t.property("s")).contains(StringNode.valueOf("temperature"));
    assertThat(t.document().toString()).isEqualTo("{\"i\":22,\"d\":22.0,\"l\":3000000000,\"m\":-0.0,\"s\":\"temperature\"}");
    assertThat(twin(JSON.objectNode().put("i", 22))).isNotEqualTo(twin(JSON.objectNode().put("i", 22.0)));
  }

  // ---------------------------------------------------------------- through a graph

  /** A model with a property of every DTDL schema kind, all writable, and a component. */
  static Models models() {
    return ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ub:Thing;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "b", "schema": "boolean", "writable": true},
           {"@type": "Property", "name": "date", "schema": "date", "writable": true},
           {"@type": "Property", "name": "dateTime", "schema": "dateTime", "writable": true},
           {"@type": "Property", "name": "d", "schema": "double", "writable": true},
           {"@type": "Property", "name": "duration", "schema": "duration", "writable": true},
           {"@type": "Property", "name": "f", "schema": "float", "writable": true},
           {"@type": "Property", "name": "i", "schema": "integer", "writable": true},
           {"@type": "Property", "name": "l", "schema": "long", "writable": true},
           {"@type": "Property", "name": "s", "schema": "string", "writable": true},
           {"@type": "Property", "name": "time", "schema": "time", "writable": true},
           {"@type": "Property", "name": "kind", "schema": {"@type": "Enum", "valueSchema": "string",
              "enumValues": [{"name": "t", "enumValue": "temperature"}, {"name": "h", "enumValue": "humidity"}]},
            "writable": true},
           {"@type": "Property", "name": "level", "schema": {"@type": "Enum", "valueSchema": "integer",
              "enumValues": [{"name": "low", "enumValue": 1}, {"name": "high", "enumValue": 2}]}, "writable": true},
           {"@type": "Property", "name": "tags", "schema": {"@type": "Map",
              "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "double"}},
            "writable": true},
           {"@type": "Property", "name": "address", "schema": {"@type": "Object", "fields": [
              {"name": "street", "schema": "string"}, {"name": "number", "schema": "integer"}]}, "writable": true},
           {"@type": "Property", "name": "list", "schema": {"@type": "Array", "elementSchema": "long"},
            "writable": true},
           {"@type": "Component", "name": "thermostat", "schema": "dtmi:ub:Thermostat;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ub:Thermostat;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "setPoint", "schema": "double", "writable": true},
                      {"@type": "Property", "name": "label", "schema": "string", "writable": true}]}""");
  }

  /**
   * Twins created from ADT JSON text, then patched one property at a time with values from JSON
   * text (an int where a double was, and back; a long string; another enum value), read back as
   * the documents the same operations make on plain JSON.
   */
  @Property(tries = 60)
  void graphWritesKeepEveryValue(@ForAll("thingDocuments") ObjectNode doc,
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 1_000) Integer> patchSeeds) {
    Twins twins = Twins.create(models());
    ObjectNode input = doc.deepCopy();
    input.put("$dtId", "thing");
    input.putObject("$metadata").put("$model", "dtmi:ub:Thing;1");
    if (input.has("thermostat")) ((ObjectNode) input.get("thermostat")).putObject("$metadata");
    Twin t = twins.createTwin(reparsed(input));
    ObjectNode expected = reparsed(doc);
    assertSame(t, expected);
    List<String> names = new ArrayList<>(doc.propertyNames());
    names.remove("thermostat");
    for (int seed : patchSeeds) {
      if (names.isEmpty()) break;
      String name = names.get(seed % names.size());
      JsonNode v = thingValue(name, seed);
      JsonPatch p = JsonPatch.parse("[{\"op\": \"replace\", \"path\": \"/" + name + "\", \"value\": " + v + "}]");
      t = twins.patch("thing", p);
      expected.set(name, reparsed(v));
      assertSame(t, expected);
      assertSame(twins.twin("thing").orElseThrow(), expected);
    }
  }

  private static void assertSame(Twin t, ObjectNode expected) {
    assertThat(t.document().toString()).isEqualTo(expected.toString());
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      Optional<JsonNode> v = t.property(e.getKey());
      assertThat(v).contains(e.getValue());
      assertThat(v.orElseThrow().getClass()).isEqualTo(e.getValue().getClass());
    }
  }

  /** A value of the schema of a Thing property, varying with the seed. */
  private static JsonNode thingValue(String name, int seed) {
    switch (name) {
      case "b": return JSON.booleanNode(seed % 2 == 0);
      case "date": return JSON.stringNode("2026-11-" + (10 + seed % 18));
      case "dateTime": return JSON.stringNode("2026-11-26T10:" + (10 + seed % 50) + ":00Z");
      case "d": case "f": return seed % 3 == 0 ? JSON.numberNode(seed) : JSON.numberNode(seed / 8.0);
      case "duration": return JSON.stringNode("PT" + (1 + seed) + "M");
      case "i": return JSON.numberNode(seed - 500);
      case "l": return seed % 2 == 0 ? JSON.numberNode(seed * 10_000_000_000L) : JSON.numberNode(seed);
      case "s": return JSON.stringNode(seed % 2 == 0 ? "s" + seed : "a long text ".repeat(1 + seed % 9) + seed);
      case "time": return JSON.stringNode("10:" + (10 + seed % 50) + ":00");
      case "kind": return JSON.stringNode(seed % 2 == 0 ? "temperature" : "humidity");
      case "level": return JSON.numberNode(1 + seed % 2);
      case "tags": return JSON.objectNode().put("k" + seed, seed / 4.0);
      case "address": return JSON.objectNode().put("street", "Main " + seed).put("number", seed);
      case "list": return JSON.arrayNode().add(seed).add(seed * 3_000_000_000L);
      default: throw new IllegalArgumentException(name);
    }
  }

  @Provide
  Arbitrary<ObjectNode> thingDocuments() {
    List<String> names = List.of("b", "date", "dateTime", "d", "duration", "f", "i", "l", "s", "time", "kind",
        "level", "tags", "address", "list");
    return Combinators.combine(Arbitraries.subsetOf(names), Arbitraries.integers().between(0, 1_000),
        Arbitraries.of(true, false)).as((chosen, seed, thermostat) -> {
          ObjectNode doc = JSON.objectNode();
          int k = 0;
          for (String n : names) if (chosen.contains(n)) doc.set(n, thingValue(n, seed + 7 * k++));
          ObjectNode c = doc.putObject("thermostat");
          if (thermostat) {
            c.set("setPoint", seed % 2 == 0 ? JSON.numberNode(seed) : JSON.numberNode(seed / 2.0));
            c.put("label", "label " + seed);
          }
          return doc;
        });
  }

  // ---------------------------------------------------------------- helpers and generators

  private static Twin twin(ObjectNode doc) {
    Map<String, PropertyMetadata> meta = new LinkedHashMap<>();
    for (String n : doc.propertyNames()) meta.put(n, new PropertyMetadata(TIME, Optional.empty()));
    return new Twin("t", MODEL, "W/\"1\"", 1, TIME, doc, meta);
  }

  private static <T extends JsonNode> T reparsed(T node) {
    @SuppressWarnings("unchecked")
    T copy = (T) MAPPER.readTree(node.toString());
    return copy;
  }

  @Provide
  Arbitrary<JsonNode> primitives() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
        Arbitraries.integers().between(-3, 3).map(i -> (JsonNode) IntNode.valueOf(i)),
        Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)),
        Arbitraries.integers().between(-3, 3).map(i -> (JsonNode) LongNode.valueOf(i)),
        Arbitraries.doubles().map(d -> (JsonNode) DoubleNode.valueOf(d)),
        Arbitraries.of(0.0, -0.0, 22.0, 3.0, 1e300, Double.MIN_VALUE).map(d -> (JsonNode) DoubleNode.valueOf(d)),
        Arbitraries.floats().map(f -> (JsonNode) FloatNode.valueOf(f)),
        Arbitraries.bigIntegers().map(b -> (JsonNode) BigIntegerNode.valueOf(b.multiply(BigInteger.TEN.pow(20)))),
        Arbitraries.bigDecimals().map(b -> (JsonNode) DecimalNode.valueOf(b.add(new BigDecimal("0.125")))),
        Arbitraries.strings().ofMaxLength(70).map(s -> (JsonNode) StringNode.valueOf(s)),
        Arbitraries.of("temperature", "humidity", "").map(s -> (JsonNode) StringNode.valueOf(s)),
        Arbitraries.of(true, false).map(b -> (JsonNode) JSON.booleanNode(b)),
        Arbitraries.just((JsonNode) JSON.nullNode()));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.lazyOf(
        this::primitives,
        this::primitives,
        this::primitives,
        () -> values().list().ofMaxSize(3).map(l -> {
          ArrayNode a = JSON.arrayNode();
          l.forEach(a::add);
          return (JsonNode) a;
        }),
        () -> Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4).list().ofMaxSize(3),
            values().list().ofSize(3)).as((keys, vals) -> {
              ObjectNode o = JSON.objectNode();
              for (int i = 0; i < keys.size(); i++) o.set(keys.get(i), vals.get(i));
              return (JsonNode) o;
            }));
  }

  @Provide
  Arbitrary<ObjectNode> documents() {
    return Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6).set().ofMaxSize(8),
        values().list().ofSize(8)).as((keys, vals) -> {
          ObjectNode o = JSON.objectNode();
          int i = 0;
          for (String k : keys) o.set(k, vals.get(i++));
          return o;
        });
  }
}
