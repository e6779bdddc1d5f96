package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Twins#apply(ChangeEvent)}, {@link Twins#snapshot()} and {@link Twins.Builder#restore}. */
class ReplayTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Twins graph(Instant time) {
    return Twins.builder(DemoModels.models()).clock(Clock.fixed(time, ZoneOffset.UTC)).build();
  }

  private static List<ChangeEvent> record(Twins g) {
    List<ChangeEvent> events = new ArrayList<>();
    g.subscribe(ChangeFilters.all(), events::add);
    return events;
  }

  private static void write(Twins g) {
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0, "thermostat", Map.of("setPoint", 21.0)));
    g.relate("floor-1", "c1", "contains", "room-1");
    g.patch("room-1", JsonPatch.builder().replace("/temperature", 22.5)
        .add("/$metadata/temperature/sourceTime", "2025-12-31T23:59:00Z").build());
  }

  @Test
  void replayKeepsSequenceTimeEtagAndMetadata() {
    Twins original = graph(T0);
    List<ChangeEvent> events = record(original);
    write(original);
    Twins copy = graph(T0.plusSeconds(3600));

    for (ChangeEvent e : events) copy.apply(e);

    Twin room = copy.twin("room-1").orElseThrow();
    assertThat(room).isEqualTo(original.twin("room-1").orElseThrow());
    assertThat(room.etag()).isEqualTo(original.twin("room-1").orElseThrow().etag());
    assertThat(room.lastUpdateTime()).isEqualTo(T0);
    assertThat(room.metadata().get("temperature").sourceTime()).contains(Instant.parse("2025-12-31T23:59:00Z"));
    assertThat(copy.relation("floor-1", "c1")).isEqualTo(original.relation("floor-1", "c1"));
    assertThat(copy.version()).isEqualTo(4);
  }

  @Test
  void liveWritesAfterAReplayContinueTheSequence() {
    Twins original = graph(T0);
    List<ChangeEvent> events = record(original);
    write(original);
    Twins copy = graph(T0);
    for (ChangeEvent e : events) copy.apply(e);

    Twin t = copy.patch("room-1", JsonPatch.builder().replace("/temperature", 30.0).build());

    assertThat(t.version()).isEqualTo(3);
    assertThat(t.etag()).isNotEqualTo(original.twin("room-1").orElseThrow().etag());
    assertThat(copy.version()).isEqualTo(5);
  }

  @Test
  void aChangeNotAfterTheLastIsRefused() {
    Twins original = graph(T0);
    List<ChangeEvent> events = record(original);
    write(original);
    Twins copy = graph(T0);
    copy.apply(events.get(0));

    assertThatThrownBy(() -> copy.apply(events.get(0)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.REPLAY_CONFLICT))
        .hasMessageContaining("change 1 cannot be replayed: it is not after the graph's last change 1");
    assertThat(copy.twinCount()).isEqualTo(1);
  }

  @Test
  void anUpdateThatSkipsAVersionIsRefused() {
    Twins original = graph(T0);
    List<ChangeEvent> events = record(original);
    original.createTwin("floor-1", FLOOR, Map.of("level", 1));
    original.patch("floor-1", JsonPatch.builder().replace("/level", 2).build());
    original.patch("floor-1", JsonPatch.builder().replace("/level", 3).build());
    Twins copy = graph(T0);
    copy.apply(events.get(0));

    assertThatThrownBy(() -> copy.apply(events.get(2)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.REPLAY_CONFLICT))
        .hasMessageContaining("floor-1").hasMessageContaining("version 3, but replaying makes version 2");
    assertThat(copy.twin("floor-1").orElseThrow().number("level")).hasValue(1);
    assertThat(copy.version()).isEqualTo(1);
  }

  @Test
  void aDeleteOfAChangedTwinIsRefused() {
    Twins original = graph(T0);
    List<ChangeEvent> events = record(original);
    original.createTwin("floor-1", FLOOR, Map.of("level", 1));
    original.createTwin("floor-2", FLOOR, Map.of("level", 2));
    original.delete("floor-1");
    Twins copy = graph(T0);
    copy.apply(events.get(0));
    copy.patch("floor-1", JsonPatch.builder().replace("/level", 2).build());

    assertThatThrownBy(() -> copy.apply(events.get(2))).isInstanceOf(PreconditionFailedException.class);
    assertThat(copy.twin("floor-1")).isPresent();
  }

  @Test
  void aReplayedTwinIsValidatedLikeAWrite() {
    Twin bad = new Twin("room-9", dev.twins.core.model.Dtmi.of(ROOM), "W/\"x\"", 1, T0,
        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("temperature", "warm"),
        Map.of("temperature", new PropertyMetadata(T0, java.util.Optional.empty())));
    Twins g = graph(T0);

    assertThatThrownBy(() -> g.apply(new ChangeEvent.TwinCreated(1, T0, bad)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.VALIDATION_FAILED))
        .hasMessageContaining("room-9").hasMessageContaining("/temperature");
    assertThat(g.version()).isZero();
  }

  @Test
  void snapshotAndRestoreGiveTheSameGraph() {
    Twins original = graph(T0);
    write(original);

    GraphSnapshot snap = original.snapshot();
    Twins restored = Twins.builder(DemoModels.models()).restore(snap);

    assertThat(snap.sequence()).isEqualTo(4);
    assertThat(snap.twins()).hasSize(2);
    assertThat(snap.relations()).hasSize(1);
    GraphModelProperties.assertSameGraph(restored, original);
    assertThat(restored.indexes().equal(ROOM, "temperature", 22.5)).containsExactly("room-1");
  }

  @Test
  void aSnapshotWithADanglingRelationshipIsRefused() {
    Twins original = graph(T0);
    write(original);
    GraphSnapshot snap = original.snapshot();
    GraphSnapshot broken = new GraphSnapshot(snap.sequence(),
        snap.twins().stream().filter(t -> !t.id().equals("room-1")).toList(), snap.relations());

    assertThatThrownBy(() -> Twins.builder(DemoModels.models()).restore(broken))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.TARGET_NOT_FOUND))
        .hasMessageContaining("floor-1/c1").hasMessageContaining("room-1");
  }
}
