package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinStoreTest {
  @TempDir Path dir;

  private TwinStore open() {
    return TwinStore.builder(dir).models(Graphs.MODELS).open();
  }

  @Test
  void writesSurviveReopenExactly() {
    Twins reference = Twins.create(Graphs.MODELS);
    try (TwinStore store = open()) {
      for (int i = 0; i < 200; i++) Graphs.write(store.twins(), i);
      reference = Twins.builder(Graphs.MODELS).restore(store.twins().snapshot());
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.models()).isEqualTo(Graphs.MODELS);
      Graphs.assertSameGraph(store.twins(), reference);
      assertThat(store.recovery().recordsReplayed()).isEqualTo(200);
      assertThat(store.recovery().tornTail()).isEmpty();
      // and it goes on
      Graphs.write(store.twins(), 200);
      assertThat(store.twins().version()).isEqualTo(201);
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.twins().version()).isEqualTo(201);
    }
  }

  @Test
  void snapshotsShortenRecoveryAndRemoveSegments() {
    Twins reference;
    try (TwinStore store = TwinStore.builder(dir).models(Graphs.MODELS).segmentBytes(4096).snapshotEvery(0)
        .durability(Durability.os()).open()) {
      for (int i = 0; i < 300; i++) Graphs.write(store.twins(), i);
      store.snapshot();
      for (int i = 300; i < 600; i++) Graphs.write(store.twins(), i);
      int before = store.fileStats().get("journalSegments").hashCode();
      store.snapshot();
      assertThat((Integer) store.fileStats().get("journalSegments")).isLessThan(before);
      for (int i = 600; i < 650; i++) Graphs.write(store.twins(), i);
      reference = Twins.builder(Graphs.MODELS).restore(store.twins().snapshot());
    }
    try (TwinStore store = TwinStore.open(dir)) {
      Graphs.assertSameGraph(store.twins(), reference);
      assertThat(store.recovery().snapshot()).isPresent();
      assertThat(store.recovery().recordsReplayed()).isEqualTo(50);
    }
  }

  @Test
  void backgroundSnapshotsHappen() throws Exception {
    try (TwinStore store = TwinStore.builder(dir).models(Graphs.MODELS).snapshotEvery(100)
        .durability(Durability.every(Duration.ofMillis(2))).open()) {
      store.batch(() -> {
        for (int i = 0; i < 400; i++) Graphs.write(store.twins(), i);
      });
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".twsnap"))).isNotEmpty();
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.twins().version()).isEqualTo(400);
    }
  }

  @Test
  void secondOpenIsRefusedClearly() {
    try (TwinStore store = open()) {
      assertThatThrownBy(() -> TwinStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
        assertThat(e.code()).isEqualTo(StoreException.Code.LOCKED);
        assertThat(e.getMessage()).contains(dir.toString()).contains("already open");
      });
      Graphs.write(store.twins(), 0);
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.twins().twinCount()).isEqualTo(1);
    }
  }

  @Test
  void modelsCanBeAddedLater() {
    Models floorsOnly = Models.of(List.of(Graphs.MODELS.require(Graphs.FLOOR)));
    try (TwinStore store = TwinStore.builder(dir).models(floorsOnly).open()) {
      assertThat(store.models().size()).isLessThan(Graphs.MODELS.size());
      Twins before = store.twins();
      before.createTwin("floor-1", Graphs.FLOOR, Map.of("level", 1));
      long indexed = before.indexes().declare(Graphs.FLOOR, "level").twins();
      long version = before.version();
      Twins bigger = store.addModels(Graphs.MODELS);
      // the same graph, extended in place: nothing rebuilt, nothing journaled but the models
      assertThat(bigger).isSameAs(before).isSameAs(store.twins());
      assertThat(bigger.version()).isEqualTo(version);
      assertThat(indexed).isEqualTo(1);
      assertThat(bigger.indexes().equal(Graphs.FLOOR, "level", 1)).containsExactly("floor-1");
      bigger.createTwin("room-1", Graphs.ROOM, Map.of("temperature", 20.0));
      bigger.relate("floor-1", "r1", "hasRoom", "room-1");
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.models()).isEqualTo(Graphs.MODELS);
      assertThat(store.twins().relationCount()).isEqualTo(1);
      store.snapshot();
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.models()).isEqualTo(Graphs.MODELS);
      assertThat(store.twins().twinCount()).isEqualTo(2);
    }
  }

  @Test
  void aClosedStoresGraphRefusesWrites() {
    TwinStore store = open();
    Twins g = store.twins();
    g.createTwin("floor-1", Graphs.FLOOR, Map.of("level", 1));
    assertThat(store.failure()).isEmpty();
    store.close();
    assertThatThrownBy(() -> g.createTwin("floor-2", Graphs.FLOOR, Map.of("level", 2)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE))
        .hasMessageContaining("the store is closed").hasMessageContaining(dir.toString());
    assertThat(g.twin("floor-2")).isEmpty();
    try (TwinStore again = TwinStore.open(dir)) {
      assertThat(again.twins().twinCount()).isEqualTo(1);
    }
  }

  @Test
  void printsCountsOnly() {
    try (TwinStore store = open()) {
      Graphs.write(store.twins(), 0);
      assertThat(store.toString()).startsWith("TwinStore[").contains("twins=1").contains("everyWrite");
      assertThat(store.recovery().toString()).contains("snapshot=none");
    }
  }
}
