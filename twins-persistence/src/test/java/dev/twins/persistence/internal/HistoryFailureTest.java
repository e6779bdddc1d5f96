package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.HistoryStorage;
import dev.twins.core.history.PropertyChange;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.Models;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /** The values of the history's changes, oldest first ({@code (absent)} for a removal). */
  private static List<String> values(StoreEngine store) {
    List<String> out = new ArrayList<>();
    for (PropertyChange c : store.propertyHistory().orElseThrow().changes("room-1", "temperature", Instant.EPOCH,
        Instant.MAX)) {
      out.add(c.value().map(v -> v.toString()).orElse("(absent)"));
    }
    return out;
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
    // the values themselves: the text also holds times, whose digits may read like a value
    assertThat(values(store)).containsExactly("20.0", "21.0");
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
      assertThat(values(again)).containsExactly("20.0", "21.0");
    } finally {
      again.close();
    }
  }
}
