package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One engine queried from several threads while the graph is written: every query sees a consistent graph. */
class ConcurrentQueriesTest {
  @Test
  void queriesRunWhileTheGraphIsWritten() throws Exception {
    Twins twins = Twins.demo();
    QueryEngine engine = QueryEngine.of(twins);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 2_000; i++) twins.set("room-10" + (1 + i % 2), "temperature", 15.0 + i % 20);
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          int checked = 0;
          while (!writer.isDone()) {
            QueryResult rooms = engine.query("SELECT F.$dtId AS f, COUNT() AS n, MIN(R.temperature) AS lo "
                + "FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) GROUP BY F.$dtId ORDER BY f");
            assertThat(rooms.stream().map(x -> x.integer("n").orElseThrow())).containsExactly(2L, 2L);
            assertThat(rooms.rows().get(0).number("lo").orElseThrow()).isBetween(15.0, 34.0);
            checked++;
          }
          return checked;
        }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Integer> f : readers) assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0);
    } finally {
      pool.shutdownNow();
    }
  }
}
