package dev.twins.core.graph;

import static dev.twins.core.graph.IndexModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writers and readers at once: reads never see a twin outside its range, and the end state agrees with a scan. */
class IndexConcurrencyTest {

  private static ObjectNode room(double temperature) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.putObject("$metadata").put("$model", ROOM);
    o.put("temperature", temperature);
    o.putObject("thermostat").putObject("$metadata");
    return o;
  }

  @Test
  void concurrentWritesAndLookups() throws Exception {
    Twins g = Twins.create(IndexModels.models());
    g.indexes().declare(ROOM, "temperature");
    int writers = 4;
    int twinsPerWriter = 20;
    int writes = 1500;
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong lookups = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int id = w;
      threads.add(new Thread(() -> {
        Random rnd = new Random(id);
        try {
          start.await();
          for (int i = 0; i < writes; i++) {
            String twin = "w" + id + "-" + rnd.nextInt(twinsPerWriter);
            if (rnd.nextInt(10) == 0 && g.twin(twin).isPresent()) {
              g.delete(twin);
            } else {
              g.putTwin(twin, room(rnd.nextInt(40)), Condition.none());
            }
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      }));
    }
    for (int r = 0; r < 2; r++) {
      threads.add(new Thread(() -> {
        try {
          start.await();
          Random rnd = new Random();
          while (!done.get()) {
            int lo = rnd.nextInt(40);
            int hi = lo + rnd.nextInt(10);
            for (Twin t : g.indexes().twins(ROOM, "temperature", ValueRange.between(lo, true, hi, false))) {
              double v = t.number("temperature").orElseThrow();
              if (v < lo || v >= hi) throw new AssertionError(t + " has " + v + ", outside [" + lo + ", " + hi + ")");
            }
            List<String> ids = g.indexes().ids(ROOM, "temperature", ValueRange.any());
            if (ids.size() != new java.util.HashSet<>(ids).size()) throw new AssertionError("duplicates in " + ids);
            lookups.incrementAndGet();
          }
        } catch (Throwable t) {
          failures.add(t);
        }
      }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (int i = 0; i < writers; i++) threads.get(i).join();
    done.set(true);
    for (Thread t : threads) t.join();

    assertThat(failures).isEmpty();
    assertThat(lookups.get()).isPositive();
    for (int v = 0; v < 40; v++) {
      List<String> expected = new ArrayList<>();
      for (Twin t : g.twins()) if (t.number("temperature").orElseThrow() == v) expected.add(t.id());
      expected.sort(null);
      assertThat(g.indexes().equal(ROOM, "temperature", v)).as("= %d", v).isEqualTo(expected);
    }
    assertThat(g.indexes().info(ROOM, "temperature").orElseThrow().twins()).isEqualTo(g.twinCount());
  }
}
