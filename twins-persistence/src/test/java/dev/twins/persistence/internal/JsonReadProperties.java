package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The records' JSON reader gives exactly the trees (and node kinds) Jackson's readTree gives. */
class JsonReadProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final JsonMapper JACKSON = JsonMapper.builder().build();

  @Provide
  Arbitrary<JsonNode> trees() {
    Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(12).filter(EventCodecProperties::wellFormed).map(F::stringNode),
        Arbitraries.integers().map(F::numberNode),
        Arbitraries.longs().map(F::numberNode),
        Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(70).negate(), BigInteger.ONE.shiftLeft(70))
            .map(F::numberNode),
        Arbitraries.doubles().filter(Double::isFinite).map(F::numberNode),
        Arbitraries.floats().filter(Float::isFinite).map(F::numberNode),
        Arbitraries.bigDecimals().ofScale(3).between(BigDecimal.valueOf(-1e9), BigDecimal.valueOf(1e9))
            .map(F::numberNode),
        Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode(), F.stringNode("a\"b\\c\n\u0001é🙂")));
    return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(l -> {
          ArrayNode a = F.arrayNode();
          l.forEach(a::add);
          return a;
        }),
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6).filter(EventCodecProperties::wellFormed), inner)
            .ofMaxSize(4).map(m -> {
              ObjectNode o = F.objectNode();
              m.forEach(o::set);
              return o;
            })), 3);
  }

  @Property(tries = 200)
  void readsWhatJacksonReads(@ForAll("trees") JsonNode tree) {
    Bytes b = new Bytes(64);
    JsonText.write(tree, b);
    JsonNode jackson = JACKSON.readTree(b.array(), 0, b.length());
    JsonNode ours = JsonRead.read(b.array(), 0, b.length());
    assertThat(ours).isEqualTo(jackson);
    assertThat(ours.toString()).isEqualTo(jackson.toString());
    // and Jackson's own text (with its escapes) reads the same
    byte[] text = JACKSON.writeValueAsBytes(tree);
    assertThat(JsonRead.read(text, 0, text.length)).isEqualTo(JACKSON.readTree(text));
  }

  @Test
  void malformedTextIsRefusedWithItsPosition() {
    for (String bad : new String[] {"{", "{\"a\" 1}", "[1,]", "01", "\"open", "tru", "1 2", "{\"a\":1,}", "-", "1.",
        "\"\\x\""}) {
      byte[] t = bad.getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> JsonRead.read(t, 0, t.length)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bad JSON at byte");
    }
    byte[] spaced = " { \"a\" : [ 1 , 2.5e3 , true ] } ".getBytes(StandardCharsets.UTF_8);
    assertThat(JsonRead.read(spaced, 0, spaced.length).toString()).isEqualTo("{\"a\":[1,2500.0,true]}");
  }
}
