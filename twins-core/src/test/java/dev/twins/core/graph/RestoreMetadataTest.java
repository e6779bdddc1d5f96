package dev.twins.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Restoring checks that each twin's metadata fits its properties. */
class RestoreMetadataTest {
  private static final Instant T = Instant.parse("2026-11-26T08:00:00Z");
  private static final String ROOM = "dtmi:twins:demo:Room;1";

  private static Twin room(Map<String, PropertyMetadata> metadata) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("temperature", 21.5);
    doc.put("occupied", true);
    return new Twin("room-1", dev.twins.core.model.Dtmi.of(ROOM), "W/\"1\"", 1, T, doc, metadata);
  }

  private static Twins restore(Twin t) {
    return Twins.builder(Twins.demo().models()).restore(new GraphSnapshot(1, List.of(t), List.of()));
  }

  @Test
  void metadataMustCoverEveryPropertyAndNothingElseButDeviceState() {
    PropertyMetadata plain = new PropertyMetadata(T, Optional.empty());
    Map<String, PropertyMetadata> both = new LinkedHashMap<>();
    both.put("temperature", plain);
    both.put("occupied", plain);
    assertThat(restore(room(both)).twin("room-1")).isPresent();

    assertThatThrownBy(() -> restore(room(Map.of("temperature", plain))))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.INVALID_DOCUMENT))
        .hasMessageContaining("metadata for [temperature]").hasMessageContaining("occupied");

    Map<String, PropertyMetadata> extra = new LinkedHashMap<>(both);
    extra.put("area", plain);
    assertThatThrownBy(() -> restore(room(extra))).hasMessageContaining("metadata for");

    Map<String, PropertyMetadata> desired = new LinkedHashMap<>(both);
    desired.put("area", new PropertyMetadata(T, Optional.empty(), Optional.of(JsonNodeFactory.instance.numberNode(12.0)),
        OptionalLong.of(1), OptionalLong.empty(), OptionalInt.empty(), Optional.empty()));
    Twin restored = restore(room(desired)).twin("room-1").orElseThrow();
    assertThat(restored.metadata()).containsKeys("temperature", "occupied", "area");
  }
}
