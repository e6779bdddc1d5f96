package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Patches of top-level primitive properties (which commit without the twin's lock), patches that
 * take the general path (a component property) and replaces of the whole twin, all on one twin
 * from several threads, each an increment guarded by If-Match: no increment is lost, and the
 * version counts every write.
 */
class MixedWritesTest {
  private static final int ROUNDS = 1_500;

  @Test
  void incrementsOfEveryKindOnOneTwinAreAllKept() throws InterruptedException {
    Twins g = Twins.create(DemoModels.models());
    g.createTwin("r", ROOM, Map.of("temperature", 0.0, "area", 0.0, "thermostat", Map.of("setPoint", 0.0)));
    AtomicLong fast = new AtomicLong();
    AtomicLong general = new AtomicLong();
    AtomicLong replaced = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      threads.add(new Thread(() -> increment(g, failure, fast, t -> JsonPatch.builder()
          .replace("/temperature", t.number("temperature").orElseThrow() + 1).build())));
    }
    threads.add(new Thread(() -> increment(g, failure, general, t -> JsonPatch.builder()
        .replace("/thermostat/setPoint", t.number("thermostat/setPoint").orElseThrow() + 1).build())));
    threads.add(new Thread(() -> {
      try {
        for (int i = 0; i < ROUNDS / 2; i++) {
          while (true) {
            Twin t = g.twin("r").orElseThrow();
            ObjectNode json = t.toJson();
            json.put("area", t.number("area").orElseThrow() + 1);
            try {
              g.putTwin("r", json, Condition.ifMatch(t.etag()));
              replaced.incrementAndGet();
              break;
            } catch (PreconditionFailedException again) {
              // another write came first: read and try again
            }
          }
        }
      } catch (Throwable ex) {
        failure.compareAndSet(null, ex);
      }
    }));
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
    assertThat(failure.get()).isNull();
    Twin end = g.twin("r").orElseThrow();
    assertThat(fast.get()).isEqualTo(2L * ROUNDS);
    assertThat(end.number("temperature").orElseThrow()).isEqualTo(fast.get());
    assertThat(end.number("thermostat/setPoint").orElseThrow()).isEqualTo(general.get());
    assertThat(end.number("area").orElseThrow()).isEqualTo(replaced.get());
    assertThat(end.version()).isEqualTo(1 + fast.get() + general.get() + replaced.get());
    assertThat(g.version()).isEqualTo(end.version());
  }

  private static void increment(Twins g, AtomicReference<Throwable> failure, AtomicLong done,
      java.util.function.Function<Twin, JsonPatch> patchOf) {
    try {
      for (int i = 0; i < ROUNDS; i++) {
        while (true) {
          Twin t = g.twin("r").orElseThrow();
          try {
            Twin after = g.patch("r", patchOf.apply(t), Condition.ifMatch(t.etag()));
            if (after.version() != t.version() + 1) throw new AssertionError("version " + after.version() + " after " + t.version());
            done.incrementAndGet();
            break;
          } catch (PreconditionFailedException again) {
            // another write came first: read and try again
          }
        }
      }
    } catch (Throwable ex) {
      failure.compareAndSet(null, ex);
    }
  }
}
