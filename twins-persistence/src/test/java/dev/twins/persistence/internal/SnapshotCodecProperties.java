package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.PropertyMetadata;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Twin records of version 2 and relationship records of version 3 give back equal twins and
 * relationships, whatever their names, values, times, ETags and device members, through one
 * snapshot's names record.
 */
class SnapshotCodecProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12).filter(EventCodecProperties::wellFormed),
        Arbitraries.of("name", "temperature", "🙂 room", "a/b", "", "W/\"", "\u2028"));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().filter(Double::isFinite).map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
        Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
        texts().map(s -> (JsonNode) F.stringNode(s)),
        Arbitraries.just(F.nullNode()),
        Arbitraries.just(F.numberNode(java.math.BigInteger.TWO.pow(70))),
        texts().map(s -> (JsonNode) F.objectNode().put(s, 1.5).set("list", F.arrayNode().add(s).add(2))));
  }

  /** Relationship properties are JSON text: values whose node kind the text keeps. */
  @Provide
  Arbitrary<JsonNode> relValues() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().filter(Double::isFinite).map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
        texts().map(s -> (JsonNode) F.stringNode(s)));
  }

  @Provide
  Arbitrary<List<JsonNode>> relLists() {
    return relValues().list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> etags() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> "W/\"ab12-" + Long.toHexString(n) + "\""),
        Arbitraries.of("W/\"1\"", "W/\"01\"", "\"\"", "x", "W/\"ABC\"", "W/\"fffffffffffffffff\""),
        texts());
  }

  /** One property of a twin: name, value, time, source time, device members. */
  record Prop(String name, JsonNode value, Instant time, Optional<Instant> source, boolean device, long desired) {}

  @Provide
  Arbitrary<List<Prop>> props() {
    Arbitrary<Prop> p = Combinators.combine(texts(), values(), instants(), instants().optional(), Arbitraries.of(true, false),
        Arbitraries.longs()).as(Prop::new);
    return p.list().ofMaxSize(6).uniqueElements(Prop::name);
  }

  private static Twin twin(String id, String model, String etag, long version, Instant lut, List<Prop> props,
      boolean sameTimes) {
    ObjectNode doc = F.objectNode();
    Map<String, PropertyMetadata> md = new LinkedHashMap<>();
    for (Prop p : props) {
      doc.set(p.name(), p.value());
      Instant at = sameTimes ? lut : p.time();
      md.put(p.name(), p.device() ? new PropertyMetadata(at, p.source(), Optional.of(F.numberNode((double) p.desired())),
          OptionalLong.of(Math.abs(p.desired() % 100)), OptionalLong.empty(), OptionalInt.of(200), Optional.of("ok"))
          : new PropertyMetadata(at, p.source()));
    }
    return new Twin(id, Dtmi.of(model), etag, version, lut, doc, md);
  }

  private static Bytes.Reader reader(Bytes b) {
    return new Bytes.Reader(ByteBuffer.wrap(b.array(), 0, b.length()).slice());
  }

  @Property(tries = 300)
  void twinsAndRelationshipsRoundTrip(@ForAll("texts") String id, @ForAll("etags") String etag,
      @ForAll("instants") Instant lut, @ForAll("props") List<Prop> props, @ForAll boolean sameTimes,
      @ForAll("texts") String relName, @ForAll("etags") String relEtag, @ForAll("relLists") List<JsonNode> relValues) {
    Twin t = twin("t-" + id, "dtmi:ex:Room;1", etag, props.size() + 1, lut, props, sameTimes);
    ObjectNode relProps = F.objectNode();
    for (int i = 0; i < relValues.size(); i++) relProps.set("p" + i, relValues.get(i));
    Relation rel = new Relation("r-" + id, "t-" + id, "other", relName, relEtag, lut, relProps);

    SnapshotCodec.Names names = new SnapshotCodec.Names();
    Bytes tb = new Bytes(16);
    SnapshotCodec.twin(t, names, tb);
    Bytes rb = new Bytes(16);
    SnapshotCodec.relation(rel, 0, 1, names, rb);
    Bytes nb = new Bytes(16);
    names.write(nb);

    SnapshotCodec.Dictionary d = new SnapshotCodec.Dictionary();
    d.read(ByteBuffer.wrap(nb.array(), 0, nb.length()).slice());
    Bytes.Reader r = reader(tb);
    Twin back = SnapshotCodec.twin(r, d);
    assertThat(r.hasMore()).isFalse();
    assertThat(back).isEqualTo(t);
    assertThat(back.etag()).isEqualTo(etag);
    assertThat(back.toJson()).isEqualTo(t.toJson());
    assertThat(back.metadata()).isEqualTo(t.metadata());
    // a second decode of the same shape (from the dictionary's cache) is equal too
    assertThat(SnapshotCodec.twin(reader(tb), d)).isEqualTo(t);
    Relation rback = SnapshotCodec.relation(reader(rb), d, new String[] {"t-" + id, "other"});
    assertThat(rback).isEqualTo(rel);
    assertThat(rback.etag()).isEqualTo(relEtag);
    assertThat(rback.properties()).isEqualTo(relProps);
    // and the twin re-encodes to the same bytes
    Bytes again = new Bytes(16);
    SnapshotCodec.twin(back, names, again);
    assertThat(java.util.Arrays.copyOf(again.array(), again.length())).isEqualTo(java.util.Arrays.copyOf(tb.array(), tb.length()));
  }

  @Property(tries = 50)
  void aCodeBeyondTheNamesIsAnError(@ForAll("props") List<Prop> props) {
    Twin t = twin("t", "dtmi:ex:Room;1", "W/\"a-1\"", 1, Instant.EPOCH, props, true);
    SnapshotCodec.Names names = new SnapshotCodec.Names();
    Bytes tb = new Bytes(16);
    SnapshotCodec.twin(t, names, tb);
    // no names record read: every code is out of range
    assertThatThrownBy(() -> SnapshotCodec.twin(reader(tb), new SnapshotCodec.Dictionary()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no names record");
  }

  @Property(tries = 20)
  void manyTwinsShareNames(@ForAll("props") List<Prop> props) {
    SnapshotCodec.Names names = new SnapshotCodec.Names();
    List<Bytes> encoded = new ArrayList<>();
    List<Twin> twins = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Twin t = twin("t" + i, "dtmi:ex:Room;1", "W/\"a-" + Integer.toHexString(i) + "\"", 1, Instant.EPOCH, props, false);
      Bytes b = new Bytes(16);
      SnapshotCodec.twin(t, names, b);
      encoded.add(b);
      twins.add(t);
    }
    // the model, the ETag prefix and each property name once
    assertThat(names.size()).isEqualTo(2 + props.size());
    Bytes nb = new Bytes(16);
    names.write(nb);
    SnapshotCodec.Dictionary d = new SnapshotCodec.Dictionary();
    d.read(ByteBuffer.wrap(nb.array(), 0, nb.length()).slice());
    for (int i = 0; i < twins.size(); i++) assertThat(SnapshotCodec.twin(reader(encoded.get(i)), d)).isEqualTo(twins.get(i));
  }
}
