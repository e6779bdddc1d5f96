package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Models;
import dev.twins.persistence.CorruptionPolicy;
import dev.twins.persistence.Durability;
import dev.twins.persistence.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph writes under {@link Durability#everyWrite()}: shared fsyncs, and journal failures. */
class StoreDurabilityTest {
  private static final Models MODELS = Twins.demo().models();
  private static final String ROOM = "dtmi:twins:demo:Room;1";

  @TempDir Path dir;

  private StoreEngine open() {
    return StoreEngine.open(new StoreEngine.Config(dir, Durability.everyWrite(), MODELS, UnaryOperator.identity(),
        UnaryOperator.identity(), 64L << 20, 0, CorruptionPolicy.FAIL));
  }

  private static void room(Twins g, String id, double temperature) {
    g.createTwin(id, ROOM, Map.of("temperature", temperature));
  }

  @Test
  void concurrentGraphWritersShareFsyncs() throws Exception {
    int threads = 8;
    int perThread = 25;
    StoreEngine store = open();
    try {
      Twins g = store.graph();
      JournalWriter journal = store.journal();
      long base = journal.lastLsn();
      long fsyncsBefore = journal.fsyncs();
      // hold the first fsync until every writer has appended its first record: the writers wait for
      // durability outside the graph's commit, so they can append meanwhile and share the next fsync
      AtomicBoolean first = new AtomicBoolean(true);
      journal.beforeFsync(() -> {
        if (!first.getAndSet(false)) return;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (journal.lastLsn() < base + threads && System.nanoTime() < deadline) {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      });
      CountDownLatch start = new CountDownLatch(1);
      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread w = new Thread(() -> {
          try {
            start.await();
            room(g, "room-" + id, id);
            for (int i = 1; i < perThread; i++) g.set("room-" + id, "temperature", id + i / 100.0);
          } catch (Throwable ex) {
            errors.add(ex);
          }
        });
        w.start();
        workers.add(w);
      }
      start.countDown();
      for (Thread w : workers) w.join();
      journal.beforeFsync(null);
      assertThat(errors).isEmpty();
      int writes = threads * perThread;
      assertThat(journal.lastLsn() - base).isEqualTo(writes);
      long fsyncs = journal.fsyncs() - fsyncsBefore;
      assertThat(fsyncs).as("fsyncs for %d acknowledged writes", writes).isLessThan(writes).isPositive();
      assertThat(store.fileStats()).containsEntry("journalFsyncs", journal.fsyncs());
    } finally {
      store.close();
    }
    // the journal's order is the commit order: the reopened graph is the same
    StoreEngine again = open();
    try {
      assertThat(again.graph().version()).isEqualTo(threads * perThread);
      for (int t = 0; t < threads; t++) {
        assertThat(again.graph().twin("room-" + t).orElseThrow().number("temperature").getAsDouble())
            .isEqualTo(t + (perThread - 1) / 100.0);
      }
    } finally {
      again.close();
    }
  }

  @Test
  void aJournalFailureFailsTheWriteAndStopsTheStore() {
    StoreEngine store = open();
    Twins g = store.graph();
    room(g, "room-1", 20.0);
    store.journal().failWrites(new IOException("No space left on device"));

    assertThatThrownBy(() -> g.set("room-1", "temperature", 21.0))
        .isInstanceOfSatisfying(GraphException.class, e -> {
          assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE);
          assertThat(e.getCause()).isInstanceOfSatisfying(StoreException.class, c -> {
            assertThat(c.code()).isEqualTo(StoreException.Code.IO);
            assertThat(c.file()).hasValueSatisfying(f -> assertThat(f.getFileName().toString()).startsWith("journal-"));
          });
        })
        .hasMessageContaining("not durable").hasMessageContaining("journal-").hasMessageContaining("No space left");
    assertThat(store.failure()).hasValueSatisfying(f -> assertThat(f).hasMessageContaining("No space left"));

    long version = g.version();
    assertThatThrownBy(() -> room(g, "room-2", 22.0))
        .isInstanceOfSatisfying(GraphException.class,
            e -> assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE))
        .hasMessageContaining("refuses writes").hasMessageContaining("No space left")
        .hasRootCauseInstanceOf(IOException.class);
    assertThat(g.twin("room-2")).isEmpty();
    assertThat(g.version()).isEqualTo(version);
    assertThatThrownBy(store::sync).isInstanceOf(StoreException.class).hasMessageContaining("No space left");
    assertThatThrownBy(store::close).isInstanceOf(StoreException.class).hasMessageContaining("No space left");

    StoreEngine again = open();
    try {
      assertThat(again.graph().twin("room-1").orElseThrow().number("temperature").getAsDouble()).isEqualTo(20.0);
      assertThat(again.graph().twin("room-2")).isEmpty();
      room(again.graph(), "room-2", 22.0);
    } finally {
      again.close();
    }
  }

  @Test
  void writesAfterCloseAreRefused() {
    StoreEngine store = open();
    Twins g = store.graph();
    room(g, "room-1", 20.0);
    store.close();
    assertThatThrownBy(() -> room(g, "room-2", 21.0))
        .isInstanceOfSatisfying(GraphException.class,
            e -> assertThat(e.code()).isEqualTo(GraphException.Code.NOT_DURABLE))
        .hasMessageContaining("the store is closed");
    assertThat(g.twin("room-2")).isEmpty();
  }
}
