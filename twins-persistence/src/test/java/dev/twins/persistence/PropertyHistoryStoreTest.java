package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.PropertyChange;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.series.Retention;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A store's property history comes back on reopen with every value, time and removal, from the
 * journal and from snapshots, never doubled.
 */
class PropertyHistoryStoreTest {
  private static final String ROOM = "dtmi:twins:demo:Room;1";
  private static final UnaryOperator<PropertyHistory.Builder> HISTORY = h -> h.track(ROOM, "temperature", "occupied")
      .track("dtmi:twins:demo:Floor;1");

  @TempDir Path dir;

  private TwinStore open(boolean withHistory) {
    TwinStore.Builder b = TwinStore.builder(dir).models(Graphs.MODELS).snapshotEvery(0);
    return (withHistory ? b.propertyHistory(HISTORY) : b).open();
  }

  /** Writes {@code i} of a workload: numbers that become texts, removals, deletions and re-creations. */
  private static void write(Twins g, int i) throws InterruptedException {
    String room = "room-" + (i % 3);
    if (g.twin(room).isEmpty()) {
      g.createTwin(room, ROOM, Map.of("temperature", 20 + i % 4));
    } else if (i % 11 == 10) {
      g.delete(room);
    } else if (i % 7 == 6 && g.twin(room).orElseThrow().property("temperature").isPresent()) {
      g.patch(room, JsonPatch.builder().remove("/temperature").build());
    } else if (i % 5 == 4) {
      g.set(room, "occupied", i % 2 == 0);
    } else {
      g.set(room, "temperature", i % 3 == 0 ? 20 + i : 20.25 + i);
    }
    if (i % 13 == 0) g.createTwin("floor-" + i, "dtmi:twins:demo:Floor;1", Map.of("level", i));
    Thread.sleep(2); // distinct commit milliseconds, so that no change replaces another in the history
  }

  /** Every history, as its changes and some values read at moments. */
  private static Map<String, Object> contents(TwinStore store, Twins g) {
    PropertyHistory h = store.propertyHistory().orElseThrow();
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) ids.add("room-" + i);
    for (int i = 0; i < 200; i += 13) ids.add("floor-" + i);
    for (String id : ids) {
      for (String p : List.of("temperature", "occupied", "level")) {
        List<PropertyChange> changes = h.changes(id, p, Instant.EPOCH, Instant.MAX);
        out.put(id + "/" + p, changes.toString());
        for (PropertyChange c : changes) {
          out.put(id + "/" + p + "@" + c.time().minusMillis(1), h.valueAt(id, p, c.time().minusMillis(1)).map(JsonNode::toString));
        }
        out.put(id + "/" + p + " from", h.coveredFrom(id, p));
      }
    }
    out.put("count", h.historyCount());
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 20, 59})
  void theHistoryComesBackExactlyFromTheJournalAndFromSnapshots(int snapshotAt) throws Exception {
    Map<String, Object> before;
    try (TwinStore store = open(true)) {
      for (int i = 0; i < 60; i++) {
        if (i == snapshotAt) store.snapshot();
        write(store.twins(), i);
      }
      before = contents(store, store.twins());
      assertThat(before.get("room-0/temperature").toString()).contains("(absent)");
    }
    // the stored settings apply when the store is opened without them
    try (TwinStore store = open(false)) {
      assertThat(contents(store, store.twins())).isEqualTo(before);
      store.snapshot();
      write(store.twins(), 60);
      before = contents(store, store.twins());
    }
    try (TwinStore store = open(true)) {
      assertThat(contents(store, store.twins())).isEqualTo(before);
    }
  }

  @Test
  void aHistoryStartedOnAnExistingStoreRecordsTheTwinsAsTheyWereThen() throws Exception {
    try (TwinStore store = open(false)) {
      for (int i = 0; i < 10; i++) write(store.twins(), i);
      assertThat(store.propertyHistory()).isEmpty();
    }
    Map<String, Object> before;
    try (TwinStore store = open(true)) {
      assertThat(store.propertyHistory().orElseThrow().coveredFrom("room-1", "temperature")).isPresent();
      for (int i = 10; i < 20; i++) write(store.twins(), i);
      before = contents(store, store.twins());
    }
    try (TwinStore store = open(false)) {
      assertThat(contents(store, store.twins())).isEqualTo(before);
    }
  }

  @Test
  void settingsThatCannotBeStoredOrDifferFromTheStoredAreRefused() {
    assertThatThrownBy(() -> TwinStore.builder(dir).models(Graphs.MODELS)
        .propertyHistory(h -> h.trackAll().retention((twin, property) -> Retention.ofCount(5))).open())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention is a function");
    assertThatThrownBy(() -> TwinStore.builder(dir).models(Graphs.MODELS).propertyHistory(h -> h).open())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selects no property");
    assertThatThrownBy(() -> TwinStore.builder(dir).models(Graphs.MODELS)
        .propertyHistory(h -> h.track(ROOM, "colour")).open())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    try (TwinStore store = open(true)) {
      store.twins().createTwin("room-1", ROOM, Map.of("temperature", 20.0));
      assertThatThrownBy(() -> store.propertyHistory().orElseThrow().forget("room-1"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("durable store");
    }
    assertThatThrownBy(() -> TwinStore.builder(dir).models(Graphs.MODELS)
        .propertyHistory(h -> h.trackAll()).open())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other settings");
    // the same settings, written differently, are the same
    try (TwinStore store = TwinStore.builder(dir).models(Graphs.MODELS).propertyHistory(h -> h
        .track("dtmi:twins:demo:Floor;1").track(ROOM, "occupied", "temperature", "occupied")).open()) {
      assertThat(store.propertyHistory().orElseThrow().valueAt("room-1", "temperature", Instant.MAX))
          .map(JsonNode::asDouble).isEqualTo(Optional.of(20.0));
    }
  }

  @Test
  void concurrentWritersAndBackgroundSnapshotsLeaveEveryChangeOnce() throws Exception {
    int threads = 4;
    int writes = 60;
    Map<String, Object> before = new LinkedHashMap<>();
    try (TwinStore store = TwinStore.builder(dir).models(Graphs.MODELS).snapshotEvery(25).propertyHistory(HISTORY)
        .open()) {
      List<Thread> workers = new ArrayList<>();
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < threads; t++) {
        String room = "room-" + t;
        workers.add(new Thread(() -> {
          try {
            store.twins().createTwin(room, ROOM, Map.of("temperature", 0.5));
            for (int i = 1; i <= writes; i++) {
              if (i % 9 == 0) store.snapshot();
              store.twins().set(room, "temperature", i + 0.5);
              Thread.sleep(1);
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }));
      }
      workers.forEach(Thread::start);
      for (Thread w : workers) w.join();
      assertThat(errors).isEmpty();
      PropertyHistory h = store.propertyHistory().orElseThrow();
      for (int t = 0; t < threads; t++) {
        List<PropertyChange> changes = h.changes("room-" + t, "temperature", Instant.EPOCH, Instant.MAX);
        before.put("room-" + t, changes.toString());
        assertThat(changes).hasSizeLessThanOrEqualTo(writes + 1);
      }
    }
    try (TwinStore store = open(false)) {
      PropertyHistory h = store.propertyHistory().orElseThrow();
      for (int t = 0; t < threads; t++) {
        assertThat(h.changes("room-" + t, "temperature", Instant.EPOCH, Instant.MAX).toString())
            .isEqualTo(before.get("room-" + t));
      }
    }
  }
}
