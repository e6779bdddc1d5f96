package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Condition;
import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A group commit whose fsync fails: every change of the group is taken back in memory before any
 * of its writers returns, so the graph shows exactly what reopening the store recovers.
 */
class FailedCommitRollbackTest {
  private static final Models MODELS = Twins.demo().models();
  private static final String ROOM = "dtmi:twins:demo:Room;1";
  private static final String FLOOR = "dtmi:twins:demo:Floor;1";

  @TempDir Path dir;

  private StoreEngine open(Durability d) {
    return StoreEngine.open(new StoreEngine.Config(dir, d, MODELS, UnaryOperator.identity(),
        UnaryOperator.identity(), 64L << 20, 0, CorruptionPolicy.FAIL));
  }

  private static List<String> state(Twins g) {
    List<String> out = new ArrayList<>();
    out.add("version " + g.version() + ", " + g.twinCount() + " twins, " + g.relationCount() + " relationships");
    List<Twin> twins = new ArrayList<>(g.twins());
    twins.sort(Comparator.comparing(Twin::id));
    for (Twin t : twins) {
      out.add(t.toString() + " " + t.etag() + " v" + t.version() + " " + t.metadata());
      for (Relation r : g.outgoing(t.id())) {
        out.add("  " + r + " " + r.etag() + " " + r.lastUpdateTime());
      }
      for (Relation r : g.incoming(t.id())) out.add("  in " + r.sourceId() + "/" + r.id());
    }
    out.add("rooms " + g.twinsOfModel(ROOM).size());
    return out;
  }

  private static ObjectNode floorRelation(String target) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("$targetId", target);
    o.put("$relationshipName", "hasRoom");
    return o;
  }

  @Test
  void everyChangeOfAFailedGroupIsTakenBackBeforeItsWritersReturn() throws Exception {
    StoreEngine store = open(Durability.everyWrite());
    Twins g = store.graph();
    g.createTwin("floor-1", FLOOR, Map.of("level", 1));
    for (int i = 1; i <= 4; i++) g.createTwin("room-" + i, ROOM, Map.of("temperature", 20.0 + i));
    g.relate("floor-1", "r1", "hasRoom", "room-1");
    g.relate("floor-1", "r2", "hasRoom", "room-2");
    List<String> durable = state(g);

    // every kind of change, from concurrent writers, in one group whose fsync fails
    List<Consumer<Twins>> writes = List.of(
        t -> t.set("room-1", "temperature", 30.0),
        t -> t.createTwin("room-5", ROOM, Map.of("temperature", 25.0)),
        t -> t.deleteRelation("floor-1", "r1", Condition.none()),
        t -> t.relate("floor-1", "r3", "hasRoom", "room-2"),
        t -> t.putRelation("floor-1", "r2", floorRelation("room-4"), Condition.none()),
        t -> t.delete("room-3"),
        t -> t.set("floor-1", "level", 7));
    JournalWriter journal = store.journal();
    long base = journal.lastLsn();
    journal.failFsyncs(new IOException("Input/output error"));
    journal.beforeFsync(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (journal.lastLsn() < base + writes.size() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
    });
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> seenAfterFailure = new ConcurrentLinkedQueue<>();
    List<Thread> workers = new ArrayList<>();
    for (Consumer<Twins> w : writes) {
      Thread t = new Thread(() -> {
        try {
          start.await();
          w.accept(g);
          errors.add(new AssertionError("a write of the failed group was acknowledged"));
        } catch (GraphException e) {
          if (e.code() != GraphException.Code.NOT_DURABLE) errors.add(e);
          // the moment a writer learns of the failure, none of the group's changes is visible any more
          seenAfterFailure.add(String.join("\n", state(g)));
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      t.start();
      workers.add(t);
    }
    start.countDown();
    for (Thread t : workers) t.join();
    assertThat(errors).isEmpty();
    assertThat(seenAfterFailure).hasSize(writes.size());
    assertThat(store.failure()).isPresent();
    assertThat(seenAfterFailure).allSatisfy(s -> assertThat(s).isEqualTo(String.join("\n", durable)));
    assertThat(state(g)).containsExactlyElementsOf(durable);
    assertThat(g.twin("room-5")).isEmpty();
    assertThat(g.twin("room-1").orElseThrow().number("temperature").getAsDouble()).isEqualTo(21.0);

    try {
      store.close();
    } catch (RuntimeException expected) {
      assertThat(expected).hasMessageContaining("Input/output error");
    }
    StoreEngine again = open(Durability.everyWrite());
    try {
      assertThat(again.recovery().tornTail()).isEmpty();
      assertThat(state(again.graph())).containsExactlyElementsOf(durable);
      again.graph().createTwin("room-5", ROOM, Map.of("temperature", 25.0));
    } finally {
      again.close();
    }
  }

  @Test
  void aFailedBatchIsTakenBack() {
    StoreEngine store = open(Durability.everyWrite());
    Twins g = store.graph();
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0));
    List<String> durable = state(g);
    store.journal().failFsyncs(new IOException("Input/output error"));
    Throwable thrown = null;
    try {
      store.batch(() -> {
        for (int i = 2; i <= 50; i++) g.createTwin("room-" + i, ROOM, Map.of("temperature", 20.0 + i));
        g.set("room-1", "temperature", 99.0);
        g.delete("room-7");
      });
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).isNotNull().hasMessageContaining("Input/output error");
    assertThat(state(g)).containsExactlyElementsOf(durable);
    try {
      store.close();
    } catch (RuntimeException expected) {
      // the failure again
    }
    StoreEngine again = open(Durability.everyWrite());
    try {
      assertThat(state(again.graph())).containsExactlyElementsOf(durable);
    } finally {
      again.close();
    }
  }

  @Test
  void underTheOsPolicyAFailedWriteTakesBackOnlyWhatWasNotWritten() {
    StoreEngine store = open(Durability.os());
    Twins g = store.graph();
    g.createTwin("room-1", ROOM, Map.of("temperature", 20.0));
    List<String> acknowledged = state(g);
    store.journal().failWrites(new IOException("No space left on device"));
    try {
      g.createTwin("room-2", ROOM, Map.of("temperature", 21.0));
    } catch (GraphException e) {
      assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE);
    }
    assertThat(state(g)).containsExactlyElementsOf(acknowledged);
    try {
      store.close();
    } catch (RuntimeException expected) {
      // the failure again
    }
    StoreEngine again = open(Durability.os());
    try {
      assertThat(state(again.graph())).containsExactlyElementsOf(acknowledged);
    } finally {
      again.close();
    }
  }
}
