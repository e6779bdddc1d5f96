package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.HistoryStorage;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.Models;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change the store takes back after a failed fsync never shows in its property history. */
class HistoryFailureTest {
  private static final Models MODELS = Twins.demo().models();
  private static final String ROOM = "dtmi:twins:demo:Room;1";

  @TempDir Path dir;

  private StoreEngine open() {
    HistoryStorage.Settings settings = HistoryStorage.settings(PropertyHistory.builder().track(ROOM, "temperature"))
        .orElseThrow();
    return StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), MODELS, UnaryOperator.identity(),
        UnaryOperator.identity(), 64L << 20, 0, CorruptionPolicy.FAIL, Optional.of(settings)));
  }

  private static String history(StoreEngine store) {
    return store.propertyHistory().orElseThrow().changes("room-1", "temperature", Instant.EPOCH, Instant.MAX).toString();
  }

  @Test
  void aTakenBackChangeIsNotInTheHistoryAndTheReopenedHistoryIsTheSame() throws Exception {
    StoreEngine store = open();
    store.graph().createTwin("room-1", ROOM, Map.of("temperature", 20.0));
    Thread.sleep(2);
    store.graph().set("room-1", "temperature", 21.0);
    store.journal().failFsyncs(new IOException("Input/output error"));
    Thread.sleep(2);
    assertThatThrownBy(() -> store.graph().set("room-1", "temperature", 22.0)).isInstanceOfSatisfying(
        GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE));
    String inMemory = history(store);
    assertThat(inMemory).contains("=20.0").contains("=21.0").doesNotContain("22.0");
    assertThat(store.propertyHistory().orElseThrow().valueAt("room-1", "temperature", Instant.MAX)
        .orElseThrow().asDouble()).isEqualTo(21.0);
    try {
      store.close();
    } catch (RuntimeException expected) {
      // the failure again
    }
    StoreEngine again = open();
    try {
      assertThat(history(again)).isEqualTo(inMemory);
    } finally {
      again.close();
    }
  }
}
