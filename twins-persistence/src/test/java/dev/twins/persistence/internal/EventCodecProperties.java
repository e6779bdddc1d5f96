package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Twins and relationships come back from their binary encoding equal, whatever their strings and numbers. */
class EventCodecProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Provide
  Arbitrary<String> texts() {
    // well-formed Unicode only: the graph refuses unpaired surrogates, which UTF-8 cannot hold
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20).filter(EventCodecProperties::wellFormed),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
        Arbitraries.of("🙂 room", "ü\"\\/\n\t", "\u2028", ""));
  }

  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
      else if (Character.isSurrogate(c)) return false;
    }
    return true;
  }

  @Property(tries = 200)
  void twinsRoundTrip(@ForAll("texts") String text, @ForAll double real, @ForAll int whole, @ForAll long big,
      @ForAll boolean flag, @ForAll("texts") String key) {
    ObjectNode doc = F.objectNode();
    doc.put("text", text);
    if (Double.isFinite(real)) doc.put("real", real == 0.0 ? 0.0 : real);
    doc.put("whole", whole);
    if (big != (int) big) doc.put("big", big);
    doc.put("flag", flag);
    doc.putNull("nothing");
    doc.putArray("list").add(1).add("two").add(3.5).addObject().put(key, text);
    doc.putObject("component").put(key, real == real && Double.isFinite(real) ? real : 0.0);
    Map<String, PropertyMetadata> md = new LinkedHashMap<>();
    md.put("text", new PropertyMetadata(Instant.ofEpochSecond(1_700_000_000L, whole & 0x3fffffff), Optional.empty()));
    md.put("component/" + key, new PropertyMetadata(Instant.EPOCH, Optional.of(Instant.ofEpochMilli(big / 1000))));
    Twin t = new Twin("id-" + text, Dtmi.of("dtmi:ex:Room;1"), "W/\"" + whole + "\"", Math.abs(big) % 1000,
        Instant.ofEpochSecond(-5, 7), doc, md);
    Bytes out = new Bytes(16);
    EventCodec.twin(t, out);
    Twin back = EventCodec.twin(new Bytes.Reader(ByteBuffer.wrap(out.array(), 0, out.length()).slice()));
    assertThat(back).isEqualTo(t);

    Relation r = new Relation("r-" + key, "a", "b", "contains", "W/\"1\"", Instant.ofEpochMilli(big / 1000), doc);
    out.reset();
    EventCodec.relation(r, out);
    assertThat(EventCodec.relation(new Bytes.Reader(ByteBuffer.wrap(out.array(), 0, out.length()).slice())))
        .isEqualTo(r);
    assertThat(List.of(back.document())).containsExactly(doc);
  }
}
