package dev.twins.core.internal.graph;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ShortNode;
import tools.jackson.databind.node.StringNode;

/** Random JSON documents, values and pointers for the JSON Patch properties. */
public final class RandomJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Object keys, chosen to collide often and to need pointer escapes. */
  public static final List<String> KEYS = List.of("a", "b", "c", "temperature", "", "~", "/", "a/b", "~1", "0", "-");

  private RandomJson() {}

  /** Random object documents, nested up to {@code depth} levels. */
  public static Arbitrary<ObjectNode> documents(int depth) {
    return objects(depth);
  }

  /** Random JSON values of plain kinds (int, double with few decimals, string, boolean, null, containers). */
  public static Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(List.of(
        Arbitraries.integers().between(-1000, 1000).map(i -> (JsonNode) IntNode.valueOf(i)),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(3).map(d -> (JsonNode) DoubleNode.valueOf(d)),
        Arbitraries.strings().withChars("ab~/ \u00e9\"\\\n").ofMaxLength(4).map(s -> (JsonNode) StringNode.valueOf(s)),
        Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance).map(n -> (JsonNode) n)));
    if (depth <= 0) {
      return scalars;
    }
    Arbitrary<JsonNode> objects = objects(depth - 1).map(o -> (JsonNode) o);
    Arbitrary<JsonNode> arrays = arrays(depth - 1).map(a -> (JsonNode) a);
    return Arbitraries.oneOf(List.of(scalars, scalars, scalars, objects, arrays));
  }

  private static Arbitrary<ObjectNode> objects(int depth) {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> values(depth))).ofMaxSize(5)
        .map(m -> {
          ObjectNode o = NODES.objectNode();
          m.forEach(o::set);
          return o;
        });
  }

  private static Arbitrary<ArrayNode> arrays(int depth) {
    return Arbitraries.lazy(() -> values(depth)).list().ofMaxSize(4).map(list -> {
      ArrayNode a = NODES.arrayNode();
      list.forEach(a::add);
      return a;
    });
  }

  /**
   * Random JSON values with every kind of Jackson number node, in and out of canonical form:
   * shorts, longs, big integers, floats, doubles of any bit pattern, and big decimals of any scale.
   */
  public static Arbitrary<JsonNode> exoticValues(int depth) {
    Arbitrary<JsonNode> numbers = Arbitraries.oneOf(List.of(
        Arbitraries.shorts().map(s -> (JsonNode) ShortNode.valueOf(s)),
        Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)),
        Arbitraries.bigIntegers().between(BigInteger.TWO.pow(100).negate(), BigInteger.TWO.pow(100))
            .map(b -> (JsonNode) NODES.numberNode(b)),
        Arbitraries.floats().map(f -> (JsonNode) FloatNode.valueOf(f)),
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)
            .map(d -> (JsonNode) DoubleNode.valueOf(d)),
        Arbitraries.of(0.1, -0.0, 2e23, 1e23, 4.9e-324, Double.MAX_VALUE, 1e-7, 100.0)
            .map(d -> (JsonNode) DoubleNode.valueOf(d)),
        Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
                Arbitraries.integers().between(-400, 400))
            .as((unscaled, scale) -> (JsonNode) DecimalNode.valueOf(new BigDecimal(unscaled, scale)))));
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(List.of(numbers, numbers, values(0)));
    if (depth <= 0) {
      return scalars;
    }
    Arbitrary<JsonNode> nested = Arbitraries.lazy(() -> exoticValues(depth - 1));
    Arbitrary<JsonNode> objects = Arbitraries.maps(Arbitraries.of(KEYS), nested).ofMaxSize(3).map(m -> {
      ObjectNode o = NODES.objectNode();
      m.forEach(o::set);
      return (JsonNode) o;
    });
    Arbitrary<JsonNode> arrays = nested.list().ofMaxSize(3).map(list -> {
      ArrayNode a = NODES.arrayNode();
      list.forEach(a::add);
      return (JsonNode) a;
    });
    return Arbitraries.oneOf(List.of(scalars, scalars, objects, arrays));
  }

  /** Random valid JSON pointers of up to three tokens, escapes included. */
  public static Arbitrary<String> pointers() {
    return Arbitraries.oneOf(List.of(Arbitraries.of(KEYS), Arbitraries.strings().withChars("x~/1").ofMaxLength(3),
            Arbitraries.integers().between(0, 3).map(String::valueOf)))
        .list().ofMaxSize(3)
        .map(tokens -> {
          StringBuilder sb = new StringBuilder();
          for (String t : tokens) {
            sb.append('/').append(t.replace("~", "~0").replace("/", "~1"));
          }
          return sb.toString();
        });
  }
}
