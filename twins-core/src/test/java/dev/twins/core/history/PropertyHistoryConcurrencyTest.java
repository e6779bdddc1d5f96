package dev.twins.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Writers on several threads and readers at the same time: the history ends equal to the graph. */
class PropertyHistoryConcurrencyTest {
  @Test
  void concurrentWritesAreAllRecordedInCommitOrder() throws Exception {
    Twins twins = Twins.create(HistoryModels.models());
    PropertyHistory history = PropertyHistory.builder().track(HistoryModels.DESK).attach(twins);
    for (int i = 0; i < 8; i++) twins.createTwin("d" + i, HistoryModels.DESK, Map.of("temperature", 0.0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          for (int k = 1; k <= 400; k++) twins.set("d" + ((k + writer) % 8), "temperature", (double) (k * 10 + writer));
        }));
      }
      done.add(pool.submit(() -> {
        for (int k = 0; k < 2000; k++) history.valueAt("d" + (k % 8), "temperature", Instant.now());
      }));
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 8; i++) {
      assertThat(history.valueAt("d" + i, "temperature", Instant.MAX))
          .isEqualTo(twins.twin("d" + i).orElseThrow().property("temperature"));
      List<PropertyChange> changes = history.changes("d" + i, "temperature", Instant.MIN, Instant.MAX);
      assertThat(changes).hasSizeGreaterThan(100);
      for (int k = 1; k < changes.size(); k++) {
        assertThat(changes.get(k).time()).isAfterOrEqualTo(changes.get(k - 1).time());
      }
    }
  }
}
